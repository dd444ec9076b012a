// A case is data: the request, how it is sent, and what the contract expects of the answer.
import type { ErrorName, Level, OperationName, RuleKind } from '../specs/index.ts';

/** `sdk`: an SDK can express the input. `wire`: only a raw HTTP request can (wrong JSON types, nulls, missing or invalid path labels). */
export type Send = 'sdk' | 'wire';

/**
 * What the case needs from the run. `existing-store`: before sending, replace every path-label member
 * of the input (`id` with the store's id, `resourceArn` with its ARN; see `labelMembers`) by those
 * of a store the run created, so only the rules under test can fail. `absent-store`: the labels are
 * the subject of the case; send them as they are (the store does not exist, so a service that
 * accepts them answers ResourceNotFoundException, or AccessDeniedException for a foreign ARN).
 */
export type Need = 'existing-store' | 'absent-store';

export interface ExpectedViolation {
  /** Path template, as validateInput reports it: `name`, `sseConfig.type`, `tags.<key>`, `tagKeys[]`. */
  readonly path: string;
  readonly rule: RuleKind;
  readonly level: Level;
}

export type Expectation =
  | { readonly outcome: 'accepted' }
  | { readonly outcome: 'rejected'; readonly error: ErrorName; readonly violations: readonly ExpectedViolation[] }
  /** The contract leaves the answer open (e.g. a character whose admission depends on the Unicode version): recorded, never judged. */
  | { readonly outcome: 'open'; readonly because: string };

export interface Case {
  readonly operation: OperationName;
  /** The operation's input as an SDK takes it (labels and query members included, timestamps as Date). */
  readonly input: Record<string, unknown>;
  readonly send: Send;
  readonly expect: Expectation;
  /** Human-readable: `CreateSequenceStore name: length 128 (max+1)`. */
  readonly label: string;
  /** Rule ids (`Op:path:rule`) the case exercises: the violated rules, or for a valid case every rule whose member it holds. */
  readonly ruleIds: readonly string[];
  readonly phase: 'boundary' | 'random';
  /** The rule a one-rule case is about (its label's `<path>: …`); absent for whole-input cases. */
  readonly subject?: { readonly path: string; readonly rule: RuleKind };
  readonly needs?: Need;
  /**
   * Members holding values the service issues itself (a pagination token) that the case made up.
   * The model admits them, but a service may refuse an unknown token: record such answers, do not fail them.
   */
  readonly invented?: readonly string[];
}
