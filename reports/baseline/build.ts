// A recording run's cases, normalised into a baseline; and one case normalised the same way, for
// verify and diff to compare with.
import { callView } from './callView.ts';
import type { CapturedCase } from './capture.ts';
import { BASELINE_FORMAT, BASELINE_VERSION, type Baseline, type BaselineCase, type BaselineSelection } from './format.ts';
import { normaliseCalls, type RunValues } from './normalise.ts';
import { defaultTransformers, type Transformer } from './transformers.ts';

/** The response headers a baseline records unless told otherwise: the ones a client reads. */
export const RECORDED_HEADERS: readonly string[] = ['content-type', 'x-amzn-errortype', 'x-amzn-requestid'];

export interface Normalisation {
  readonly headers: readonly string[];
  readonly transformers: readonly Transformer[];
  readonly run: RunValues;
}

export function normaliseCase(c: CapturedCase, how: Normalisation): BaselineCase {
  const timed = c.calls.map((call) => ({ view: callView(call.observation, call.role, how.headers), startedAt: call.startedAt }));
  return { suite: c.suite, label: c.label, calls: normaliseCalls(timed, how.transformers, how.run), ...(c.skipped !== undefined ? { skipped: c.skipped } : {}) };
}

export function normaliseCases(cases: readonly CapturedCase[], how: Normalisation): Record<string, BaselineCase> {
  return Object.fromEntries(cases.map((c) => [c.key, normaliseCase(c, how)]));
}

export interface RecordedRun {
  readonly target: Baseline['target'];
  readonly selection: BaselineSelection;
  /** In case order. */
  readonly cases: readonly CapturedCase[];
  readonly run: RunValues;
}

export function buildBaseline(recorded: RecordedRun, transformers: readonly Transformer[] = defaultTransformers(), headers: readonly string[] = RECORDED_HEADERS): Baseline {
  const { seed, runs, shard, suites, operations, replay } = recorded.selection;
  return {
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    target: { kind: recorded.target.kind, name: recorded.target.name, wire: recorded.target.wire },
    selection: { seed, runs, shard, suites, ...(operations ? { operations } : {}), ...(replay !== undefined ? { replay } : {}) },
    headers,
    transformers,
    cases: normaliseCases(recorded.cases, { headers, transformers, run: recorded.run }),
  };
}
