// The reports of `run --shard 1/N … N/N` (one seed, one selection) combined into the report of the
// whole run: a check failed if it failed in any shard, passed if any shard judged it, else skipped;
// its counts are the shards' sums and entries of one kind are one entry again. Shards of different
// runs, a missing or a repeated shard are refused, with the reason in one line.
import { allRules, unbreakableReason } from '../specs/index.ts';
import { summarise, type CoverageCell, type Report, type ReportedCheck, type ReportedFinding } from './report.ts';
import { runVerdict, type ExpectedFailure } from './verdict.ts';

export class MergeRefused extends Error {
  override readonly name = 'MergeRefused';
}

export interface ShardReport {
  /** Where it came from, as the refusals name it. */
  readonly source: string;
  readonly report: Report;
}

/** What shards of one run share, each as text to compare. */
const SAME_RUN: ReadonlyArray<readonly [string, (r: Report) => string]> = [
  ['seed', (r) => String(r.seed)],
  ['runs per property', (r) => String(r.runs)],
  ['suites', (r) => r.suites.join(',')],
  ['checks', (r) => r.checks.map((c) => c.id).join(',')],
  ['target', (r) => `${r.target.name} (${r.target.kind}, ${r.target.region})`],
  ['--fail-on', (r) => r.verdict?.failOn ?? 'none'],
];

function shardOf({ source, report }: ShardReport) {
  if (report.replay !== undefined) throw new MergeRefused(`${source} is a --replay run, not a shard of a run`);
  const m = /^(\d+)\/(\d+)$/.exec(report.shard);
  if (!m) throw new MergeRefused(`${source} is already a merged report (shard ${report.shard})`);
  return { source, report, index: Number(m[1]), count: Number(m[2]) };
}

type Shard = ReturnType<typeof shardOf>;

function refuseOthers(shards: readonly Shard[]): void {
  const first = shards[0]!;
  for (const s of shards.slice(1)) {
    if (s.count !== first.count) throw new MergeRefused(`shards of different runs: ${s.source} is shard ${s.report.shard}, ${first.source} shard ${first.report.shard}`);
    for (const [what, of] of SAME_RUN) {
      if (of(s.report) === of(first.report)) continue;
      const detail = what === 'checks' ? 'another selection of checks (--checks, --skip-checks)' : `${what} ${of(s.report)}, ${first.source} ${of(first.report)}`;
      throw new MergeRefused(`shards of different runs: ${s.source} has ${detail}`);
    }
  }
}

function refuseGaps(shards: readonly Shard[]): void {
  const count = shards[0]!.count;
  const seen = new Map<number, string>();
  for (const s of shards) {
    const twin = seen.get(s.index);
    if (twin !== undefined) throw new MergeRefused(`${twin} and ${s.source} are both shard ${s.index}/${count}`);
    seen.set(s.index, s.source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new MergeRefused(`shard ${missing.map((k) => `${k}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: merge the reports of every shard of the run`);
}

/** Entries of one kind from every shard: one entry per group, its counts summed, the first example kept. */
function mergeEntries(lists: ReadonlyArray<readonly ReportedFinding[]>): ReportedFinding[] {
  const byGroup = new Map<string, ReportedFinding>();
  for (const f of lists.flat()) {
    const known = byGroup.get(f.group);
    byGroup.set(f.group, known ? { ...known, count: known.count + f.count } : f);
  }
  return [...byGroup.values()];
}

type Kind = 'failed' | 'warnings' | 'observed';
const LIST: Readonly<Record<Kind, 'failures' | 'warnings' | 'observed'>> = { failed: 'failures', warnings: 'warnings', observed: 'observed' };

function mergeCheck(parts: readonly ReportedCheck[]): ReportedCheck {
  const first = parts[0]!;
  const sum = (of: (c: ReportedCheck) => number) => parts.reduce((n, c) => n + of(c), 0);
  const lists = { failed: mergeEntries(parts.map((c) => c.failures)), warnings: mergeEntries(parts.map((c) => c.warnings)), observed: mergeEntries(parts.map((c) => c.observed)) };
  // Entries a shard counted without listing them (past its first few) may be kinds another shard listed: at most this many more.
  const entries = (kind: Kind) => lists[kind].length + sum((c) => Math.max(0, c.entries[kind] - c[LIST[kind]].length));
  const status = parts.some((c) => c.status === 'failed') ? 'failed' : parts.some((c) => c.status === 'passed') ? 'passed' : 'skipped';
  const reasons = [...new Set(parts.map((c) => c.skipped).filter((r): r is string => r !== undefined))];
  const { skipped: _skipped, ...rest } = first;
  return {
    ...rest,
    status,
    cases: sum((c) => c.cases),
    counts: { failed: sum((c) => c.counts.failed), warnings: sum((c) => c.counts.warnings), observed: sum((c) => c.counts.observed) },
    entries: { failed: entries('failed'), warnings: entries('warnings'), observed: entries('observed') },
    failures: lists.failed,
    warnings: lists.warnings,
    observed: lists.observed,
    ...(status === 'skipped' ? { skipped: reasons.join('; ') } : {}),
  };
}

const rounded = (ratio: number) => Math.round(ratio * 1000) / 1000;

/**
 * With every shard's grid, a rule is covered once the shards together reached it with a valid and
 * an invalid case. Without, a rule is covered where some shard covered it (a rule one shard reached
 * only validly and another only invalidly stays uncovered).
 */
function mergeCoverage(reports: readonly Report[]): Report['coverage'] {
  const first = reports[0]!.coverage;
  const grids = reports.map((r) => r.coverage.grid);
  if (grids.every((g): g is readonly CoverageCell[] => g !== undefined)) {
    const cells = new Map<string, CoverageCell>();
    for (const cell of grids.flat()) {
      const known = cells.get(cell.rule);
      cells.set(cell.rule, known ? { rule: cell.rule, valid: known.valid + cell.valid, invalid: known.invalid + cell.invalid } : cell);
    }
    const rules = new Map(allRules().map((r) => [r.id, r]));
    const covered = (c: CoverageCell) => c.valid > 0 && (c.invalid > 0 || (rules.has(c.rule) && unbreakableReason(rules.get(c.rule)!) !== undefined));
    const grid = [...cells.values()];
    const uncovered = grid.filter((c) => !covered(c)).map((c) => c.rule);
    return { rules: first.rules, covered: first.rules - uncovered.length, ratio: rounded(first.rules ? (first.rules - uncovered.length) / first.rules : 1), uncovered, grid };
  }
  const uncovered = first.uncovered.filter((rule) => reports.every((r) => r.coverage.uncovered.includes(rule)));
  return { rules: first.rules, covered: first.rules - uncovered.length, ratio: rounded(first.rules ? (first.rules - uncovered.length) / first.rules : 1), uncovered };
}

function sumCounts(maps: ReadonlyArray<Readonly<Record<string, number>> | undefined>): Record<string, number> | undefined {
  if (maps.every((m) => m === undefined)) return undefined;
  const out: Record<string, number> = {};
  for (const m of maps) for (const [k, n] of Object.entries(m ?? {})) out[k] = (out[k] ?? 0) + n;
  return out;
}

function mergeErrorTypes(reports: readonly Report[]): Report['errorTypes'] {
  if (reports.every((r) => r.errorTypes === undefined)) return undefined;
  const operations = [...new Set(reports.flatMap((r) => Object.keys(r.errorTypes ?? {})))];
  return Object.fromEntries(operations.map((op) => [op, sumCounts(reports.map((r) => r.errorTypes?.[op])) ?? {}]));
}

export function mergeShards(given: readonly ShardReport[]): Report {
  if (given.length === 0) throw new MergeRefused('no report to merge');
  const shards = given.map(shardOf);
  refuseOthers(shards);
  refuseGaps(shards);
  shards.sort((a, b) => a.index - b.index);
  const reports = shards.map((s) => s.report);
  const first = reports[0]!;
  const checks = first.checks.map((c, i) => mergeCheck(reports.map((r) => r.checks[i]!)));
  const starts = reports.map((r) => Date.parse(r.startedAt));
  const start = Math.min(...starts);
  const end = Math.max(...reports.map((r, i) => starts[i]! + r.durationMs));
  const aborted = shards.filter((s) => s.report.aborted !== undefined).map((s) => `shard ${s.report.shard}: ${s.report.aborted}`);
  const errorTypes = mergeErrorTypes(reports);
  const suiteCases = sumCounts(reports.map((r) => r.suiteCases));
  const { verdict: _verdict, aborted: _aborted, errorTypes: _errorTypes, suiteCases: _suiteCases, ...base } = first;
  const merged: Report = {
    ...base,
    summary: summarise(checks),
    shard: first.shard === '1/1' ? '1/1' : `1-${shards.length}/${shards.length}`,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    checks,
    coverage: mergeCoverage(reports),
    cleanup: { deleted: reports.reduce((n, r) => n + r.cleanup.deleted, 0), left: reports.flatMap((r) => r.cleanup.left) },
    ...(aborted.length ? { aborted: aborted.join('; ') } : {}),
    ...(errorTypes ? { errorTypes } : {}),
    ...(suiteCases ? { suiteCases } : {}),
  };
  if (!first.verdict) return merged;
  // The expected failures each shard was given that mattered (they failed, or passed and are stale).
  const expected = new Map<string, ExpectedFailure>();
  for (const r of reports) for (const e of [...(r.verdict?.expected ?? []), ...(r.verdict?.stale ?? [])]) expected.set(e.check, e);
  return { ...merged, verdict: runVerdict(merged, { failOn: first.verdict.failOn, expected: [...expected.values()] }) };
}
