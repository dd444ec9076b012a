// The suites through the AWS CLI against the embedded emulator, where it is installed (skipped,
// with the reason, where not). Each call runs the CLI's driver, a fresh one, in one Python
// interpreter the adapter keeps: the v1 passes the token and the error suites (some operations);
// the Debian AWS CLI v2, older than the contract, is reported, not crashed.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import { testIf } from '../support/skip.ts';
import { sdkPresent } from '../support/tools.ts';
import { checkOf, failingIds } from '../support/report.ts';
import type { Report } from '../../reports/report.ts';

const test = suite('targets: the suites through the AWS CLI');

async function run(options: ConformanceOptions): Promise<Report> {
  const { report } = await runConformance({ seed: 11, runs: 1, reportDir: false, ...options });
  return report;
}

const [cliV1, noCliV1] = sdkPresent('aws-cli-v1');
// Each call still builds a fresh CLI driver, a few tenths of a second on a loaded machine, and each
// run starts the adapter anew (it asks the CLI its version and model, a process each): each test
// judges the few checks that tell most about a CLI, on as few calls as they need (the whole suites
// take minutes).
testIf(test, cliV1, noCliV1)('aws-cli-v1: the token filled, and the same on the CLI\'s own retries', async () => {
  const report = await run({ sdk: 'aws-cli-v1', checks: ['idempotency.sdk-fills-token', 'idempotency.retry-same-token'] });
  assert.match(report.target.name, /through AWS CLI 1\./);
  assert.equal(failingIds(report), []);
  for (const id of ['idempotency.sdk-fills-token', 'idempotency.retry-same-token']) assert.is(checkOf(report, id).status, 'passed', id);
});

testIf(test, cliV1, noCliV1)('aws-cli-v1: each modelled error of Get and Delete surfaces under its name and status', async () => {
  const report = await run({ sdk: 'aws-cli-v1', checks: ['exceptions.http-status', 'exceptions.sdk-class'], operations: ['GetSequenceStore', 'DeleteSequenceStore'] });
  assert.equal(failingIds(report), []);
  for (const id of ['exceptions.http-status', 'exceptions.sdk-class']) assert.is(checkOf(report, id).status, 'passed', id);
});

const [cliV2, noCliV2] = sdkPresent('aws-cli-v2');
testIf(test, cliV2, noCliV2)('aws-cli-v2: an older client against a newer contract is reported, not crashed', async () => {
  const known = await run({ sdk: 'aws-cli-v2', checks: ['exceptions.http-status'], operations: ['GetSequenceStore'] });
  assert.match(known.target.name, /through AWS CLI 2\./);
  assert.ok(checkOf(known, 'exceptions.http-status').cases > 0);
  // An operation the client predates: every case skipped, with the reason.
  const unknown = await run({ sdk: 'aws-cli-v2', checks: ['exceptions.http-status'], operations: ['UpdateSequenceStore'] });
  assert.match(checkOf(unknown, 'exceptions.http-status').skipped ?? '', /cannot send it: it has no command aws omics update-sequence-store/);
});

test.run();
