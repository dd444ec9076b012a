// Deliberate deviations from the contract: each a declarative switch, compiled once into a wrapper
// around the emulator's pipeline (emulator/mutants/wrappers.ts), so a broken emulator ("mutant") is
// a configuration, not a copy of the code.
import { errors, operationNames, rulesOf, type ErrorName, type OperationName, type Shape } from '../specs/index.ts';

export interface ErrorDeviation {
  /** Answer the error under this type name instead. */
  readonly type?: string;
  /** Answer it with this HTTP status instead. */
  readonly status?: number;
}

export interface Deviations {
  /** Rule ids (`Op:path:rule`) validation leaves unenforced. */
  readonly unenforcedRules?: readonly string[];
  /** Tighter upper bounds than the contract's, by rule id (`length.max` / `range.max`): valid requests get refused. */
  readonly tightenedBounds?: Readonly<Record<string, number>>;
  /** Validate after the operation took effect: a refused request leaves its change behind. */
  readonly validateAfterEffect?: boolean;
  /** Top-level output members left out, by operation. */
  readonly droppedOutputMembers?: Partial<Record<OperationName, readonly string[]>>;
  /** Top-level output members answered with a fixed value, by operation. */
  readonly replacedOutputMembers?: Partial<Record<OperationName, Readonly<Record<string, unknown>>>>;
  /** Errors answered under another type or status. */
  readonly errors?: Partial<Record<ErrorName, ErrorDeviation>>;
  /** Success status by operation. */
  readonly successStatus?: Partial<Record<OperationName, number>>;
  /** clientToken is not remembered: a retried request runs again (a second store). */
  readonly ignoreClientToken?: boolean;
  /** Where an error's type travels: the header (the contract), only the body's `__type`, or nowhere. */
  readonly errorTypeIn?: 'header' | 'body' | 'nowhere';
  /** Error bodies without their required `message`. */
  readonly omitErrorMessage?: boolean;
  /** DeleteSequenceStore answers success and the store stays. */
  readonly deleteKeepsStore?: boolean;
  /** TagResource replaces a store's tags instead of merging them. */
  readonly tagReplaces?: boolean;
  /** Every List page after the first leaves out its first store. */
  readonly pagesSkipOne?: boolean;
  /** Timestamps go out as epoch seconds, not date-time strings. */
  readonly epochTimestamps?: boolean;
  /** Requests are deduplicated by their content, not their clientToken: a new token with an identical request gets the first answer back. */
  readonly idempotencyByRequest?: boolean;
  /**
   * Injected faults strike after the call took effect, as a lost answer would: the change is made and
   * the client sees the error. Not a departure by itself; with ignoreClientToken a retry makes a second store.
   */
  readonly faultAfterEffect?: boolean;
  /** The front takes any Content-Type and Accept (a lenient front, for proving the harness's client checks). */
  readonly anyMediaType?: boolean;
  /** These operations answer as if they took effect, and change nothing. */
  readonly noEffect?: readonly OperationName[];

  // Benign switches: the contract allows each, so a correct harness passes an emulator with them.
  /** List pages hold at most half of maxResults (at least one), with a nextToken where more follow. */
  readonly shortPages?: boolean;
  /** Error messages worded otherwise (one fixed sentence): the contract names no wording. */
  readonly rewordErrorMessages?: boolean;
  /** Response members in the reverse of the usual order, at every level. */
  readonly reverseMemberOrder?: boolean;
}

export const noDeviations: Deviations = {};

export class DeviationError extends Error {
  override readonly name = 'DeviationError';
}

/** Throws DeviationError naming the first switch that does not fit the contract's names. */
export function checkDeviations(d: Deviations): void {
  const ruleIds = new Set(operationNames.flatMap((op) => rulesOf(op).map((r) => r.id)));
  for (const id of [...(d.unenforcedRules ?? []), ...Object.keys(d.tightenedBounds ?? {})]) {
    if (!ruleIds.has(id)) throw new DeviationError(`deviations: no rule '${id}' in the contract (ids look like CreateSequenceStore:name:length.max)`);
  }
  for (const op of [...Object.keys(d.droppedOutputMembers ?? {}), ...Object.keys(d.replacedOutputMembers ?? {}), ...Object.keys(d.successStatus ?? {})]) {
    if (!(operationNames as string[]).includes(op)) throw new DeviationError(`deviations: no operation '${op}'`);
  }
  for (const name of Object.keys(d.errors ?? {})) if (!(name in errors)) throw new DeviationError(`deviations: no modelled error '${name}'`);
  for (const op of d.noEffect ?? []) if (!(operationNames as string[]).includes(op)) throw new DeviationError(`deviations: no operation '${op}'`);
}

/** The output with every timestamp member as epoch seconds (what a restJson1 body has by default, not what this model says). */
export function toEpochTimestamps(shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case 'timestamp':
      return typeof value === 'string' ? Date.parse(value) / 1000 : value;
    case 'list':
      return Array.isArray(value) ? value.map((v) => toEpochTimestamps(shape.member, v)) : value;
    case 'structure':
      return typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape.members[k] ? toEpochTimestamps(shape.members[k]!.target, v) : v]))
        : value;
    default:
      return value;
  }
}
