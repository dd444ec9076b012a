// The baseline file: what a target did for a seeded selection of cases, normalised, with the rules
// that normalised it. Versioned and documented by baseline.schema.json beside this file: a file this
// version cannot read is refused with one line saying why.
import type { CallView } from './callView.ts';
import { transformerProblem, type Transformer } from './transformers.ts';

export const BASELINE_FORMAT = 'omics-conformance-baseline';
export const BASELINE_VERSION = 1;
/** The format's JSON Schema, relative to the package root. */
export const BASELINE_SCHEMA = 'reports/baseline/baseline.schema.json';

/** The options that pick the cases: verify and diff run exactly these again. */
export interface BaselineSelection {
  readonly seed: number;
  readonly runs: number;
  readonly shard: string;
  readonly suites: readonly string[];
  readonly operations?: readonly string[];
  readonly replay?: string;
}

export interface BaselineCase {
  readonly suite: string;
  readonly label: string;
  readonly calls: readonly CallView[];
  /** Why no call of the case reached the target it was recorded on. */
  readonly skipped?: string;
}

export interface Baseline {
  readonly format: typeof BASELINE_FORMAT;
  readonly version: typeof BASELINE_VERSION;
  /** What it was recorded on: its kind and name, and whether the HTTP wire was seen (statuses of successes, headers). */
  readonly target: { readonly kind: string; readonly name: string; readonly wire: boolean };
  readonly selection: BaselineSelection;
  /** The response headers recorded for each call. */
  readonly headers: readonly string[];
  readonly transformers: readonly Transformer[];
  /** Every case, in case order, by its replay value. */
  readonly cases: Readonly<Record<string, BaselineCase>>;
}

/** The file as written: two-space JSON and a final newline; the builders give every object its keys in a fixed order. */
export function serialiseBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** A file that is not a baseline this version reads; the message is one line. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why the parsed selection cannot be run again; undefined when it can. */
function selectionProblem(s: unknown): string | undefined {
  if (!isObject(s)) return 'it has no selection';
  if (!Number.isInteger(s.seed) || !Number.isInteger(s.runs) || typeof s.shard !== 'string') return 'its selection lacks a whole seed and runs, or a shard';
  if (!Array.isArray(s.suites) || !s.suites.every((x) => typeof x === 'string')) return 'its selection names no suites';
  if (s.operations !== undefined && (!Array.isArray(s.operations) || !s.operations.every((x) => typeof x === 'string'))) return 'its selection\'s operations are not a list of names';
  return undefined;
}

/** Reads a baseline file's text; a BaselineError saying in one line why it cannot be used. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`${file} is not JSON (${(err as Error).message})`);
  }
  if (!isObject(data) || data.format !== BASELINE_FORMAT) throw new BaselineError(`${file} is not a baseline: its format is not ${BASELINE_FORMAT} (record one with omics-conformance record)`);
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new BaselineError(`${file}: baseline version ${JSON.stringify(version)} is not a version any omics-conformance wrote; record it again`);
  if (version > BASELINE_VERSION) throw new BaselineError(`${file} is baseline version ${version}, written by a newer omics-conformance; this one reads version ${BASELINE_VERSION}: upgrade it, or record the baseline again with this one`);
  const problem =
    (!isObject(data.target) || typeof data.target.kind !== 'string' || typeof data.target.wire !== 'boolean' ? 'it names no target it was recorded on' : undefined) ??
    selectionProblem(data.selection) ??
    (!Array.isArray(data.headers) || !data.headers.every((h) => typeof h === 'string') ? 'its recorded headers are not a list of names' : undefined) ??
    (!Array.isArray(data.transformers) ? 'it lists no transformers' : undefined) ??
    (data.transformers as unknown[]).map((t, i) => {
      const why = transformerProblem(t);
      return why === undefined ? undefined : `transformer ${i + 1}: ${why}`;
    }).find((p) => p !== undefined) ??
    (!isObject(data.cases) || !Object.values(data.cases).every((c) => isObject(c) && Array.isArray(c.calls)) ? 'its cases are not a map of cases with calls' : undefined);
  if (problem) throw new BaselineError(`${file} cannot be used: ${problem}`);
  return data as unknown as Baseline;
}
