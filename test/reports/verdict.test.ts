// The run's verdict for CI as a pure function of the report, the expected-failures file, and a
// report folder made ready (or refused) before anything runs.
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { Report, ReportedCheck } from '../../reports/report.ts';
import { prepareReportDir } from '../../reports/reportDir.ts';
import { parseExpectedFailures, runVerdict, verdictLine } from '../../reports/verdict.ts';

const test = suite('reports: the verdict of a run');

async function rejection(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (err) {
    return (err as Error).message;
  }
  return assert.unreachable('it was refused') as never;
}

const check = (id: string, level: string, status: ReportedCheck['status'], cases = 1, warnings = 0): ReportedCheck =>
  ({ id, suite: id.split('.')[0]!, level, title: id, spec: id, status, cases, counts: { failed: status === 'failed' ? 1 : 0, warnings, observed: 0 }, entries: { failed: status === 'failed' ? 1 : 0, warnings: Math.min(warnings, 1), observed: 0 }, failures: [], warnings: [], observed: [] }) as ReportedCheck;
const report = (checks: ReportedCheck[]): Report =>
  ({ checks, summary: { passed: checks.filter((c) => c.status === 'passed').length, failed: checks.filter((c) => c.status === 'failed').length, skipped: checks.filter((c) => c.status === 'skipped').length, warnings: 0 } }) as unknown as Report;

test('a SHOULD failure fails the run by default and not under --fail-on must; warnings only under observed', () => {
  const r = report([check('a.must', 'MUST', 'passed'), check('b.should', 'SHOULD', 'failed'), check('c.obs', 'OBSERVED', 'passed', 1, 2)]);
  assert.is(runVerdict(r).outcome, 'failed');
  const must = runVerdict(r, { failOn: 'must' });
  assert.is(must.outcome, 'passed');
  assert.equal(must.belowGate, ['b.should']);
  assert.is(verdictLine(r, must), '2 passed, 1 failed (1 below --fail-on must)');
  const strict = runVerdict(report([check('a.must', 'MUST', 'passed'), check('c.obs', 'OBSERVED', 'passed', 1, 2)]), { failOn: 'observed' });
  assert.equal([strict.outcome, strict.warned], ['failed', ['c.obs']]);
});

test('expected failures do not fail the run; an expected one that passes is stale; nothing judged is its own outcome', () => {
  const r = report([check('a.must', 'MUST', 'failed'), check('b.must', 'MUST', 'passed')]);
  const v = runVerdict(r, { expected: [{ check: 'a.must', reason: 'known' }, { check: 'b.must', reason: 'was broken' }] });
  assert.is(v.outcome, 'passed');
  assert.equal(v.expected, [{ check: 'a.must', reason: 'known' }]);
  assert.equal(v.stale, [{ check: 'b.must', reason: 'was broken' }]);
  assert.is(verdictLine(r, v), '1 passed, 1 failed (1 expected)');
  assert.is(runVerdict(report([check('a.must', 'MUST', 'skipped', 0)])).outcome, 'nothing-judged');
});

test('the expected-failures file: ids from the registry, a reason each, comments and blank lines allowed', () => {
  const known = new Set(['a.must', 'b.must']);
  assert.equal(parseExpectedFailures('# why\n\na.must  the service words it otherwise # see #12\n', known, 'f'), [{ check: 'a.must', reason: 'the service words it otherwise' }]);
  assert.throws(() => parseExpectedFailures('z.nope reason', known, 'f'), /f:1: no check z\.nope/);
  assert.throws(() => parseExpectedFailures('a.must', known, 'f'), /f:1: a\.must needs a reason/);
  assert.throws(() => parseExpectedFailures('a.must x\na.must y', known, 'f'), /f:2: a\.must is listed twice/);
});

test('the report folder is made level by level and proven writable, or refused with the reason', async () => {
  const base = mkdtempSync(join(tmpdir(), 'omics-dir-'));
  const made = await prepareReportDir(join(base, 'a', 'b'));
  assert.ok(existsSync(made));
  writeFileSync(join(base, 'file'), '');
  assert.match(await rejection(() => prepareReportDir(join(base, 'file', 'x'))), /a part of the path is a file, not a directory at .*\/file\)/);
  if (process.getuid?.() !== 0) {
    const locked = join(base, 'locked');
    await prepareReportDir(locked);
    chmodSync(locked, 0o500);
    assert.match(await rejection(() => prepareReportDir(join(locked, 'x'))), /permission denied/);
    chmodSync(locked, 0o700);
  }
});

test.run();
