// run --sdk a,b: the same seed through each SDK, one report each and one table of them all.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { matrixConsole, matrixMarkdown, sdkMatrix } from '../../reports/sdkMatrix.ts';
import { shippedAdapter } from '../../targets/sdks.ts';
import { runCli, runCliHere } from '../support/cli.ts';
import { testIf } from '../support/skip.ts';
import { adapterHello, runtimesNodeModules } from '../support/tools.ts';
import type { Report } from '../../reports/report.ts';

const test = suite('cli: run --sdk a,b (the SDK matrix)');
const env = { ...process.env, CI: 'true', NODE_PATH: runtimesNodeModules };
const v2 = shippedAdapter('js-v2')!;
const jsV2 = adapterHello(v2.command, v2.args ?? [], { ...v2.env, NODE_PATH: runtimesNodeModules });

testIf(test, jsV2.ready, `--sdk js-v2: ${jsV2.ready ? '' : jsV2.reason}`)('js-v3 and js-v2 on one seed: a report each, the table on the console, in Markdown and JSON; exit 1 as js-v2 fails', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'omics-matrix-'));
  const r = await runCli(['run', '--sdk', 'js-v3,js-v2', '--suites', 'idempotency', '--runs', '1', '--seed', '4', '--report-dir', dir], { timeoutMs: 180_000, env });
  assert.is(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^ {2}check +level +js-v3 +js-v2$/m);
  assert.match(r.stdout, /^ {2}idempotency\.sdk-fills-token +SHOULD +pass 1 +FAIL 1\/1$/m);
  assert.match(r.stdout, /^js-v2 — aws-sdk 2\.\S+ \(JS SDK v2\): failed/m);
  for (const sdk of ['js-v3', 'js-v2']) assert.ok(existsSync(join(dir, sdk, 'report.json')), sdk);
  const md = readFileSync(join(dir, 'sdk-matrix.md'), 'utf8');
  assert.match(md, /^\| check \| level \| js-v3 \| js-v2 \|$/m);
  assert.match(md, /^\| `idempotency\.retry-same-token` \| MUST \| pass 1 \| \*\*FAIL 1\/1\*\* \|$/m);
  const json = JSON.parse(readFileSync(join(dir, 'sdk-matrix.json'), 'utf8'));
  assert.is(json.format, 'omics-conformance-sdk-matrix');
  assert.is(json.seed, 4);
  assert.equal(json.columns.map((c: { sdk: string; outcome: string }) => [c.sdk, c.outcome]), [['js-v3', 'passed'], ['js-v2', 'failed']]);
});

test('a column whose client is missing is shown as not run, with the reason; a check one column lacks is -', () => {
  const report = { checks: [{ id: 'a.b', level: 'MUST', title: 't', status: 'passed', cases: 2, counts: { failed: 0, warnings: 0, observed: 0 }, failures: [], warnings: [], observed: [] }], summary: { passed: 1, failed: 0, skipped: 0, warnings: 0 }, verdict: { outcome: 'passed' } } as unknown as Report;
  const m = sdkMatrix([{ sdk: 'js-v3', report }, { sdk: 'aws-cli-v2', note: '--sdk aws-cli-v2: no AWS CLI v2 found' }], { seed: 1, runs: 1, suites: ['a'], target: 'embedded emulator' });
  assert.equal(m.columns.map((c) => c.outcome), ['passed', 'not run']);
  assert.equal(m.rows[0]!.cells.map((c) => c.status), ['passed', 'not run']);
  assert.match(matrixConsole(m), /a\.b +MUST +pass 2 +-/);
  assert.match(matrixMarkdown(m), /- aws-cli-v2: not run: --sdk aws-cli-v2: no AWS CLI v2 found/);
});

test('--plan with --sdk: a plan per SDK, each as that client would run (an adapter sends no raw-wire case; on aws it sees no wire), nothing sent', async () => {
  const plan = await runCliHere(['run', '--plan', '--seed', '3', '--suites', 'validation,wire', '--operations', 'GetSequenceStore', '--sdk', 'js-v3,boto3']);
  assert.is(plan.code, 0, plan.stderr);
  const [inProcess, boto3] = plan.stdout.split(/\n\n(?=Plan for)/);
  assert.match(inProcess!, /^Plan for --target emulator with --seed 3; nothing was sent\.$/m);
  assert.match(boto3!, /^Plan for --target emulator through boto3 with --seed 3; nothing was sent\.$/m);
  const calls = (text: string, suite: string) => Number(new RegExp(`^ {2}${suite} +\\d+ +\\d+ +(\\d+)$`, 'm').exec(text)?.[1]);
  assert.ok(calls(boto3!, 'validation') < calls(inProcess!, 'validation'), 'the raw-wire cases are not the adapter\'s to send');
  assert.ok(calls(boto3!, 'wire') > 0, 'on our emulator the adapter\'s wire is in its request log');
  const onAws = await runCliHere(['run', '--plan', '--seed', '3', '--suites', 'wire', '--operations', 'GetSequenceStore', '--sdk', 'boto3', '--target', 'aws', '--allow-real-resources', '--region', 'us-east-1']);
  assert.is(onAws.code, 0, onAws.stderr);
  assert.match(onAws.stdout, /^Plan for --target aws through boto3 /m);
  assert.is(calls(onAws.stdout, 'wire'), 0, 'no wire through an SDK on the real service: its checks are skipped');
});

test.run();
