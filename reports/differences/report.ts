// The outcome of verify (a baseline against a target) and diff (two targets), as plain, versioned
// data: what every difference format is written from.
import type { BaselineSelection } from '../baseline/format.ts';
import { DIFFERENCE_KINDS, type Comparison, type Difference, type DifferenceKind, type SkippedCase } from '../baseline/compare.ts';
import type { AcceptedDifference, Divergence, Judged } from '../baseline/divergences.ts';

export const DIFFERENCES_FORMAT = 'omics-conformance-differences';
export const DIFFERENCES_VERSION = 1;

export interface Side {
  /** `recorded` and `observed` for verify, `a` and `b` for diff. */
  readonly role: string;
  /** What it is, in words: `baseline.json (recorded on emulator)`, `endpoint http://127.0.0.1:4566`. */
  readonly name: string;
  readonly wire: boolean;
}

export type ReportedDifference = Omit<Difference, 'steps'>;
export type ReportedAcceptance = Omit<AcceptedDifference, 'steps'>;

export interface DifferenceReport {
  readonly format: typeof DIFFERENCES_FORMAT;
  readonly version: typeof DIFFERENCES_VERSION;
  readonly command: 'verify' | 'diff';
  readonly sides: { readonly a: Side; readonly b: Side };
  readonly selection: BaselineSelection;
  /**
   * `same`: every case compared agreed, or differed only where accepted; `different`: a difference
   * no divergence accepts; `nothing-compared`: no case ran on both sides; `aborted`: a side stopped early.
   */
  readonly outcome: 'same' | 'different' | 'nothing-compared' | 'aborted';
  readonly summary: {
    readonly compared: number;
    readonly skipped: number;
    readonly differences: number;
    readonly accepted: number;
    readonly stale: number;
    readonly byKind: Readonly<Partial<Record<DifferenceKind, number>>>;
  };
  readonly kinds: Readonly<Record<DifferenceKind, string>>;
  readonly differences: readonly ReportedDifference[];
  readonly accepted: readonly ReportedAcceptance[];
  readonly stale: readonly Divergence[];
  readonly skipped: readonly SkippedCase[];
  /** Why a side stopped early, where one did. */
  readonly aborted?: readonly string[];
}

const withoutSteps = <T extends Difference>({ steps: _steps, ...rest }: T): Omit<T, 'steps'> => rest;

export function buildDifferenceReport(input: { command: DifferenceReport['command']; sides: DifferenceReport['sides']; selection: BaselineSelection; comparison: Comparison; judged: Judged; aborted?: readonly string[] }): DifferenceReport {
  const { comparison, judged } = input;
  const byKind: Partial<Record<DifferenceKind, number>> = {};
  for (const d of judged.refused) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  const outcome = input.aborted?.length ? 'aborted' : comparison.compared === 0 ? 'nothing-compared' : judged.refused.length ? 'different' : 'same';
  return {
    format: DIFFERENCES_FORMAT,
    version: DIFFERENCES_VERSION,
    command: input.command,
    sides: input.sides,
    selection: input.selection,
    outcome,
    summary: { compared: comparison.compared, skipped: comparison.skipped.length, differences: judged.refused.length, accepted: judged.accepted.length, stale: judged.stale.length, byKind },
    kinds: DIFFERENCE_KINDS,
    differences: judged.refused.map(withoutSteps),
    accepted: judged.accepted.map(withoutSteps),
    stale: judged.stale,
    skipped: comparison.skipped,
    ...(input.aborted?.length ? { aborted: input.aborted } : {}),
  };
}
