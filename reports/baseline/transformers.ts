// Normalisation rules as data, in the order they apply, as LocalStack's snapshot transformers are:
// each finds values that differ from run to run (ids, ARNs, UUIDs, request ids, times, names the run
// made for itself) and gives each a reference numbered within its case, so identity survives: the
// same store is `<id:1>` in every call of the case. The defaults derive from specs/; a baseline
// lists the rules it was recorded with, and verify applies those.
import { ACCOUNT_ID_LENGTH, operationNames, operations, SEQUENCE_STORE_ARN_TEMPLATE, SequenceStoreId, service } from '../../specs/index.ts';

/** Values of members with one of these names (anywhere in a call); `match`, when given, must match the whole value. */
export interface KeyTransformer {
  readonly kind: 'key';
  readonly keys: readonly string[];
  readonly ref: string;
  readonly match?: string;
}

/**
 * Every match of a regular expression inside any string: the whole match becomes a `ref`
 * reference, or, where the expression has named groups, each group's text a reference named after
 * the group (the text around it stays).
 */
export interface PatternTransformer {
  readonly kind: 'pattern';
  readonly pattern: string;
  readonly ref?: string;
}

/**
 * Values only the run knows: `run-id`, any string holding the run's id (names and tags the run gave
 * its own stores), replaced whole; `unique`, the values the run made unique (names, tokens).
 */
export interface RunTransformer {
  readonly kind: 'run';
  readonly values: 'run-id' | 'unique';
  readonly ref: string;
}

/**
 * Date-time strings: `<time:R D>` with R the moment's order within the case (moments less than
 * `sameMomentMs` apart are one) and D its distance from the start of the call it first appears in
 * (`now` within `nowWithinMs`, else signed and rounded to m, h, d or y).
 */
export interface TimestampTransformer {
  readonly kind: 'timestamp';
  readonly ref: string;
  readonly nowWithinMs: number;
  readonly sameMomentMs: number;
}

/**
 * The items of a list member of an answer (`sequenceStores`) are kept only where their `key` value
 * shows elsewhere in the case: an account holds other stores, and the run's other cases make theirs
 * at the same time. Applied before the rest, so a foreign item takes no reference.
 */
export interface OwnItemsTransformer {
  readonly kind: 'own-items';
  readonly member: string;
  readonly key: string;
}

/**
 * A walk through the pages of a paginated operation — consecutive calls, each sent with the token
 * the one before answered — kept as one call holding every page's items, and a token no later call
 * of the case sends left out: where pages break, and whether one more follows, depends on the
 * account's other stores. Applied first.
 */
export interface PagesTransformer {
  readonly kind: 'pages';
  readonly operation: string;
  readonly inputToken: string;
  readonly outputToken: string;
  readonly items: string;
}

export type Transformer = PagesTransformer | OwnItemsTransformer | KeyTransformer | PatternTransformer | RunTransformer | TimestampTransformer;

export const TRANSFORMER_KINDS: readonly Transformer['kind'][] = ['pages', 'own-items', 'key', 'pattern', 'run', 'timestamp'];

const idLength = SequenceStoreId.length!;
const idDigits = `[0-9]{${idLength.min},${idLength.max}}`;
/**
 * A time within a minute of its call reads `now`, and times less than a minute apart are one moment:
 * the service's clock, the wait for its answer and how fast a store settles are in it.
 */
const NOW_WITHIN_MS = 60_000;
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A store ARN, its region, account and id as references (the partition stays). */
function storeArnPattern(): string {
  const resource = SEQUENCE_STORE_ARN_TEMPLATE.replace('{sequenceStoreId}', `(?<id>${idDigits})(?![0-9])`);
  return `arn:[a-z-]+:${service.arnNamespace}:(?<region>[a-z0-9-]+):(?<account>[0-9]{${ACCOUNT_ID_LENGTH}}):${resource}`;
}

export function defaultTransformers(): Transformer[] {
  const paginated = operationNames.flatMap((operation) => {
    const p = operations[operation].paginated;
    return p ? [{ operation, ...p }] : [];
  });
  return [
    ...paginated.map(({ operation, inputToken, outputToken, items }): Transformer => ({ kind: 'pages', operation, inputToken, outputToken, items })),
    ...paginated.map(({ items }): Transformer => ({ kind: 'own-items', member: items, key: 'id' })),
    { kind: 'run', values: 'run-id', ref: 'harness' },
    { kind: 'run', values: 'unique', ref: 'unique' },
    { kind: 'key', keys: ['x-amzn-requestid'], ref: 'request-id' },
    { kind: 'pattern', pattern: storeArnPattern() },
    { kind: 'key', keys: ['id'], ref: 'id', match: `^${idDigits}$` },
    { kind: 'key', keys: ['nextToken'], ref: 'next-token' },
    { kind: 'pattern', pattern: UUID, ref: 'uuid' },
    { kind: 'timestamp', ref: 'time', nowWithinMs: NOW_WITHIN_MS, sameMomentMs: NOW_WITHIN_MS },
  ];
}

const REF_NAME = /^[a-z][a-z0-9-]*$/;

function regexError(source: string): string | undefined {
  try {
    new RegExp(source, 'gu');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Why `value` is not a transformer this version applies; undefined when it is one. */
export function transformerProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a transformer is an object with a kind';
  const t = value as Record<string, unknown>;
  const refOk = (ref: unknown) => typeof ref === 'string' && REF_NAME.test(ref);
  switch (t.kind) {
    case 'key':
      if (!Array.isArray(t.keys) || t.keys.length === 0 || !t.keys.every((k) => typeof k === 'string')) return 'a key transformer names its keys';
      if (!refOk(t.ref)) return 'a key transformer needs a ref of lower-case letters, digits and hyphens';
      return t.match === undefined ? undefined : typeof t.match === 'string' ? regexError(t.match) : 'match is a regular expression';
    case 'pattern': {
      if (typeof t.pattern !== 'string') return 'a pattern transformer needs a pattern';
      const problem = regexError(t.pattern);
      if (problem) return problem;
      const groups = /\(\?<[a-z]/.test(t.pattern);
      if (!groups && !refOk(t.ref)) return `pattern ${t.pattern} has no named group, so it needs a ref`;
      return undefined;
    }
    case 'run':
      if (t.values !== 'run-id' && t.values !== 'unique') return 'a run transformer takes values run-id or unique';
      return refOk(t.ref) ? undefined : 'a run transformer needs a ref';
    case 'pages':
      return ['operation', 'inputToken', 'outputToken', 'items'].every((k) => typeof t[k] === 'string') ? undefined : 'a pages transformer names its operation, inputToken, outputToken and items';
    case 'own-items':
      return typeof t.member === 'string' && typeof t.key === 'string' ? undefined : 'an own-items transformer names its member and key';
    case 'timestamp':
      if (!refOk(t.ref)) return 'a timestamp transformer needs a ref';
      if (typeof t.nowWithinMs !== 'number' || t.nowWithinMs < 0 || typeof t.sameMomentMs !== 'number' || t.sameMomentMs < 0) return 'a timestamp transformer needs nowWithinMs and sameMomentMs (0 or more)';
      return undefined;
    default:
      return `no transformer kind ${JSON.stringify(t.kind)} (kinds: ${TRANSFORMER_KINDS.join(', ')})`;
  }
}
