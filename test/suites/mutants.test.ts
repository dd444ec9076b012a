// Each check is shown to catch its deviation: an emulator broken in exactly one way makes exactly
// that check fail, with a minimal (shrunk or boundary) counterexample; the unbroken emulator passes.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import type { Report, ReportedCheck, ReportedFinding } from '../../reports/report.ts';
import { catalogue } from '../../emulator/mutants/catalogue.ts';
import { assertValidReport, checkOf, failingIds } from '../support/report.ts';
import { startEmulator } from '../../emulator/index.ts';

const mutants = suite('suites: every check catches its deviation');

/** In process (the mock target) unless a test names the emulator: only what the wire shows needs HTTP. */
async function run(options: ConformanceOptions): Promise<Report> {
  const { report } = await runConformance({ target: 'mock', runs: 6, seed: 11, reportDir: false, ...options });
  assertValidReport(report);
  return report;
}

const check = checkOf;

function onlyFailing(report: Report, id: string): ReportedCheck {
  const failing = failingIds(report);
  assert.ok(failing.includes(id), `${id} should fail; failing: ${failing.join(', ') || 'none'}`);
  return check(report, id);
}

mutants('the unbroken emulator passes every check of both suites', async () => {
  const report = await run({ suites: ['shape', 'validation'], operations: ['CreateSequenceStore', 'TagResource'] });
  assert.equal(report.checks.filter((c) => c.status === 'failed').map((c) => c.id), []);
  assert.is(report.summary.failed, 0);
});

mutants('validation.rejects-invalid: name max length not enforced → the name of 128 characters, found at the boundary', async () => {
  const report = await run({ suites: ['validation'], operations: ['CreateSequenceStore'], emulator: { deviations: { unenforcedRules: ['CreateSequenceStore:name:length.max'] } } });
  const c = onlyFailing(report, 'validation.rejects-invalid');
  const boundary = c.failures.find((f) => f.case.phase === 'boundary')!;
  assert.ok(boundary, 'a boundary failure');
  assert.is([...((boundary.case.input as { name: string }).name)].length, 128);
  assert.match(boundary.message, /name length\.max/);
  assert.equal(report.checks.filter((x) => x.status === 'failed').map((x) => x.id), ['validation.rejects-invalid']);
});

mutants('validation.rejects-invalid: the wrong error type is named as received', async () => {
  const report = await run({ target: 'emulator', suites: ['validation'], operations: ['GetSequenceStore'], emulator: { deviations: { errors: { ValidationException: { type: 'InvalidParameterException' } } } } });
  const c = onlyFailing(report, 'validation.rejects-invalid');
  assert.match(c.failures[0]!.message, /expected ValidationException \(HTTP 400\), received InvalidParameterException/);
  assert.is(c.failures[0]!.observed.errorType, 'InvalidParameterException');
});

mutants('validation.rejects-invalid: a 404 reported as 400 is caught by status', async () => {
  const report = await run({ target: 'emulator', suites: ['validation'], operations: ['GetSequenceStore'], emulator: { deviations: { errors: { ValidationException: { status: 422 } } } } });
  const c = onlyFailing(report, 'validation.rejects-invalid');
  assert.match(c.failures[0]!.message, /HTTP 422/);
});

mutants('validation.rejects-documented-limit: 51 tags accepted on create', async () => {
  const report = await run({ suites: ['validation'], operations: ['CreateSequenceStore'], emulator: { behaviour: { enforceDocumentedLimits: false } } });
  const c = onlyFailing(report, 'validation.rejects-documented-limit');
  assert.is(c.level, 'SHOULD');
  assert.is(Object.keys((c.failures[0]!.case.input as { tags: object }).tags).length, 51);
});

mutants('validation.accepts-valid: a description limit tighter than the contract → a valid description refused', async () => {
  const report = await run({ suites: ['validation'], operations: ['CreateSequenceStore'], emulator: { deviations: { tightenedBounds: { 'CreateSequenceStore:description:length.max': 200 } } } });
  const c = onlyFailing(report, 'validation.accepts-valid');
  const length = [...((c.failures[0]!.case.input as { description: string }).description)].length;
  assert.ok(length > 200 && length <= 255, String(length));
});

mutants('validation.changes-nothing: validation after the effect leaves a store behind', async () => {
  const report = await run({ suites: ['validation'], operations: ['CreateSequenceStore', 'UpdateSequenceStore'], emulator: { deviations: { validateAfterEffect: true } } });
  const c = onlyFailing(report, 'validation.changes-nothing');
  assert.ok(c.failures.some((f) => f.case.operation === 'CreateSequenceStore' && /yet store \d+ exists/.test(f.message)));
  assert.ok(c.failures.some((f) => f.case.operation === 'UpdateSequenceStore' && /changed the store/.test(f.message)));
  assert.is(report.cleanup.left.length, 0, 'the stores the deviation left are the run\'s own and are deleted');
});

mutants('shape.output-schema: a required output member dropped, shrunk to a minimal create', async () => {
  const report = await run({ suites: ['shape'], emulator: { deviations: { droppedOutputMembers: { CreateSequenceStore: ['creationTime'] } } } });
  const c = onlyFailing(report, 'shape.output-schema');
  assert.match(c.failures[0]!.message, /creationTime/);
  const random = c.failures.find((f) => f.case.phase === 'random');
  assert.ok(random, 'the property failed too');
  assert.match(random!.replay, /^shape\/CreateSequenceStore\/valid@-?\d+:[\d:]+$/);
  const keys = Object.keys(random!.case.input as object).filter((k) => k !== 'clientToken');
  assert.equal(keys, ['name'], `shrunk to the required member: ${JSON.stringify(random!.case.input)}`);
});

mutants('shape.success-status: 201 for a create', async () => {
  const report = await run({ target: 'emulator', suites: ['shape'], emulator: { deviations: { successStatus: { CreateSequenceStore: 201 } } } });
  assert.match(onlyFailing(report, 'shape.success-status').failures[0]!.message, /HTTP 201, the model says 200/);
});

mutants('shape.id-arn-agree: an ARN naming another id', async () => {
  const report = await run({ suites: ['shape'], emulator: { deviations: { replacedOutputMembers: { GetSequenceStore: { arn: 'arn:aws:omics:us-east-1:111111111111:sequenceStore/0000000000' } } } } });
  assert.match(onlyFailing(report, 'shape.id-arn-agree').failures[0]!.message, /names id 0000000000/);
});

mutants('shape.echo-inputs: a name answered other than given', async () => {
  const report = await run({ suites: ['shape'], emulator: { deviations: { replacedOutputMembers: { CreateSequenceStore: { name: 'not what you asked for' } } } } });
  assert.match(onlyFailing(report, 'shape.echo-inputs').failures[0]!.message, /says name "not what you asked for"/);
});

mutants('shape.etag-default: another default eTagAlgorithmFamily', async () => {
  const report = await run({ suites: ['shape'], emulator: { behaviour: { defaultETagAlgorithmFamily: 'SHA256up' } } });
  assert.match(onlyFailing(report, 'shape.etag-default').failures[0]!.message, /reports "SHA256up", the documentation says MD5up/);
});

mutants('shape.creation-time-recent: a creationTime years away', async () => {
  const report = await run({ suites: ['shape'], emulator: { deviations: { replacedOutputMembers: { CreateSequenceStore: { creationTime: '2001-01-01T00:00:00Z' } } } } });
  onlyFailing(report, 'shape.creation-time-recent');
});

const tagsLost = catalogue().find((e) => e.id === 'tags-lost')!.emulator;
const createdWith = (f: ReportedFinding) => JSON.parse(/the store was created with (.*)$/.exec(f.message)![1]!) as Record<string, string>;
const plainTags = (tags: Record<string, string>) => Object.entries(tags).every(([k, v]) => /^[A-Za-z0-9]+$/.test(k) && /^[A-Za-z0-9]*$/.test(v));
/** The shape suite against tags-lost, run once for the two tests that read it. */
let tagsLostRun: Promise<Report> | undefined;
const againstTagsLost = () => (tagsLostRun ??= run({ suites: ['shape'], emulator: tagsLost }));

mutants('shape.tags-echo: tags lost → {"a":"a"} from the boundary phase, plain ASCII tags from the property', async () => {
  const c = onlyFailing(await againstTagsLost(), 'shape.tags-echo');
  assert.match(c.failures[0]!.message, /ListTagsForResource lists \{\}, the store was created with \{/);
  const boundary = c.failures.filter((f) => f.case.phase === 'boundary');
  assert.equal(createdWith(boundary[0]!), { a: 'a' }, boundary[0]!.message);
  for (const f of boundary) {
    assert.ok(plainTags(createdWith(f)), `${f.case.label}: ${f.message.slice(0, 200)}`);
    assert.match(f.replay, /^shape\/boundary@\d+:plain=name,tags$/);
  }
  const random = c.failures.find((f) => f.case.phase === 'random');
  assert.ok(random, 'the property failed too');
  const shrunk = createdWith(random!);
  assert.equal(Object.keys(shrunk).length, 1, random!.message);
  assert.ok(plainTags(shrunk), random!.message);
});

mutants("shape.tags-echo: a plain boundary case's replay reproduces it; without its suffix, the case as generated", async () => {
  const first = onlyFailing(await againstTagsLost(), 'shape.tags-echo').failures.find((f) => f.case.phase === 'boundary')!;
  assert.match(first.replay, /:plain=/);
  const again = onlyFailing(await run({ suites: ['shape'], emulator: tagsLost, replay: first.replay }), 'shape.tags-echo');
  assert.is(again.failures.length, 1);
  assert.is(again.failures[0]!.message, first.message);
  assert.is(again.failures[0]!.replay, first.replay);
  const original = onlyFailing(await run({ suites: ['shape'], emulator: tagsLost, replay: first.replay.replace(/:plain=.*$/, '') }), 'shape.tags-echo').failures[0]!;
  assert.is(original.case.label, first.case.label);
  assert.not.ok(plainTags(createdWith(original)), `the generated case: ${original.message}`);
});

mutants('shape.list-contains-created: a store missing from the list', async () => {
  const report = await run({ suites: ['shape'], emulator: { deviations: { replacedOutputMembers: { ListSequenceStores: { sequenceStores: [] } } } } });
  onlyFailing(report, 'shape.list-contains-created');
});

mutants('shape.arn-consistent: ARNs of another region than the endpoint', async () => {
  const emulator = await startEmulator({ region: 'eu-west-1' });
  try {
    const report = await run({ target: 'endpoint', endpoint: emulator.url, region: 'us-east-1', suites: ['shape'] });
    assert.match(onlyFailing(report, 'shape.arn-consistent').failures[0]!.message, /region eu-west-1, the client called us-east-1/);
  } finally {
    await emulator.close();
  }
});

mutants('shape.unknown-members: a member from a newer service is a warning, never a failure', async () => {
  const report = await run({ target: 'emulator', suites: ['shape'], emulator: { deviations: { replacedOutputMembers: { GetSequenceStore: { retentionDays: 30 } } } } });
  const c = check(report, 'shape.unknown-members');
  assert.is(c.status, 'passed');
  assert.ok(c.counts.warnings > 0);
  assert.match(c.warnings[0]!.message, /retentionDays/);
  assert.equal(report.checks.filter((x) => x.status === 'failed').map((x) => x.id), []);
});

mutants.run();
