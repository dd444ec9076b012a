// The shape of checks and findings. A check is a small function from (case, observation, context)
// to findings; it has a stable id, a level and a reference into the contract. Checks do not print
// and do not know which target they run against.
import type { Case } from '../generators/case.ts';
import type { Level, OperationName } from '../specs/index.ts';
import type { Observation } from '../targets/types.ts';

export type FindingStatus = 'passed' | 'failed' | 'warning' | 'observed' | 'skipped';

export interface Finding {
  readonly checkId: string;
  readonly status: FindingStatus;
  /** One sentence: what was expected and what came, or why it was skipped. */
  readonly message: string;
  readonly expected?: unknown;
  readonly received?: unknown;
  /** What to do about a failure. */
  readonly hint?: string;
}

export interface CheckContext {
  readonly region: string;
  /** The account and region of the first ARN the run saw, to compare later ones with. */
  readonly firstArn: { account?: string; region?: string; partition?: string };
  /** Milliseconds since the epoch when the call started. */
  readonly calledAt: number;
  readonly hasWire: boolean;
  /** The CreateSequenceStore input of the store the call is about, where the suite knows it. */
  readonly createdWith?: Record<string, unknown>;
  /** The update applied to that store since, where there was one. */
  readonly updatedWith?: Record<string, unknown>;
}

export interface Check {
  /** Stable id: `<suite>.<what>`, e.g. `shape.output-schema`. */
  readonly id: string;
  readonly suite: string;
  readonly level: Level;
  /** Where in the contract the expectation comes from. */
  readonly spec: string;
  readonly title: string;
  /** Operations it applies to; all when absent. */
  readonly operations?: readonly OperationName[];
  readonly needsWire?: boolean;
  check(c: Case, observation: Observation, context: CheckContext): Finding[];
}

/** A case as it went out and came back, with what each check found: what a report needs. */
export interface CaseResult {
  readonly case: Case;
  readonly observation: Observation;
  readonly findings: readonly Finding[];
  /** Seed and path that replay the case (`--replay seed:path`); for boundary cases, the case index. */
  readonly replay: string;
}
