// mergeShards on reports made by hand: entries of one kind from several shards are one entry again,
// coverage is the shards' together, the pictures' counts are summed and the verdict is the whole
// run's.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { mergeShards } from '../../reports/merge.ts';
import { REPORT_FORMAT, REPORT_VERSION, summarise, type Report, type ReportedCheck, type ReportedFinding } from '../../reports/report.ts';
import { allRules } from '../../specs/index.ts';
import { assertValidReport } from '../support/report.ts';

const test = suite('reports: merging the reports of shards');

const entry = (group: string, count: number, replay: string): ReportedFinding => ({
  message: group,
  count,
  group,
  case: { operation: 'CreateSequenceStore', label: 'CreateSequenceStore a case', send: 'sdk', input: {}, expect: { outcome: 'accepted' }, phase: 'boundary' },
  observed: { via: 'sdk' },
  replay,
  replayCommand: `npx omics-conformance run --replay '${replay}'`,
  reproduction: { awsCli: 'aws omics create-sequence-store', http: 'POST /sequencestore HTTP/1.1', curl: 'curl' },
});

function check(id: string, status: ReportedCheck['status'], warnings: readonly ReportedFinding[] = [], entries = warnings.length, failures: readonly ReportedFinding[] = []): ReportedCheck {
  const cases = status === 'skipped' ? 0 : 4;
  return {
    id,
    suite: id.split('.')[0]!,
    level: 'MUST',
    title: id,
    spec: id,
    status,
    cases,
    counts: { failed: failures.reduce((n, f) => n + f.count, 0), warnings: warnings.reduce((n, f) => n + f.count, 0) + (entries - warnings.length), observed: 0 },
    entries: { failed: failures.length, warnings: entries, observed: 0 },
    failures,
    warnings,
    observed: [],
    ...(status === 'skipped' ? { skipped: `nothing reached ${id}` } : {}),
  };
}

const [ruleA, ruleB] = allRules().filter((r) => r.rule === 'length.max');

function shard(index: number, checks: ReportedCheck[], extra: Partial<Report> = {}): Report {
  const built: Report = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    summary: summarise(checks),
    target: { kind: 'emulator', name: 'embedded emulator', endpoint: `http://127.0.0.1:${4000 + index}`, region: 'us-east-1' },
    seed: 9,
    runs: 6,
    shard: `${index}/2`,
    suites: ['shape', 'validation'],
    startedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, index)).toISOString(),
    durationMs: 10_000,
    checks,
    coverage: { rules: 2, covered: 0, ratio: 0, uncovered: [ruleA!.id, ruleB!.id] },
    cleanup: { deleted: index, left: [`store-${index}`] },
    ...extra,
  };
  return { ...built, verdict: { outcome: 'passed', failOn: 'should', failing: [], belowGate: [], expected: [], stale: [], warned: [], judged: 1 } };
}

test('entries of one kind are one entry with the counts summed and the first shard\'s example; the rest of the run adds up', () => {
  const one = shard(1, [check('shape.unknown-members', 'passed', [entry('kind a', 3, 'a@1'), entry('kind b', 1, 'b@1')], 25), check('validation.rejects-invalid', 'skipped')], {
    coverage: { rules: 2, covered: 0, ratio: 0, uncovered: [ruleA!.id, ruleB!.id], grid: [{ rule: ruleA!.id, valid: 2, invalid: 0 }, { rule: ruleB!.id, valid: 1, invalid: 0 }] },
    errorTypes: { CreateSequenceStore: { ValidationException: 2 } },
    suiteCases: { shape: 4 },
  });
  const twoChecks = [check('shape.unknown-members', 'passed', [entry('kind a', 2, 'a@2'), entry('kind c', 1, 'c@2')]), check('validation.rejects-invalid', 'failed', [], 0, [entry('broken', 1, 'v@2')])];
  const two = shard(2, twoChecks, {
    coverage: { rules: 2, covered: 0, ratio: 0, uncovered: [ruleA!.id, ruleB!.id], grid: [{ rule: ruleA!.id, valid: 0, invalid: 1 }, { rule: ruleB!.id, valid: 3, invalid: 0 }] },
    errorTypes: { CreateSequenceStore: { ValidationException: 1 }, GetSequenceStore: { ResourceNotFoundException: 4 } },
    suiteCases: { shape: 5, validation: 7 },
  });
  const expected = { check: 'validation.rejects-invalid', reason: 'known' };
  const merged = mergeShards([
    { source: 'two', report: { ...two, verdict: { ...two.verdict!, outcome: 'passed', expected: [expected] } } },
    { source: 'one', report: { ...one, verdict: { ...one.verdict!, stale: [] } } },
  ]);
  assertValidReport(merged);
  const unknown = merged.checks[0]!;
  assert.equal(unknown.warnings.map((f) => [f.group, f.count, f.replay]), [['kind a', 5, 'a@1'], ['kind b', 1, 'b@1'], ['kind c', 1, 'c@2']]);
  assert.is(unknown.entries.warnings, 3 + 23, 'the kinds shard 1 counted without listing them may all be others');
  assert.is(unknown.counts.warnings, 23 + 4 + 3);
  assert.is(merged.checks[1]!.status, 'failed');
  assert.is(merged.checks[1]!.skipped, undefined);
  assert.equal(merged.verdict!.expected, [expected]);
  assert.is(merged.verdict!.outcome, 'passed', 'the failure is expected');
  assert.equal(merged.coverage, { rules: 2, covered: 1, ratio: 0.5, uncovered: [ruleB!.id], grid: [{ rule: ruleA!.id, valid: 2, invalid: 1 }, { rule: ruleB!.id, valid: 4, invalid: 0 }] });
  assert.equal(merged.errorTypes, { CreateSequenceStore: { ValidationException: 3 }, GetSequenceStore: { ResourceNotFoundException: 4 } });
  assert.equal(merged.suiteCases, { shape: 9, validation: 7 });
  assert.equal(merged.cleanup, { deleted: 3, left: ['store-1', 'store-2'] });
  assert.is(merged.startedAt, one.startedAt);
  assert.is(merged.durationMs, 11_000);
  assert.is(merged.shard, '1-2/2');
  assert.is(merged.target.endpoint, one.target.endpoint);
});

test('without grids a rule is covered where some shard covered it; a check no shard judged stays skipped, with every reason once', () => {
  const one = shard(1, [check('validation.rejects-invalid', 'skipped')], { coverage: { rules: 2, covered: 1, ratio: 0.5, uncovered: [ruleB!.id] } });
  const two = shard(2, [{ ...check('validation.rejects-invalid', 'skipped'), skipped: 'no wire' }], { coverage: { rules: 2, covered: 1, ratio: 0.5, uncovered: [ruleA!.id] } });
  const merged = mergeShards([{ source: 'one', report: one }, { source: 'two', report: two }]);
  assert.equal(merged.coverage, { rules: 2, covered: 2, ratio: 1, uncovered: [] });
  assert.is(merged.checks[0]!.status, 'skipped');
  assert.is(merged.checks[0]!.skipped, 'nothing reached validation.rejects-invalid; no wire');
  assert.is(merged.summary.skipped, 1);
});

test.run();
