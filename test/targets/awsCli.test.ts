// The suites through the AWS CLI against the embedded emulator, where it is installed (skipped,
// with the reason, where not). A process per call, a second or more each: the v1 passes the token
// and the error suites (some operations); the Debian AWS CLI v2, older than the contract, is
// reported, not crashed.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import { shippedAdapter, type SdkName } from '../../targets/sdks.ts';
import { testIf } from '../support/skip.ts';
import { adapterHello } from '../support/tools.ts';
import { checkOf, failingIds } from '../support/report.ts';
import type { Report } from '../../reports/report.ts';

const test = suite('targets: the suites through the AWS CLI');

function hello(sdk: SdkName) {
  const cmd = shippedAdapter(sdk)!;
  return adapterHello(cmd.command, cmd.args ?? [], cmd.env);
}
const present = (sdk: SdkName) => {
  const h = hello(sdk);
  return [h.ready, h.ready ? '' : `--sdk ${sdk}: ${h.reason}`] as const;
};

async function run(options: ConformanceOptions): Promise<Report> {
  const { report } = await runConformance({ seed: 11, runs: 1, reportDir: false, ...options });
  return report;
}

const [cliV1, noCliV1] = present('aws-cli-v1');
// One suite per test: a process per call makes each take a minute or more.
testIf(test, cliV1, noCliV1)('aws-cli-v1: the idempotency suite passes: the token filled, and the same on the CLI\'s own retries', async () => {
  const report = await run({ sdk: 'aws-cli-v1', suites: ['idempotency'] });
  assert.match(report.target.name, /through AWS CLI 1\./);
  assert.equal(failingIds(report), []);
  for (const id of ['idempotency.sdk-fills-token', 'idempotency.retry-same-token']) assert.is(checkOf(report, id).status, 'passed', id);
});

testIf(test, cliV1, noCliV1)('aws-cli-v1: the exceptions suite passes (Create, Get, List, Delete)', async () => {
  const report = await run({ sdk: 'aws-cli-v1', suites: ['exceptions'], operations: ['CreateSequenceStore', 'GetSequenceStore', 'ListSequenceStores', 'DeleteSequenceStore'] });
  assert.equal(failingIds(report), []);
  for (const id of ['exceptions.http-status', 'exceptions.sdk-class']) assert.is(checkOf(report, id).status, 'passed', id);
});

const [cliV2, noCliV2] = present('aws-cli-v2');
testIf(test, cliV2, noCliV2)('aws-cli-v2: an older client against a newer contract is reported, not crashed', async () => {
  const report = await run({ sdk: 'aws-cli-v2', suites: ['exceptions'] });
  assert.match(report.target.name, /through AWS CLI 2\./);
  assert.ok(checkOf(report, 'exceptions.http-status').cases > 0);
  assert.match(report.checks.map((c) => c.skipped ?? '').join('\n'), /cannot send it: it has no command aws omics update-sequence-store/);
});

test.run();
