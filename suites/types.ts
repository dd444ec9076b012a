// The shape of checks, traces and findings. A check judges: an observation check one call as it
// came back, a scenario check the plain-data trace of a scenario (the calls it made, in order, and
// the facts it noted). Checks have a stable id, a level, a reference into the contract and what they
// need from a target; they do not print and do not know which target they run against.
import type { Case } from '../generators/case.ts';
import type { Level, OperationName } from '../specs/index.ts';
import type { Capability, Observation } from '../targets/types.ts';

export type FindingStatus = 'passed' | 'failed' | 'warning' | 'observed' | 'skipped';

/** What a check found, from the check to the report: the one record of a verdict on one case. */
export interface Finding {
  readonly checkId: string;
  readonly status: FindingStatus;
  /** One sentence: what was expected and what came, or why it was skipped. */
  readonly message: string;
  readonly expected?: unknown;
  readonly received?: unknown;
  /** What to do about a failure. */
  readonly hint?: string;
  /** The case and the answer that show the finding; a check may leave them out for the one it was given. */
  readonly case?: Case;
  readonly observation?: Observation;
  /** `--replay` value that runs the case again, set as the finding is recorded. */
  readonly replay?: string;
}

/**
 * What a check needs from a target: a capability (targets/capabilities.ts), or `stores`, stores of
 * the run's own to create and delete.
 */
export type TargetNeed = Capability | 'stores';

export interface CheckContext {
  readonly region: string;
  /** The account and region of the first ARN the run saw, to compare later ones with. */
  readonly firstArn: { account?: string; region?: string; partition?: string };
  /** Milliseconds since the epoch when the call started. */
  readonly calledAt: number;
  /** What the target can do (a check reads it, never the target's kind). */
  readonly capabilities: ReadonlySet<Capability>;
  /** The CreateSequenceStore input of the store the call is about, where the suite knows it. */
  readonly createdWith?: Record<string, unknown>;
  /** The update applied to that store since, where there was one. */
  readonly updatedWith?: Record<string, unknown>;
}

/** One call of a scenario: the part it played, and what went out and came back. */
export interface TraceCall {
  readonly kind: 'call';
  readonly role: string;
  readonly observation: Observation;
}

/**
 * What a scenario did, as plain data: its calls in order, each with its role, and the facts the
 * scenario noted on the way (`F`, a union per scenario family). A check reads it; nothing in it
 * is a verdict.
 */
export interface Trace<F = never> {
  /** `<suite>/<scenario>`: the scenario checks that read it name it. */
  readonly scenario: string;
  /** The case the scenario stands for, as a report shows it. */
  readonly case: Case;
  readonly steps: readonly (TraceCall | F)[];
  /** The scenario could not run on this target, and why: its checks record it as skipped. */
  readonly skipped?: string;
}

interface CheckInfo {
  /** Stable id: `<suite>.<what>`, e.g. `shape.output-schema`. */
  readonly id: string;
  readonly suite: string;
  readonly level: Level;
  /** Where in the contract the expectation comes from. */
  readonly spec: string;
  readonly title: string;
  /** Operations it applies to; all when absent. */
  readonly operations?: readonly OperationName[];
  /** What it needs from a target; none when absent. */
  readonly needs?: readonly TargetNeed[];
}

/** Judges one call: `(case, observation, context) → findings`. */
export interface ObservationCheck extends CheckInfo {
  readonly kind: 'observation';
  check(c: Case, observation: Observation, context: CheckContext): Finding[];
}

/** Judges the trace of a scenario: `(trace, context) → findings`. */
export interface ScenarioCheck<F = unknown> extends CheckInfo {
  readonly kind: 'scenario';
  /** The scenarios (`Trace.scenario`) it reads. */
  readonly scenarios: readonly string[];
  check(trace: Trace<F>, context: CheckContext): Finding[];
}

export type Check = ObservationCheck | ScenarioCheck;
