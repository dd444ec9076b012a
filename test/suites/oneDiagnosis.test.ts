// One deviation, one diagnosis, and the run goes on: an answer the SDK cannot read, or a required
// member left out of Create's answer, is filed under the response-shape checks with the member
// named; every check that does not depend on that member still runs, against the same stores.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance } from '../../cli/runConformance.ts';
import type { Report } from '../../reports/report.ts';
import { assertValidReport, checkOf, failingIds, notPassed } from '../support/report.ts';

const test = suite('suites: one deviation, one diagnosis');
const SEED = 4;

async function against(deviations: object): Promise<Report> {
  console.log(`  seed ${SEED}`);
  const { report } = await runConformance({ target: 'emulator', emulator: { deviations }, runs: 3, seed: SEED, reportDir: false });
  assert.is(report.aborted, undefined, 'the run went to the end');
  assertValidReport(report);
  return report;
}

/** Every check but `except` judged cases: none was skipped for want of a store. */
function restRan(report: Report, except: readonly string[]): void {
  for (const c of report.checks) {
    if (except.includes(c.id)) continue;
    assert.ok(c.status === 'passed', `${c.id}: ${c.status} ${c.skipped ?? c.failures[0]?.message ?? ''}`);
  }
}

test('timestamps answered as epoch numbers: the output schema names the member, the SDK reading of it fails, the rest passes', async () => {
  const report = await against({ replacedOutputMembers: { CreateSequenceStore: { creationTime: 1764400000 } } });
  assert.equal(failingIds(report), ['shape.output-schema', 'wire.response-agrees'], notPassed(report));
  const shape = checkOf(report, 'shape.output-schema').failures[0]!;
  assert.match(shape.message, /^CreateSequenceStore response does not match the output schema: \/creationTime type: must be string; the SDK could not read it \(TypeError: /);
  assert.match(checkOf(report, 'wire.response-agrees').failures[0]!.message, /on the wire \/creationTime type: must be string/);
  const recent = checkOf(report, 'shape.creation-time-recent');
  assert.is(recent.status, 'skipped');
  assert.match(recent.skipped!, /creationTime is not a date-time string \(number\): shape\.output-schema reports it/);
  assert.is(checkOf(report, 'validation.accepts-valid').status, 'passed', 'a valid create is not reported as refused');
  restRan(report, ['shape.output-schema', 'wire.response-agrees', 'shape.creation-time-recent']);
});

test('arn left out of CreateSequenceStore: the output schema names it; stores still come (Get reads the ARN) and the rest passes', async () => {
  const report = await against({ droppedOutputMembers: { CreateSequenceStore: ['arn'] } });
  assert.equal(failingIds(report), ['shape.output-schema'], notPassed(report));
  assert.match(checkOf(report, 'shape.output-schema').failures[0]!.message, /CreateSequenceStore response does not match the output schema: \(body\) required: must have required property 'arn'/);
  restRan(report, ['shape.output-schema']);
  assert.equal(report.cleanup.left, []);
});

test('every create refused: validation.accepts-valid says so, the run goes on, and checks left without a store say why', async () => {
  const report = await against({ successStatus: { CreateSequenceStore: 500 } });
  // One diagnosis: each create made its store behind the 500, one per token, so no idempotency promise broke.
  assert.equal(failingIds(report), ['validation.accepts-valid'], notPassed(report));
  for (const id of ['unicode.version', 'exceptions.http-status', 'exceptions.sdk-class', 'wire.request-binding']) assert.is(checkOf(report, id).status, 'passed', id);
  for (const id of ['idempotency.same-token-same-store', 'idempotency.different-tokens', 'idempotency.retry-same-token', 'idempotency.concurrent-same-token', 'lifecycle.model-agrees']) {
    const c = checkOf(report, id);
    assert.is(c.status, 'skipped', id);
    assert.match(c.skipped!, /validation\.accepts-valid judges a valid create refused/, id);
  }
  assert.ok(checkOf(report, 'validation.changes-nothing').status !== 'failed');
});

test.run();
