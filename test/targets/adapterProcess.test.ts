// An adapter that breaks the protocol ends its call, and the run, within the time limits, with one
// line that says how it broke: exit 2 from the command line, never a hang or a stack trace.
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { ANSWER_GRACE_MS, AdapterFailure, AdapterUnavailable, startAdapter, type AdapterCommand } from '../../targets/adapterProcess.ts';
import { DUMMY_CREDENTIALS } from '../../targets/credentials.ts';
import { projectRoot } from '../support/paths.ts';
import { runCli, runCliHere } from '../support/cli.ts';

const test = suite('targets: a broken adapter');
const fixture = join(projectRoot, 'test', 'targets', 'fixtures', 'brokenAdapter.mjs');
const broken = (mode: string): AdapterCommand => ({ label: `broken ${mode}`, command: process.execPath, args: [fixture, mode] });
const request = (timeoutMs = 500) => ({ op: 'ListSequenceStores' as const, input: {}, endpoint: 'http://127.0.0.1:1', region: 'us-east-1', credentials: DUMMY_CREDENTIALS, retry: { maxAttempts: 1 }, timeoutMs });

async function failure(work: () => Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const started = performance.now();
  try {
    await work();
  } catch (error) {
    return { error: error as Error, ms: performance.now() - started };
  }
  throw new Error('expected a failure');
}

test('dead before its hello: the exit and its last stderr line', async () => {
  const { error } = await failure(() => startAdapter(broken('dead')));
  assert.instance(error, AdapterFailure);
  assert.match(error.message, /^the adapter broken dead exited \(code 3\): broken adapter: cannot load my SDK$/);
});

test('silent: no hello within the start limit', async () => {
  const { error, ms } = await failure(() => startAdapter(broken('silent'), 1000));
  assert.match(error.message, /did not print its hello line within 1000 ms/);
  assert.ok(ms < 5000, `${ms} ms`);
});

test('hanging, garbage, the wrong id, dying on a later call: the call fails, and every call after it', async () => {
  const cases: Array<[string, RegExp]> = [
    ['hang', /did not answer call 1 \(ListSequenceStores\) within \d+ ms/],
    ['garbage', /printed a line that is not JSON: "Traceback/],
    ['wrong-id', /answered id 2 while call 1 \(ListSequenceStores\) was waiting/],
  ];
  for (const [mode, message] of cases) {
    const adapter = await startAdapter(broken(mode));
    const { error, ms } = await failure(() => adapter.call(request()));
    assert.instance(error, AdapterFailure, mode);
    assert.match(error.message, message);
    assert.ok(ms < 500 + ANSWER_GRACE_MS + 2000, `${mode}: ${ms} ms`);
    const again = await failure(() => adapter.call(request()));
    assert.is(again.error, error, `${mode}: a broken adapter stays broken`);
    await adapter.stop();
  }
  const later = await startAdapter(broken('dies-later'));
  assert.equal(await later.call(request()), { id: 1, output: { sequenceStores: [] } });
  const { error } = await failure(() => later.call(request()));
  assert.match(error.message, /exited \(code 1\)/);
  await later.stop();
});

test('a client that is not installed: the hello says what to install', async () => {
  const missing: AdapterCommand = { label: '--sdk-adapter x', command: `${JSON.stringify(process.execPath)} -e 'console.log(JSON.stringify({ ready: false, missing: "install the x SDK" }))'`, shell: true };
  const { error } = await failure(() => startAdapter(missing));
  assert.instance(error, AdapterUnavailable);
  assert.is(error.message, '--sdk-adapter x: install the x SDK');
});

const reportDir = () => mkdtempSync(join(tmpdir(), 'omics-adapter-'));

test('run: a dead, hanging or garbage-printing adapter ends the run within its limit, one line, exit 2', async () => {
  for (const [mode, message] of [
    ['dead', /^omics-conformance: the adapter --sdk-adapter .* exited \(code 3\): broken adapter: cannot load my SDK$/],
    ['hang', /^omics-conformance run: the adapter --sdk-adapter .* did not answer call 1 \(ListSequenceStores\) within 6000 ms$/],
    ['garbage', /^omics-conformance run: the adapter --sdk-adapter .* printed a line that is not JSON: "Traceback \(most recent call last\): oops" \(call 1, ListSequenceStores\)$/],
  ] as const) {
    const started = performance.now();
    const r = await runCli(['run', '--sdk-adapter', `node ${fixture} ${mode}`, '--timeout-ms', '1000', '--report-dir', reportDir()], { timeoutMs: 60_000 });
    const ms = performance.now() - started;
    assert.is(r.code, 2, `${mode}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr.trim(), message);
    assert.is(r.stderr.trim().split('\n').length, 1, `${mode}: one line: ${r.stderr}`);
    assert.ok(ms < 30_000, `${mode}: ${ms} ms`);
  }
});

test('run: bad --sdk usage is one line and exit 2', async () => {
  for (const [args, message] of [
    [['--sdk', 'ruby'], /--sdk ruby: SDKs are js-v3, js-v2, boto3, aws-cli-v1, aws-cli-v2/],
    [['--sdk', 'boto3', '--target', 'mock'], /--sdk boto3 runs against the embedded emulator or an --endpoint, not --target mock/],
    [['--sdk', 'boto3', '--sdk-adapter', 'node x.mjs'], /give --sdk or --sdk-adapter, not both/],
    [['--sdk', 'js-v3,boto3', '--sdk-adapter', 'node x.mjs'], /an adapter of your own \(--sdk-adapter\) runs alone/],
    [['--sdk-adapter', `${process.execPath} -e 'console.log(JSON.stringify({ready:false,missing:"install the x SDK"}))'`], /--sdk-adapter .*: install the x SDK$/],
  ] as const) {
    // In this process: each ends before anything runs (cli/main.ts runs the same function).
    const r = await runCliHere(['run', ...args, '--report-dir', reportDir()]);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr.trim(), message);
    assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test.run();
