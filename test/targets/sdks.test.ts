// The suites through each SDK against the embedded emulator, where its client is installed (each
// test is skipped, with the reason, where it is not). The JS SDK v3 (in process and behind the
// example adapter) and boto3 pass whole; the JS SDK v2 fails exactly where that client departs
// from the contract. The AWS CLIs are in awsCli.test.ts.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import { benignVariants } from '../../emulator/mutants/variants.ts';
import { testIf } from '../support/skip.ts';
import { runtimesNodeModules, sdkPresent } from '../support/tools.ts';
import { checkOf, failingIds } from '../support/report.ts';
import { startEmulatorProcess } from '../support/emulatorProcess.ts';
import type { Report } from '../../reports/report.ts';

// The JS SDK v2 is a test runtime package (test/runtimes), found by its adapter through NODE_PATH.
process.env.NODE_PATH = runtimesNodeModules;

const test = suite('targets: the suites through each SDK');

async function run(options: ConformanceOptions): Promise<Report> {
  const { report } = await runConformance({ seed: 11, runs: 1, reportDir: false, ...options });
  return report;
}

const judged = (report: Report) => report.checks.filter((c) => c.status !== 'skipped').length;

test('js-v3 in process (the default): the token and error suites pass', async () => {
  const report = await run({ suites: ['idempotency', 'exceptions'] });
  assert.equal(failingIds(report), []);
  assert.is(checkOf(report, 'idempotency.retry-same-token').status, 'passed');
});

test('js-v3 behind the example adapter (targets/adapters/js-v3.mjs): every suite passes, its wire from the emulator\'s log', async () => {
  const report = await run({ sdkAdapter: `node ${new URL('../../targets/adapters/js-v3.mjs', import.meta.url).pathname}` });
  assert.match(report.target.name, /through @aws-sdk\/client-omics \d/);
  assert.equal(failingIds(report), []);
  for (const id of ['wire.request-binding', 'wire.token-sent', 'wire.response-agrees', 'idempotency.sdk-fills-token', 'idempotency.retry-same-token', 'exceptions.sdk-class', 'exceptions.fault', 'exceptions.retryable']) assert.is(checkOf(report, id).status, 'passed', id);

});

const [boto3, noBoto3] = sdkPresent('boto3');
testIf(test, boto3, noBoto3)('boto3: every suite passes; members from a newer service are tolerated', async () => {
  const report = await run({ sdk: 'boto3' });
  assert.match(report.target.name, /through boto3 \d/);
  assert.equal(failingIds(report), []);
  assert.is(judged(report), report.checks.length, 'every check judged a case');
  const extra = benignVariants().find((v) => v.id === 'extra-member')!;
  const newer = await run({ sdk: 'boto3', suites: ['shape', 'wire'], operations: ['CreateSequenceStore', 'GetSequenceStore'], emulator: extra.emulator });
  assert.equal(failingIds(newer), []);
  assert.ok(checkOf(newer, 'shape.unknown-members').counts.warnings > 0, 'the unknown member was seen on the wire');
  assert.is(checkOf(newer, 'wire.response-agrees').status, 'passed', 'and boto3 read the rest of the answer');
});

testIf(test, boto3, noBoto3)("boto3 against an --endpoint that is our emulator: its admin route gives the log and the faults", async () => {
  const emulator = await startEmulatorProcess();
  try {
    const report = await run({ sdk: 'boto3', endpoint: emulator.url, suites: ['idempotency'] });
    assert.is(report.target.kind, 'endpoint');
    assert.equal(failingIds(report), []);
    for (const id of ['idempotency.sdk-fills-token', 'idempotency.retry-same-token']) assert.is(checkOf(report, id).status, 'passed', id);
  } finally {
    await emulator.stop();
  }
});

const [jsV2, noJsV2] = sdkPresent('js-v2');
testIf(test, jsV2, noJsV2)("js-v2: fails exactly where the JS SDK v2 departs from the contract (no token filled); what its older model lacks is noted", async () => {
  const report = await run({ sdk: 'js-v2' });
  assert.match(report.target.name, /through aws-sdk 2\./);
  assert.equal(failingIds(report), ['idempotency.sdk-fills-token', 'idempotency.retry-same-token', 'wire.token-sent']);
  assert.match(checkOf(report, 'wire.token-sent').failures[0]!.message, /clientToken is missing from the request/);
  const agrees = checkOf(report, 'wire.response-agrees');
  assert.ok(agrees.counts.observed > 0);
  assert.match(agrees.observed[0]!.message, /but for .*status.*, which the client's model does not have/);
  assert.match(checkOf(report, 'exceptions.fault').skipped ?? '', /the client does not tell whose fault an error is/);
  assert.match(checkOf(report, 'exceptions.fault').skipped ?? '', /cannot send it: its model has no operation UpdateSequenceStore/);
});

test.run();
