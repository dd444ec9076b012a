// What a run's outcome means for CI, as a pure function of its report: which failed checks fail the
// run (by level, `--fail-on`), which failures were expected (`--expect-failures`) and which expected
// ones now pass (stale), and whether the run judged anything at all.
import type { Report } from './report.ts';

/** The lowest level whose failures fail the run; `observed` fails on warnings as well. */
export type FailOn = 'must' | 'should' | 'observed';
export const FAIL_ON: readonly FailOn[] = ['must', 'should', 'observed'];
export const DEFAULT_FAIL_ON: FailOn = 'should';

export interface ExpectedFailure {
  readonly check: string;
  readonly reason: string;
}

export interface Verdict {
  /** `passed`: something was judged and nothing that fails the run failed; `nothing-judged`: no check judged a case. */
  readonly outcome: 'passed' | 'failed' | 'nothing-judged';
  readonly failOn: FailOn;
  /** Failed checks that fail the run. */
  readonly failing: readonly string[];
  /** Failed checks below the --fail-on level: reported, not failing the run. */
  readonly belowGate: readonly string[];
  /** Failed checks listed as expected, with the reason given. */
  readonly expected: readonly ExpectedFailure[];
  /** Checks listed as expected failures that passed: the list is out of date. */
  readonly stale: readonly ExpectedFailure[];
  /** Checks with warnings, where --fail-on observed makes them fail the run. */
  readonly warned: readonly string[];
  /** Cases judged, over every check. */
  readonly judged: number;
}

const gateOf: Readonly<Record<FailOn, readonly string[]>> = { must: ['MUST'], should: ['MUST', 'SHOULD'], observed: ['MUST', 'SHOULD', 'OBSERVED'] };

export function runVerdict(report: Report, options: { failOn?: FailOn; expected?: readonly ExpectedFailure[] } = {}): Verdict {
  const failOn = options.failOn ?? DEFAULT_FAIL_ON;
  const expectedBy = new Map((options.expected ?? []).map((e) => [e.check, e]));
  const failed = report.checks.filter((c) => c.status === 'failed');
  const expected = failed.filter((c) => expectedBy.has(c.id)).map((c) => expectedBy.get(c.id)!);
  const unexpected = failed.filter((c) => !expectedBy.has(c.id));
  const gated = unexpected.filter((c) => gateOf[failOn].includes(c.level));
  const warned = failOn === 'observed' ? report.checks.filter((c) => c.counts.warnings > 0 && !expectedBy.has(c.id)).map((c) => c.id) : [];
  const stale = report.checks.filter((c) => c.status === 'passed' && expectedBy.has(c.id)).map((c) => expectedBy.get(c.id)!);
  const judged = report.checks.reduce((n, c) => n + c.cases, 0);
  const outcome = judged === 0 ? 'nothing-judged' : gated.length || warned.length || report.aborted ? 'failed' : 'passed';
  return {
    outcome,
    failOn,
    failing: [...gated.map((c) => c.id), ...warned],
    belowGate: unexpected.filter((c) => !gateOf[failOn].includes(c.level)).map((c) => c.id),
    expected,
    stale,
    warned,
    judged,
  };
}

/** An --expect-failures file: one check per line, `<check id> <reason>`; `#` starts a comment. */
export function parseExpectedFailures(text: string, knownChecks: ReadonlySet<string>, file: string): ExpectedFailure[] {
  const out: ExpectedFailure[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [check, ...words] = line.split(/\s+/);
    const where = `${file}:${i + 1}`;
    if (!knownChecks.has(check!)) throw new Error(`${where}: no check ${check} (run --list-checks shows them)`);
    if (words.length === 0) throw new Error(`${where}: ${check} needs a reason after its id, e.g. "${check} our service words this differently"`);
    if (out.some((e) => e.check === check)) throw new Error(`${where}: ${check} is listed twice`);
    out.push({ check: check!, reason: words.join(' ') });
  });
  return out;
}

/** The closing count line, with what does not fail the run said beside it. */
export function verdictLine(report: Report, verdict: Verdict): string {
  const { passed, failed, skipped } = report.summary;
  const notFailing = [verdict.expected.length ? `${verdict.expected.length} expected` : '', verdict.belowGate.length ? `${verdict.belowGate.length} below --fail-on ${verdict.failOn}` : ''].filter(Boolean);
  return `${passed} passed, ${failed} failed${notFailing.length ? ` (${notFailing.join(', ')})` : ''}${skipped ? `, ${skipped} skipped` : ''}`;
}
