// The check registry: every check is registered once, judges for itself (an observation check one
// call, a scenario check a plain-data trace), and a check's status is a pure fold of its findings.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { formatChecks } from '../../cli/commands/run.ts';
import type { Case } from '../../generators/case.ts';
import { storeStatus } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { checkRegistry, suites } from '../../suites/index.ts';
import { concurrentSameTokenCheck, sameTokenCheck, traceOf } from '../../suites/idempotency/checks.ts';
import { COMMAND, COMMANDS, paginationCompleteCheck, statusTransitionsCheck, type LifecycleFact } from '../../suites/lifecycle/checks.ts';
import { checkStatus, emptyTally, foldFinding } from '../../suites/recorder.ts';
import { listContainsCheck, LIST_CONTAINS } from '../../suites/shape/checks.ts';
import type { CheckContext, Finding, Trace, TraceCall } from '../../suites/types.ts';
import { AFTER, BEFORE, CHANGES_NOTHING, createsNothingCheck, REFUSED } from '../../suites/validation/checks.ts';

const test = suite('suites: the check registry');

const context: CheckContext = { region: 'us-east-1', firstArn: {}, calledAt: 0, capabilities: new Set(['wire-capture']) };
const aCase = (operation: Case['operation'], label = 'a case'): Case => ({ operation, input: {}, send: 'sdk', expect: { outcome: 'accepted' }, label, ruleIds: [], phase: 'boundary' });
const answered = (operation: Case['operation'], input: Record<string, unknown>, output?: Record<string, unknown>, error?: string): Observation => ({
  operation,
  input,
  via: 'sdk',
  client: error ? { error: { name: error, message: error } } : { output: output ?? {} },
  durationMs: 1,
} as Observation);
const call = (role: string, observation: Observation): TraceCall => ({ kind: 'call', role, observation });
const statuses = (findings: Finding[]) => findings.map((f) => f.status);

test('every check is registered once, by an id that starts with its suite, with a level, a spec reference and a kind', () => {
  const all = suites.flatMap((s) => s.checks);
  const registry = checkRegistry();
  assert.is(registry.size, all.length, 'no id is used twice');
  for (const check of all) {
    assert.ok(check.id.startsWith(`${check.suite}.`), check.id);
    assert.ok(['MUST', 'SHOULD', 'OBSERVED'].includes(check.level), check.id);
    assert.ok(check.spec.length > 10 && check.title.length > 10, check.id);
    assert.ok(check.kind === 'observation' || (check.kind === 'scenario' && check.scenarios.length > 0), check.id);
  }
  assert.ok(all.filter((c) => c.kind === 'scenario').length >= 13, 'idempotency, lifecycle, changes-nothing, list-contains and unicode judge traces');
});

test('no check is an empty shell: a scenario check fails a trace that breaks its promise and passes one that keeps it', () => {
  // A trace that breaks the promise fails; the same trace kept fails nothing.
  const name = 'n';
  const listed = (ids: string[]) => answered('ListSequenceStores', { filter: { name } }, { sequenceStores: ids.map((id) => ({ id, name })) });
  const same: Trace<never> = {
    scenario: traceOf('same-token'),
    case: aCase('CreateSequenceStore'),
    steps: [call('create', answered('CreateSequenceStore', { name }, { id: '1', arn: 'a1' })), call('create', answered('CreateSequenceStore', { name }, { id: '2', arn: 'a2' })), call('listed', listed(['1', '2']))],
  };
  assert.equal(statuses(sameTokenCheck.check(same, context)), ['failed']);
  const kept = { ...same, steps: [same.steps[0]!, call('create', answered('CreateSequenceStore', { name }, { id: '1', arn: 'a1' })), call('listed', listed(['1']))] };
  assert.equal(statuses(sameTokenCheck.check(kept, context)), ['passed']);
  assert.equal(statuses(concurrentSameTokenCheck.check({ ...kept, scenario: traceOf('concurrent') }, context)), ['passed']);

  const created = call('created', answered('CreateSequenceStore', { name }, { id: '7', arn: 'a7' }));
  assert.equal(statuses(listContainsCheck.check({ scenario: LIST_CONTAINS, case: aCase('CreateSequenceStore'), steps: [created, call('listed', listed([]))] }, context)), ['failed']);
  assert.equal(statuses(listContainsCheck.check({ scenario: LIST_CONTAINS, case: aCase('CreateSequenceStore'), steps: [created, call('listed', listed(['7']))] }, context)), ['passed']);
});

test('validation.changes-nothing compares the store by value: members in another order are the same store', () => {
  const get = (store: Record<string, unknown>) => answered('GetSequenceStore', { id: '1' }, store);
  const tags = (t: Record<string, string>) => answered('ListTagsForResource', { resourceArn: 'a' }, { tags: t });
  const refused = call(REFUSED, answered('UpdateSequenceStore', { id: '1' }, undefined, 'ValidationException'));
  const trace = (after: Record<string, unknown>, afterTags: Record<string, string>): Trace<never> => ({
    scenario: CHANGES_NOTHING,
    case: aCase('UpdateSequenceStore'),
    steps: [call(BEFORE, get({ id: '1', name: 'x', description: 'd', status: storeStatus.active })), call(BEFORE, tags({ a: '1', b: '2' })), refused, call(AFTER, get(after)), call(AFTER, tags(afterTags))],
  });
  assert.equal(statuses(createsNothingCheck.check(trace({ description: 'd', name: 'x', id: '1', status: storeStatus.updating }, { b: '2', a: '1' }), context)), ['passed']);
  assert.equal(statuses(createsNothingCheck.check(trace({ id: '1', name: 'changed', description: 'd' }, { a: '1', b: '2' }), context)), ['failed']);
});

test('lifecycle checks judge the facts of a trace: an illegal status move, a store listed twice in one walk', () => {
  const get = call(COMMAND, answered('GetSequenceStore', { id: '1' }, { id: '1' }));
  const lifecycleTrace = (facts: LifecycleFact[]): Trace<LifecycleFact> => ({ scenario: COMMANDS, case: aCase('CreateSequenceStore', 'lifecycle: get'), steps: [get, ...facts] });
  const moved = (to: string, actions: ('update' | 'delete')[]): LifecycleFact => ({ kind: 'status', call: 0, store: '1', status: to, previous: storeStatus.active, actions });
  assert.equal(statuses(statusTransitionsCheck.check(lifecycleTrace([moved(storeStatus.creating, [])]), context)), ['failed']);
  assert.equal(statuses(statusTransitionsCheck.check(lifecycleTrace([moved(storeStatus.updating, ['update'])]), context)), ['passed']);
  const page = (n: number, listed: string[], last: boolean): LifecycleFact => ({ kind: 'page', call: 0, walk: 1, page: n, listed, liveAtStart: ['1', '2'], removed: [], last });
  const repeated = paginationCompleteCheck.check(lifecycleTrace([page(1, ['1'], false), page(2, ['1'], true)]), context);
  assert.equal(statuses(repeated), ['failed']);
  assert.match(repeated[0]!.message, /store 1 is listed twice in one walk through the pages: on page 1 and page 2/);
  assert.equal(statuses(paginationCompleteCheck.check(lifecycleTrace([page(1, ['1'], false), page(2, [], true)]), context)), ['failed'], 'store 2 was lost');
  assert.equal(statuses(paginationCompleteCheck.check(lifecycleTrace([page(1, ['1'], false), page(2, ['2'], true)]), context)), ['passed']);
});

test("a check's status is a pure fold of its findings, whatever their order", () => {
  const check = sameTokenCheck;
  const f = (status: Finding['status'], message: string = status): Finding => ({ checkId: check.id, status, message });
  const findings = [f('passed'), f('warning'), f('skipped', 'no wire'), f('failed'), f('observed'), f('passed')];
  const fold = (list: Finding[]) => list.reduce((t, x) => foldFinding(t, x), emptyTally(check));
  const forward = fold(findings);
  const backward = fold([...findings].reverse());
  assert.equal(forward, backward);
  assert.is(checkStatus(forward), 'failed');
  assert.is(forward.cases, 5);
  assert.equal(forward.skipReasons, ['no wire']);
  assert.is(checkStatus(fold([f('passed'), f('warning')])), 'passed');
  assert.is(checkStatus(fold([f('skipped', 'a'), f('skipped', 'a')])), 'skipped');
  assert.equal(fold([f('skipped', 'a'), f('skipped', 'a')]).skipReasons, ['a']);
  const empty = emptyTally(check);
  foldFinding(empty, f('failed'));
  assert.is(empty.counts.failed, 0, 'folding leaves the tally it started from as it was');
  // A finding on a call the target refused to send tested nothing.
  const refused = { ...f('failed'), observation: { ...answered('GetSequenceStore', {}), refused: 'outside the budget' } };
  assert.is(checkStatus(fold([refused])), 'skipped');
});

test('run --list-checks prints every check with its level, kind and needs', () => {
  const text = formatChecks([...checkRegistry().values()]);
  for (const check of checkRegistry().values()) assert.ok(text.includes(check.id), check.id);
  assert.match(text, /idempotency\.retry-same-token\s+MUST\s+scenario\s+needs wire-capture\+stores/);
  assert.match(text, /shape\.output-schema\s+MUST\s+observation\s+needs -/);
});

test.run();
