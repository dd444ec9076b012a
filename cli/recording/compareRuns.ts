// record, verify and diff as library calls: a baseline from a recording run; a target's recording
// compared with a baseline; two targets recorded at once with the same seed and compared.
import { buildBaseline, normaliseCases, RECORDED_HEADERS } from '../../reports/baseline/build.ts';
import { compareCases } from '../../reports/baseline/compare.ts';
import { judgeDifferences, type Divergence } from '../../reports/baseline/divergences.ts';
import type { Baseline } from '../../reports/baseline/format.ts';
import { defaultTransformers } from '../../reports/baseline/transformers.ts';
import { buildDifferenceReport, type DifferenceReport, type Side } from '../../reports/differences/report.ts';
import { settingsOf, type ConformanceOptions } from '../runConformance.ts';
import { recordRun, type RecordingRun } from './recordRun.ts';

export interface Recorded {
  readonly baseline: Baseline;
  readonly run: RecordingRun;
}

export async function recordBaseline(options: ConformanceOptions): Promise<Recorded> {
  const run = await recordRun(options);
  return { baseline: buildBaseline({ target: run.target, selection: run.selection, cases: run.cases, run: run.run }), run };
}

/** The options that run a baseline's cases again: its selection, on the target the options name. */
export function replayOptions(baseline: Baseline, options: ConformanceOptions): ConformanceOptions {
  const s = baseline.selection;
  return { ...options, seed: s.seed, runs: s.runs, shard: s.shard, suites: s.suites, ...(s.operations ? { operations: s.operations } : {}), ...(s.replay !== undefined ? { replay: s.replay } : {}) };
}

export function targetName(run: RecordingRun): string {
  return `${run.target.kind}${run.target.endpoint ? ` ${run.target.endpoint}` : ''} (${run.target.name})`;
}

export interface Verified {
  readonly report: DifferenceReport;
  readonly run: RecordingRun;
}

/** The baseline's cases run on the target the options name, and every difference from what was recorded. */
export async function verifyBaseline(baseline: Baseline, file: string, options: ConformanceOptions, divergences: readonly Divergence[] = []): Promise<Verified> {
  const run = await recordRun(replayOptions(baseline, options));
  const observed = normaliseCases(run.cases, { headers: baseline.headers, transformers: baseline.transformers, run: run.run });
  const recordedOn = `${baseline.target.kind} (${baseline.target.name})`;
  const sides = {
    a: { role: 'recorded', name: `${file}, recorded on ${recordedOn}`, wire: baseline.target.wire },
    b: { role: 'observed', name: targetName(run), wire: run.target.wire },
  } satisfies Record<'a' | 'b', Side>;
  const comparison = compareCases(baseline.cases, observed, { names: { a: `the baseline's target ${recordedOn}`, b: `the ${run.target.kind} target` }, wire: { a: sides.a.wire, b: sides.b.wire } });
  const report = buildDifferenceReport({ command: 'verify', sides, selection: baseline.selection, comparison, judged: judgeDifferences(comparison.differences, divergences), ...(run.aborted ? { aborted: [run.aborted] } : {}) });
  return { report, run };
}

export interface Diffed {
  readonly report: DifferenceReport;
  readonly runs: { readonly a: RecordingRun; readonly b: RecordingRun };
}

/**
 * The same seeded cases on two targets at once (`a` and `b` each choose a target over `shared`),
 * normalised by the default rules and compared. A seed is chosen once for both when none is given.
 */
export async function diffTargets(shared: ConformanceOptions, a: ConformanceOptions, b: ConformanceOptions, divergences: readonly Divergence[] = []): Promise<Diffed> {
  const seed = settingsOf(shared).seed;
  const [x, y] = await Promise.all([recordRun({ ...shared, ...a, seed }), recordRun({ ...shared, ...b, seed })]);
  const how = { headers: RECORDED_HEADERS, transformers: defaultTransformers() };
  const sides = {
    a: { role: 'a', name: targetName(x), wire: x.target.wire },
    b: { role: 'b', name: targetName(y), wire: y.target.wire },
  } satisfies Record<'a' | 'b', Side>;
  const comparison = compareCases(normaliseCases(x.cases, { ...how, run: x.run }), normaliseCases(y.cases, { ...how, run: y.run }), { names: { a: `--a (${x.target.kind})`, b: `--b (${y.target.kind})` }, wire: { a: x.target.wire, b: y.target.wire } });
  const aborted = [x.aborted && `--a: ${x.aborted}`, y.aborted && `--b: ${y.aborted}`].filter((s): s is string => Boolean(s));
  const report = buildDifferenceReport({ command: 'diff', sides, selection: x.selection, comparison, judged: judgeDifferences(comparison.differences, divergences), ...(aborted.length ? { aborted } : {}) });
  return { report, runs: { a: x, b: y } };
}
