// `omics-conformance emulator`: prints its URL, serves, stops cleanly on SIGTERM (the installed command,
// a process of its own); bad flags exit 2 (in this process: cli/main.ts runs the same function).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { projectRoot } from '../support/paths.ts';
import { unicodeVersions } from '../../specs/index.ts';
import { runCliHere } from '../support/cli.ts';
import { rawRequest } from './helpers.ts';

const test = suite('cli: omics-conformance emulator');
const installed = join(projectRoot, 'cli', 'omics-conformance.js');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]) {
  const child = spawn(process.execPath, [installed, 'emulator', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const exited = new Promise<Exit>((resolve) => child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr }))));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const line = /^(http:\/\/\S+)$/m.exec(stdout);
      if (line) resolve(line[1]!);
    });
    void exited.then((e) => reject(new Error(`the emulator exited with ${e.code} before printing a URL: ${e.stderr}`)));
  });
  url.catch(() => {}); // only the tests that wait for a URL read this rejection
  return { child, url, exited };
}

test('prints the URL, serves the API, and exits 0 on SIGTERM', async () => {
  const run = start(['--port', '0', '--region', 'ap-south-1', '--account', '210987654321', '--faults', 'next=1:ListSequenceStores:ThrottlingException']);
  const url = await run.url;
  const faulted = await rawRequest(url, 'POST', '/sequencestores', '{}');
  assert.is(faulted.status, 429);
  const created = await rawRequest(url, 'POST', '/sequencestore', '{"name":"from cli"}');
  assert.match(JSON.parse(created.body).arn, /^arn:aws:omics:ap-south-1:210987654321:sequenceStore\/\d+$/);
  run.child.kill('SIGTERM');
  const exit = await run.exited;
  assert.is(exit.code, 0, exit.stderr);
  assert.match(exit.stderr, /SIGTERM, closing/);
});

test('bad flags: one clear line on stderr and exit 2', async () => {
  // A state file under a regular file cannot be written (as root, too): refused at start-up.
  const cases = [['--port', 'abc'], ['--bogus'], ['--faults', 'rate=7'], ['--account', '12'], ['--unicode-version', '5.0'], ['--state-file', join(installed, 'state.json')]];
  const exits: Exit[] = [];
  for (const args of cases) exits.push(await runCliHere(['emulator', ...args]));
  for (const [i, exit] of exits.entries()) {
    const args = cases[i]!;
    assert.is(exit.code, 2, `${args.join(' ')}: ${exit.stderr}`);
    assert.is(exit.stderr.trim().split('\n').length, 1, exit.stderr);
    assert.match(exit.stderr, /^omics-conformance: /);
  }
  assert.match(exits.at(-1)!.stderr, /^omics-conformance: emulator: cannot read the state file .*omics-conformance\.js\/state\.json: ENOTDIR/);
});

test('--unicode-version: names the versions it knows when given another; judges names by the one it is given', async () => {
  const bad = await runCliHere(['emulator', '--unicode-version', '99.0']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, new RegExp(`must be one of ${unicodeVersions.join(', ').replace(/\./g, '\\.')}, got '99\\.0'`));
  const run = start(['--port', '0', '--unicode-version', '14.0.0']);
  const url = await run.url;
  // U+061D was assigned in Unicode 14.0, U+0CF3 in 15.0.
  const inV14 = await rawRequest(url, 'POST', '/sequencestores', JSON.stringify({ filter: { name: '\u061d' } }));
  const inV15 = await rawRequest(url, 'POST', '/sequencestores', JSON.stringify({ filter: { name: '\u0cf3' } }));
  run.child.kill('SIGTERM');
  const exit = await run.exited;
  assert.is(inV14.status, 200, inV14.body);
  assert.is(inV15.status, 400, inV15.body);
  assert.match(exit.stderr, /Unicode 14\.0/);
});

test.run();
