// The result of `mutate` as versioned data (mutation.json) and as a console table: the kill matrix
// (mutant × check), the score, each mutant's cases to its first failure and kill rate over seeds,
// each variant's verdict, and the checks no mutant kills.

export const MUTATION_FORMAT = 'omics-conformance-mutation';
export const MUTATION_VERSION = 1;

export type CheckOutcome = 'passed' | 'failed' | 'skipped';

/** One run of one catalogue entry on one seed. */
export interface SeedRun {
  readonly seed: number;
  readonly checks: Readonly<Record<string, CheckOutcome>>;
  readonly casesToFirstFailure?: number;
  readonly durationMs: number;
  readonly aborted?: string;
  /** The run itself failed (the harness or the worker), so it judged nothing. */
  readonly error?: string;
}

export interface EntryInput {
  readonly id: string;
  readonly kind: 'mutant' | 'variant';
  readonly layer: string;
  /** What a mutant breaks, or what a variant does that the contract allows. */
  readonly description: string;
  /** For a mutant: the checks that must fail, and no other. */
  readonly catches: readonly string[];
  readonly suites: readonly string[];
  readonly runs: readonly SeedRun[];
}

export interface MutantResult {
  readonly id: string;
  readonly layer: string;
  readonly breaks: string;
  readonly catches: readonly string[];
  /** Killed on every seed: at least one of its checks failed on each. */
  readonly killed: boolean;
  /** Seeds on which it was killed, of the seeds run. */
  readonly killRate: number;
  /** Checks that failed on some seed. */
  readonly failing: readonly string[];
  /** Declared checks that passed on some seed. */
  readonly missed: readonly string[];
  /** Checks that failed on some seed without being declared. */
  readonly unexpected: readonly string[];
  readonly casesToFirstFailure: { readonly median?: number; readonly worst?: number };
  readonly runs: readonly SeedRun[];
}

export interface VariantResult {
  readonly id: string;
  readonly layer: string;
  readonly allows: string;
  /** Zero failing checks on every seed. */
  readonly passed: boolean;
  readonly failing: readonly string[];
  readonly runs: readonly SeedRun[];
}

export interface MutationReport {
  readonly format: typeof MUTATION_FORMAT;
  readonly version: typeof MUTATION_VERSION;
  readonly seeds: readonly number[];
  readonly runs: number;
  readonly durationMs: number;
  readonly score: { readonly killed: number; readonly mutants: number; readonly ratio: number };
  /** Mutants whose failing checks were exactly the declared ones on every seed. */
  readonly exact: number;
  readonly variants: { readonly passed: number; readonly total: number };
  /** Checks (not OBSERVED) that no mutant of the run made fail. */
  readonly unkilledChecks: readonly string[];
  /** Every check that appears in the matrix, in column order. */
  readonly checks: readonly string[];
  readonly mutants: readonly MutantResult[];
  readonly variantResults: readonly VariantResult[];
}

function failedOn(run: SeedRun): string[] {
  return Object.entries(run.checks)
    .filter(([, s]) => s === 'failed')
    .map(([id]) => id);
}

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

export function mutantResult(e: EntryInput): MutantResult {
  const perSeed = e.runs.map(failedOn);
  const failing = [...new Set(perSeed.flat())].sort();
  const killedOn = e.runs.filter((r, i) => !r.error && perSeed[i]!.some((id) => e.catches.includes(id))).length;
  const missed = e.catches.filter((id) => e.runs.some((r) => r.error || r.checks[id] !== 'failed'));
  const unexpected = failing.filter((id) => !e.catches.includes(id));
  const cases = e.runs.map((r) => r.casesToFirstFailure).filter((n): n is number => n !== undefined);
  return {
    id: e.id,
    layer: e.layer,
    breaks: e.description,
    catches: e.catches,
    killed: e.runs.length > 0 && killedOn === e.runs.length,
    killRate: e.runs.length ? killedOn / e.runs.length : 0,
    failing,
    missed,
    unexpected,
    casesToFirstFailure: { ...(cases.length ? { median: median(cases)!, worst: Math.max(...cases) } : {}) },
    runs: e.runs,
  };
}

export function variantResult(e: EntryInput): VariantResult {
  const failing = [...new Set(e.runs.flatMap(failedOn))].sort();
  return { id: e.id, layer: e.layer, allows: e.description, passed: e.runs.length > 0 && failing.length === 0 && e.runs.every((r) => !r.error), failing, runs: e.runs };
}

export function buildMutationReport(entries: readonly EntryInput[], meta: { seeds: readonly number[]; runs: number; durationMs: number; judgedChecks: readonly string[] }): MutationReport {
  const mutants = entries.filter((e) => e.kind === 'mutant').map(mutantResult);
  const variantResults = entries.filter((e) => e.kind === 'variant').map(variantResult);
  const killedChecks = new Set(mutants.flatMap((m) => m.failing));
  const ran = new Set(entries.flatMap((e) => e.runs.flatMap((r) => Object.keys(r.checks))));
  const checks = meta.judgedChecks.filter((id) => ran.has(id));
  const killed = mutants.filter((m) => m.killed).length;
  return {
    format: MUTATION_FORMAT,
    version: MUTATION_VERSION,
    seeds: meta.seeds,
    runs: meta.runs,
    durationMs: Math.round(meta.durationMs),
    score: { killed, mutants: mutants.length, ratio: mutants.length ? Math.round((killed / mutants.length) * 1000) / 1000 : 0 },
    exact: mutants.filter((m) => m.killed && m.unexpected.length === 0 && m.missed.length === 0).length,
    variants: { passed: variantResults.filter((v) => v.passed).length, total: variantResults.length },
    unkilledChecks: meta.judgedChecks.filter((id) => !killedChecks.has(id)),
    checks,
    mutants,
    variantResults,
  };
}

const MARK = { declaredFailed: '●', declaredMissed: '○', unexpected: '!', none: '·' } as const;

/** One row of the matrix: a mark per check column. */
function row(m: MutantResult, columns: readonly string[]): string {
  return columns
    .map((id) => {
      const declared = m.catches.includes(id);
      const failed = m.failing.includes(id);
      if (declared) return failed && !m.missed.includes(id) ? MARK.declaredFailed : MARK.declaredMissed;
      return failed ? MARK.unexpected : MARK.none;
    })
    .join('');
}

export function mutationConsole(report: MutationReport, files: readonly string[] = []): string {
  const lines: string[] = [];
  const columns = report.checks;
  const width = Math.max(10, ...report.mutants.map((m) => m.id.length), ...report.variantResults.map((v) => v.id.length));
  lines.push(`omics-conformance mutate: ${report.mutants.length} mutants, ${report.variantResults.length} variants, seeds ${report.seeds.join(', ')}, ${report.runs} runs per property`);
  lines.push('', 'Kill matrix (● failed as declared, ○ declared but passed, ! failed undeclared, · neither); columns:');
  columns.forEach((id, i) => lines.push(`  ${String(i + 1).padStart(2)} ${id}`));
  const ruler = columns.map((_, i) => String((i + 1) % 10)).join('');
  lines.push('', `  ${''.padEnd(width)}  ${ruler}  kill  cases`);
  for (const m of report.mutants) {
    const rate = m.killed ? 'KILL' : m.killRate > 0 ? `${Math.round(m.killRate * 100)}%` : 'SURV';
    const cases = m.casesToFirstFailure.median === undefined ? '' : m.casesToFirstFailure.worst === m.casesToFirstFailure.median ? String(m.casesToFirstFailure.median) : `${m.casesToFirstFailure.median}..${m.casesToFirstFailure.worst}`;
    lines.push(`  ${m.id.padEnd(width)}  ${row(m, columns)}  ${rate.padEnd(4)}  ${cases}`);
  }
  if (report.variantResults.length) {
    lines.push('', 'Benign variants (must pass):');
    for (const v of report.variantResults) lines.push(`  ${v.passed ? 'ok  ' : 'FAIL'} ${v.id.padEnd(width)} ${v.passed ? v.allows : `failed: ${v.failing.join(', ') || v.runs.find((r) => r.error)?.error}`}`);
  }
  const survivors = report.mutants.filter((m) => !m.killed);
  for (const m of survivors) lines.push('', `SURVIVED ${m.id}: ${m.breaks}; expected ${m.catches.join(', ')} to fail${m.killRate ? ` (killed on ${Math.round(m.killRate * 100)}% of seeds)` : ''}`);
  const inexact = report.mutants.filter((m) => m.killed && (m.unexpected.length || m.missed.length));
  for (const m of inexact) lines.push(`inexact ${m.id}:${m.unexpected.length ? ` also failed ${m.unexpected.join(', ')}` : ''}${m.missed.length ? ` did not fail ${m.missed.join(', ')}` : ''}`);
  if (report.unkilledChecks.length) lines.push('', `checks no mutant kills: ${report.unkilledChecks.join(', ')}`);
  lines.push('', `score: ${report.score.killed} of ${report.score.mutants} mutants killed (${(report.score.ratio * 100).toFixed(1)}%), ${report.exact} exactly as declared; variants: ${report.variants.passed} of ${report.variants.total} passed; ${(report.durationMs / 1000).toFixed(0)} s`);
  for (const f of files) lines.push(`report: ${f}`);
  return lines.join('\n');
}
