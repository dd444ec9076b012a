// Baselines as data: normalisation that keeps identity, comparison by path and kind, divergences,
// and a versioned file that is read or refused with one line.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { callView, type CallView } from '../../reports/baseline/callView.ts';
import { capturedCase } from '../../reports/baseline/capture.ts';
import { compareCases } from '../../reports/baseline/compare.ts';
import { judgeDifferences, parseDivergences } from '../../reports/baseline/divergences.ts';
import { BASELINE_FORMAT, BASELINE_VERSION, BaselineError, parseBaseline, serialiseBaseline, type Baseline, type BaselineCase } from '../../reports/baseline/format.ts';
import { distanceText, normaliseCalls, type TimedCall } from '../../reports/baseline/normalise.ts';
import { pathPattern, pathText } from '../../reports/baseline/path.ts';
import { defaultTransformers } from '../../reports/baseline/transformers.ts';
import { RECORDED_HEADERS } from '../../reports/baseline/build.ts';
import { sequenceStoreArn, type OperationName } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';

const baseline = suite('reports: baselines');

const T0 = Date.parse('2025-06-01T12:00:00.000Z');
const ID1 = '1234567890';
const ID2 = '2345678901';
const ARN1 = sequenceStoreArn('aws', 'us-east-1', '111122223333', ID1);
const ARN2 = sequenceStoreArn('aws', 'us-east-1', '111122223333', ID2);
const RUN_ID = 'a1b2c3d4e5f6';

function wireObs(operation: OperationName, input: Record<string, unknown>, status: number, body: unknown, headers: Record<string, string> = {}): Observation {
  return {
    operation,
    input,
    via: 'sdk',
    wire: [{ request: { method: 'POST', path: '/', headers: {}, body: '' }, response: { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) } }],
    client: status < 300 ? { output: body as Record<string, unknown> } : { error: { name: (headers['x-amzn-errortype'] ?? 'Unknown'), message: (body as { message: string }).message, httpStatus: status } },
    durationMs: 5,
  };
}

const timed = (observation: Observation, startedAt = T0, role?: string): TimedCall => ({ view: callView(observation, role, RECORDED_HEADERS), startedAt });
const normalise = (calls: TimedCall[], unique: string[] = []) => normaliseCalls(calls, defaultTransformers(), { runId: RUN_ID, unique: new Set(unique) });
const iso = (ms: number) => new Date(ms).toISOString();

baseline('ids, ARNs, request ids and the run\'s own values become references numbered within the case; the same value is the same reference', () => {
  const created = wireObs('CreateSequenceStore', { name: 'made-unique-xyz', tags: { 'omics-conformance:run': RUN_ID } }, 200, { id: ID1, arn: ARN1, name: 'made-unique-xyz', creationTime: iso(T0 + 10) }, { 'x-amzn-requestid': '0f8fad5b-d9cb-469f-a165-70867728950e' });
  const read = wireObs('GetSequenceStore', { id: ID1 }, 200, { id: ID1, arn: ARN1, description: `omics-conformance ${RUN_ID} fixture 3` }, { 'x-amzn-requestid': '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
  const other = wireObs('GetSequenceStore', { id: ID2 }, 404, { message: `no sequence store with id ${ID2}` }, { 'x-amzn-errortype': 'ResourceNotFoundException', 'x-amzn-requestid': '16fd2706-8baf-433b-82eb-8c7fada847da' });
  const [c, g, o] = normalise([timed(created), timed(read), timed(other)], ['made-unique-xyz']) as [CallView, CallView, CallView];
  assert.equal(c.input, { name: '<unique:1>', tags: { 'omics-conformance:run': '<harness:1>' } });
  assert.equal(c.output, { arn: 'arn:aws:omics:<region:1>:<account:1>:sequenceStore/<id:1>', creationTime: '<time:1 now>', id: '<id:1>', name: '<unique:1>' });
  assert.equal(c.headers, { 'content-type': 'application/json', 'x-amzn-requestid': '<request-id:1>' });
  assert.equal(g.input, { id: '<id:1>' });
  assert.is((g.output as Record<string, unknown>).description, '<harness:2>');
  assert.is(g.headers!['x-amzn-requestid'], '<request-id:2>');
  assert.equal(o.input, { id: '<id:2>' });
  assert.equal(o.error, { type: 'ResourceNotFoundException', message: 'no sequence store with id <id:2>' });
  assert.is(o.status, 404);
});

baseline('a value shorter than six characters is replaced only where it is the whole string', () => {
  const obs = wireObs('CreateSequenceStore', { name: 'ab' }, 200, { id: ID1, arn: ARN1, name: 'ab', description: 'about ab' });
  const [c] = normalise([timed(obs)], ['ab']) as [CallView];
  assert.is((c.output as Record<string, unknown>).name, '<unique:1>');
  assert.is((c.output as Record<string, unknown>).description, 'about ab');
});

baseline('a timestamp becomes its moment\'s order in the case and its distance from the call it first shows in', () => {
  const past = '2001-01-01T00:00:00Z';
  const created = wireObs('CreateSequenceStore', { name: 'n' }, 200, { id: ID1, arn: ARN1, creationTime: iso(T0 + 20) });
  const updated = wireObs('UpdateSequenceStore', { id: ID1 }, 200, { id: ID1, arn: ARN1, creationTime: iso(T0 + 20), updateTime: iso(T0 + 3 * 3600_000 + 40), other: past });
  const listed = wireObs('ListSequenceStores', { filter: { createdAfter: new Date(T0 + 3 * 3600_000 - 5 * 60_000) } }, 200, { sequenceStores: [] });
  const [c, u, l] = normalise([timed(created, T0), timed(updated, T0 + 3 * 3600_000), timed(listed, T0 + 3 * 3600_000 + 7)]) as [CallView, CallView, CallView];
  assert.is((c.output as Record<string, unknown>).creationTime, '<time:2 now>');
  assert.equal(u.output, { arn: 'arn:aws:omics:<region:1>:<account:1>:sequenceStore/<id:1>', creationTime: '<time:2 now>', id: '<id:1>', other: '<time:1 -24y>', updateTime: '<time:4 now>' });
  assert.equal(l.input, { filter: { createdAfter: '<time:3 -5m>' } });
  assert.is(distanceText(-(5 * 60_000 + 7), 60_000), '-5m');
  assert.is(distanceText(2 * 3600_000, 60_000), '+2h');
  assert.is(distanceText(-59_000, 60_000), 'now');
});

baseline('a walk through pages is one call with every page\'s own items; items of other stores and an unfollowed token are left out', () => {
  const created = wireObs('CreateSequenceStore', { name: 'n' }, 200, { id: ID1, arn: ARN1 });
  const store = (id: string, arn: string) => ({ id, arn, name: 'n' });
  const page1 = wireObs('ListSequenceStores', { maxResults: 1, filter: { name: 'n' } }, 200, { sequenceStores: [store(ID2, ARN2)], nextToken: 'token-one-1' });
  const page2 = wireObs('ListSequenceStores', { maxResults: 1, filter: { name: 'n' }, nextToken: 'token-one-1' }, 200, { sequenceStores: [store(ID1, ARN1)], nextToken: 'token-two-2' });
  const alone = wireObs('ListSequenceStores', { maxResults: 1 }, 200, { sequenceStores: [store(ID2, ARN2)], nextToken: 'token-three-3' });
  const calls = normalise([timed(created), timed(page1), timed(page2), timed(alone)]);
  assert.is(calls.length, 3, 'the two pages are one call');
  assert.equal(calls[1]!.input, { filter: { name: 'n' }, maxResults: 1 });
  assert.equal(calls[1]!.output, { sequenceStores: [{ arn: 'arn:aws:omics:<region:1>:<account:1>:sequenceStore/<id:1>', id: '<id:1>', name: 'n' }] });
  assert.equal(calls[2]!.output, { sequenceStores: [] });
  const followed = wireObs('ListSequenceStores', { maxResults: 1 }, 200, { sequenceStores: [], nextToken: 'token-four-4' });
  const create = wireObs('CreateSequenceStore', { name: 'm' }, 200, { id: ID2, arn: ARN2 });
  const next = wireObs('ListSequenceStores', { maxResults: 1, nextToken: 'token-four-4' }, 200, { sequenceStores: [] });
  const interleaved = normalise([timed(followed), timed(create), timed(next)]);
  assert.is((interleaved[0]!.output as Record<string, unknown>).nextToken, '<next-token:1>', 'a token a later call sends stays');
});

baseline('a captured case holds each call once, with the role its trace gave it; a case with no call is skipped with the reason', () => {
  const a = wireObs('CreateSequenceStore', { name: 'n' }, 200, { id: ID1, arn: ARN1 });
  const b = wireObs('ListSequenceStores', {}, 200, { sequenceStores: [] });
  const c = { operation: 'CreateSequenceStore' as const, input: {}, send: 'sdk' as const, expect: { outcome: 'accepted' as const }, label: 'a case', ruleIds: [], phase: 'boundary' as const };
  const trace = { scenario: 's', case: c, steps: [{ kind: 'call' as const, role: 'created', observation: a }, { kind: 'fact' }, { kind: 'call' as const, role: 'listed', observation: b }] };
  const captured = capturedCase({ suite: 'shape', key: 'shape/boundary@0', executed: [{ case: c, observation: a }, { trace }] }, (o) => (o === a ? T0 : undefined));
  assert.equal(captured.calls.map((x) => [x.role, x.observation.operation, x.startedAt]), [['created', 'CreateSequenceStore', T0], ['listed', 'ListSequenceStores', T0]]);
  assert.is(captured.label, 'a case');
  const skipped = capturedCase({ suite: 'validation', key: 'validation/boundary@1', executed: [{ case: c, observation: a, skipped: 'no wire on the mock target' }] }, () => undefined);
  assert.equal([skipped.calls.length, skipped.skipped], [0, 'no wire on the mock target']);
});

const call = (over: Partial<CallView>): CallView => ({ operation: 'GetSequenceStore', via: 'sdk', input: { id: '<id:1>' }, status: 200, output: { id: '<id:1>', status: 'ACTIVE' }, ...over });
const kase = (...calls: CallView[]): BaselineCase => ({ suite: 'shape', label: 'l', calls });
const options = { names: { a: 'A', b: 'B' }, wire: { a: true, b: true } };

baseline('differences by path, each of its kind: outcome, error name, status, output member, value, request, a call on one side only', () => {
  const refused = call({ status: 400, output: undefined, error: { type: 'ValidationException', message: 'm' } });
  const a = {
    k1: kase(call({})),
    k2: kase(refused),
    k3: kase(call({})),
    k4: kase(call({}), call({})),
    k5: kase(call({})),
  };
  const b = {
    k1: kase(refused),
    k2: kase(call({ status: 422, output: undefined, error: { type: 'InvalidParameter', message: 'other words' } })),
    k3: kase(call({ output: { id: '<id:1>', status: 'CREATING', futureMember: 'x' } })),
    k4: kase(call({})),
    k5: kase(call({ input: { id: '<id:2>' } })),
  };
  const { differences, compared } = compareCases(a, b, options);
  assert.is(compared, 5);
  assert.equal(
    differences.map((d) => [d.path, d.kind]),
    [
      ['cases.k1.calls[0]', 'outcome'],
      ['cases.k2.calls[0].status', 'status'],
      ['cases.k2.calls[0].error.type', 'error-type'],
      ['cases.k2.calls[0].error.message', 'value'],
      ['cases.k3.calls[0].output.futureMember', 'member'],
      ['cases.k3.calls[0].output.status', 'value'],
      ['cases.k4.calls[1]', 'calls'],
      ['cases.k5.calls[0].input.id', 'request'],
    ],
  );
  assert.equal(differences[0]!.a, { outcome: 'accepted', status: 200 });
  assert.equal(differences[0]!.b, { outcome: 'refused', status: 400, error: 'ValidationException' });
  const added = differences.find((d) => d.kind === 'member')!;
  assert.ok(!('a' in added), 'absent on the recorded side');
  assert.is(added.b, 'x');
});

baseline('the status of a success and the headers are compared only where both sides saw the wire; a case one side skipped is listed, not compared', () => {
  const a = { k1: kase(call({ headers: { 'x-amzn-requestid': '<request-id:1>' } })), k2: kase(call({})), k3: kase(call({})) };
  const b = { k1: kase(call({ status: undefined })), k2: { ...kase(), skipped: 'raw-wire cases cannot be sent to the mock target' } };
  const r = compareCases(a, b, { ...options, wire: { a: true, b: false } });
  assert.equal(r.differences, []);
  assert.is(r.compared, 1);
  assert.equal(r.skipped, [
    { case: 'k2', reason: 'skipped on B: raw-wire cases cannot be sent to the mock target' },
    { case: 'k3', reason: 'not run on B (its shape suite ran no such case there)' },
  ]);
});

baseline('paths read as JSON paths; patterns match by step, with * and **', () => {
  const steps = ['cases', 'validation/boundary@3', 'calls', 2, 'headers', 'x-amzn-errortype'];
  assert.is(pathText(steps), 'cases["validation/boundary@3"].calls[2].headers.x-amzn-errortype');
  assert.ok(pathPattern('**.x-amzn-errortype')(steps));
  assert.ok(pathPattern('cases["validation/*"].calls[*].headers.*')(steps));
  assert.ok(pathPattern('$.cases.*.calls[2].**')(steps));
  assert.ok(pathPattern(pathText(steps))(steps));
  assert.not.ok(pathPattern('cases["shape/*"].**')(steps));
  assert.not.ok(pathPattern('**.error.message')(steps));
  assert.not.ok(pathPattern('cases.*.calls[1].**')(steps));
  assert.throws(() => pathPattern('cases["unclosed'), /unclosed/);
});

baseline('a divergences file: one pattern and reason a line; a matched difference is accepted with its reason, an entry that matched nothing is stale', () => {
  const file = ['# known differences', '**.error.message  the emulator words messages differently', 'cases.*.calls[*].output.futureMember  a newer service version', ''].join('\n');
  const divergences = parseDivergences(file, 'accept.txt');
  assert.equal(divergences.map((d) => [d.pattern, d.reason, d.at]), [['**.error.message', 'the emulator words messages differently', 'accept.txt:2'], ['cases.*.calls[*].output.futureMember', 'a newer service version', 'accept.txt:3']]);
  const refused = call({ status: 400, output: undefined, error: { type: 'ValidationException', message: 'm' } });
  const { differences } = compareCases({ k: kase(refused, call({})) }, { k: kase({ ...refused, error: { type: 'ValidationException', message: 'n' } }, call({ output: { id: '<id:1>', status: 'FAILED' } })) }, options);
  const judged = judgeDifferences(differences, divergences);
  assert.equal(judged.accepted.map((d) => [d.path, d.reason]), [['cases.k.calls[0].error.message', 'the emulator words messages differently']]);
  assert.equal(judged.refused.map((d) => d.path), ['cases.k.calls[1].output.status']);
  assert.equal(judged.stale.map((d) => d.pattern), ['cases.*.calls[*].output.futureMember']);
  assert.throws(() => parseDivergences('**.error.message', 'a.txt'), /a\.txt:1: \*\*\.error\.message needs a reason/);
  assert.throws(() => parseDivergences('x.y  r\nx.y  again', 'a.txt'), /a\.txt:2: x\.y is listed twice/);
  assert.throws(() => parseDivergences('cases[oops] r', 'a.txt'), /a\.txt:1: \[oops\]/);
});

function aBaseline(): Baseline {
  return {
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    target: { kind: 'emulator', name: 'embedded emulator', wire: true },
    selection: { seed: 1, runs: 1, shard: '1/1', suites: ['shape'] },
    headers: RECORDED_HEADERS,
    transformers: defaultTransformers(),
    cases: { 'shape/boundary@0': kase(call({})) },
  };
}

baseline('the baseline file: written and read back whole; a file this version cannot read is refused with one line saying why', () => {
  const text = serialiseBaseline(aBaseline());
  assert.equal(parseBaseline(text, 'b.json'), JSON.parse(text));
  const refusal = (data: unknown): string => {
    try {
      parseBaseline(typeof data === 'string' ? data : JSON.stringify(data), 'b.json');
    } catch (err) {
      assert.instance(err, BaselineError);
      assert.not.match((err as Error).message, /\n/);
      return (err as Error).message;
    }
    throw new Error('the file was read, not refused');
  };
  assert.match(refusal('{'), /^b\.json is not JSON/);
  assert.match(refusal({ ...aBaseline(), format: 'omics-conformance-report' }), /is not a baseline: its format is not omics-conformance-baseline/);
  assert.match(refusal({ ...aBaseline(), version: BASELINE_VERSION + 1 }), new RegExp(`is baseline version ${BASELINE_VERSION + 1}, written by a newer omics-conformance; this one reads version ${BASELINE_VERSION}`));
  assert.match(refusal({ ...aBaseline(), version: 0 }), /baseline version 0 is not a version any omics-conformance wrote/);
  assert.match(refusal({ ...aBaseline(), transformers: [{ kind: 'scramble' }] }), /transformer 1: no transformer kind "scramble"/);
  assert.match(refusal({ ...aBaseline(), transformers: [{ kind: 'pattern', pattern: '(' }] }), /transformer 1: /);
  assert.match(refusal({ ...aBaseline(), selection: { suites: ['shape'] } }), /its selection lacks a whole seed and runs/);
});

baseline.run();
