// Recorded cases as fixtures: a case on a store the run made before it gets the setup that makes the
// store as the run did and waits for it, and names it by the placeholder the setup's answer binds; a
// List answer that held other cases' stores compares only the case's own; what cannot stand alone is
// skipped with its reason.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { CapturedCase } from '../../reports/baseline/capture.ts';
import { defaultTransformers } from '../../reports/baseline/transformers.ts';
import { recordedFixture, SKIP_REASONS, type MadeStores } from '../../reports/fixtures/fromRecording.ts';
import { sequenceStoreArn, storeStatus, type OperationName } from '../../specs/index.ts';
import { exceptionCases } from '../../suites/exceptions/cases.ts';
import type { Observation } from '../../targets/types.ts';

const fromRecording = suite('reports: fixtures from a recording');

const ID1 = '1234567890';
const ID2 = '2345678901';
const OTHER = '3456789012';
const ARN1 = sequenceStoreArn('aws', 'us-east-1', '111122223333', ID1);
const TIME = '2025-06-01T12:00:00.000Z';
const STORE_INPUT = { name: 'omics-conformance a1b2c3d4e5f6 fixture 1', tags: { 'omics-conformance:run': 'a1b2c3d4e5f6' } };
const ORIGIN = { target: 'emulator', seed: 1 };

function obs(operation: OperationName, input: Record<string, unknown>, output?: Record<string, unknown>, error?: string): Observation {
  return { operation, input, via: 'sdk', client: error ? { error: { name: error, message: 'no', httpStatus: 404 } } : { output: output ?? {} }, durationMs: 1 };
}

const store = (id: string, extra: Record<string, unknown> = {}) => ({ id, arn: sequenceStoreArn('aws', 'us-east-1', '111122223333', id), name: STORE_INPUT.name, status: storeStatus.active, creationTime: TIME, ...extra });
const made: MadeStores = new Map([[ID1, { input: STORE_INPUT, observation: obs('CreateSequenceStore', STORE_INPUT, store(ID1)) }]]);
const captured = (label: string, ...observations: Observation[]): CapturedCase => ({ suite: 'validation', key: `validation/boundary@${label.length}`, label, calls: observations.map((observation) => ({ observation, startedAt: 0 })) });
const made1 = (c: CapturedCase) => recordedFixture(c, defaultTransformers(), ORIGIN, made);

fromRecording('a case on a store the run made before it: the store made as the run made it, waited for, then named by placeholder', () => {
  const c = captured('tags a shared store', obs('TagResource', { resourceArn: ARN1, tags: { a: 'b' } }), obs('GetSequenceStore', { id: ID1 }, store(ID1)));
  const made = made1(c);
  assert.ok('fixture' in made, JSON.stringify(made));
  const [create, settle, tag, get] = made.fixture.steps;
  assert.is(made.fixture.steps.length, 4);
  assert.is(create!.role, 'setup');
  assert.equal(JSON.parse(create!.request.body), STORE_INPUT);
  assert.equal(create!.expect, { status: 200, output: { id: '<id:1>', arn: 'arn:aws:omics:<region:1>:<account:1>:sequenceStore/<id:1>' }, partial: true });
  assert.is(settle!.role, 'setup');
  assert.is(settle!.request.uri, '/sequencestore/<id:1>');
  assert.equal(settle!.expect.output, { status: storeStatus.active });
  assert.ok(settle!.poll && settle!.poll.withinMs > settle!.poll.everyMs);
  assert.is(tag!.role, undefined);
  assert.is(tag!.request.uri, '/tags/arn%3Aaws%3Aomics%3A<region:1>%3A<account:1>%3AsequenceStore%2F<id:1>');
  assert.equal(get!.expect.output, { id: '<id:1>', arn: 'arn:aws:omics:<region:1>:<account:1>:sequenceStore/<id:1>', name: STORE_INPUT.name, status: storeStatus.active, creationTime: '<time:1>' });
});

fromRecording('a store the case made itself, or one no one made, needs no setup; a made-up id stays literal', () => {
  const own = made1(captured('creates then reads', obs('CreateSequenceStore', STORE_INPUT, store(ID1)), obs('GetSequenceStore', { id: ID1 }, store(ID1))));
  assert.ok('fixture' in own && own.fixture.steps.every((s) => s.role === undefined) && own.fixture.steps[1]!.request.uri === '/sequencestore/<id:1>');
  const absent = made1(captured('reads an absent store', obs('GetSequenceStore', { id: ID2 }, undefined, 'ResourceNotFoundException')));
  assert.ok('fixture' in absent && absent.fixture.steps.length === 1 && absent.fixture.steps[0]!.request.uri === `/sequencestore/${ID2}`);
});

fromRecording('a List answer that held other cases\' stores: only the case\'s own items, no page token, and the rule that says so', () => {
  const listed = obs('ListSequenceStores', {}, { sequenceStores: [store(OTHER), store(ID1)], nextToken: 'tok' });
  const made = made1(captured('lists after a read', obs('GetSequenceStore', { id: ID1 }, store(ID1)), listed));
  assert.ok('fixture' in made, JSON.stringify(made));
  const list = made.fixture.steps.at(-1)!;
  assert.equal(list.expect.ownItems, { member: 'sequenceStores', key: 'id', token: 'nextToken' });
  const items = (list.expect.output as { sequenceStores: { id: string }[]; nextToken?: string }).sequenceStores;
  assert.equal(items.map((s) => s.id), ['<id:1>']);
  assert.not.ok('nextToken' in (list.expect.output as object));
  // Its own items only: nothing to scope.
  const alone = made1(captured('lists its own', obs('GetSequenceStore', { id: ID1 }, store(ID1)), obs('ListSequenceStores', {}, { sequenceStores: [store(ID1)] })));
  assert.ok('fixture' in alone && alone.fixture.steps.at(-1)!.expect.ownItems === undefined);
  // A walk on through such a list breaks elsewhere in a replay.
  const walked = made1(captured('walks pages', listed, obs('ListSequenceStores', { nextToken: 'tok' }, { sequenceStores: [] })));
  assert.equal(walked, { skipped: SKIP_REASONS.foreignPages });
});

fromRecording('what cannot stand alone is skipped with its reason', () => {
  const fault = exceptionCases().find((c) => c.cause === 'fault')!;
  assert.equal(made1(captured(fault.label, obs(fault.operation, fault.input, undefined, 'ThrottlingException'))), { skipped: SKIP_REASONS.madeError });
  assert.equal(made1({ ...captured('nothing'), calls: [] }), { skipped: SKIP_REASONS.noCall });
  assert.equal(made1({ ...captured('skipped'), calls: [], skipped: 'no wire' }), { skipped: SKIP_REASONS.skipped });
  assert.equal(made1(captured('unanswered', { ...obs('GetSequenceStore', { id: ID1 }), transportError: 'timeout' })), { skipped: SKIP_REASONS.unanswered });
});

fromRecording.run();
