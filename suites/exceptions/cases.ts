// The error cases, as data: each names the modelled error it expects and how the target is made to
// answer it. The list is the same on every target (a case a target cannot take is skipped there),
// so `exceptions/boundary@<index>` replays one case anywhere.
import { allBoundaryCases } from '../../generators/boundaryCases.ts';
import type { Case } from '../../generators/case.ts';
import { errors, operationNames, operations, SequenceStoreId, TagArn, storeStatus, type ErrorName, type OperationName } from '../../specs/index.ts';

/**
 * How the error is brought about. `request`: the request itself breaks a rule. `absent`: it names a
 * store that does not exist. `quota`: the store quota is full. `fault`: an injected fault.
 * `conflict`: the store is still being created. `denied`: a key allowed only read-only operations.
 */
export type Cause = 'request' | 'absent' | 'quota' | 'fault' | 'conflict' | 'denied';

export type ExceptionCase = Case & { readonly cause: Cause };

/** The errors injected faults stand for: a busy, a failing and a slow service. */
export const FAULT_ERRORS: readonly ErrorName[] = ['ThrottlingException', 'InternalServerException', 'RequestTimeoutException'];

/** A tag key the cases send to stores that do not exist. */
export const PROBE_TAG_KEY = 'omics-conformance:probe';

function rejected(operation: OperationName, input: Record<string, unknown>, error: ErrorName, cause: Cause, label: string): ExceptionCase {
  if (!operations[operation].errors.includes(error)) throw new Error(`exceptionCases: ${operation} does not model ${error}`);
  return { operation, input, send: 'sdk', expect: { outcome: 'rejected', error, violations: [] }, label: `${operation}: ${label} → ${error} (HTTP ${errors[error].httpStatus})`, ruleIds: [], phase: 'boundary', cause };
}

/** The path label that names the store: `id` or the ARN member. */
export function storeLabel(operation: OperationName): { member: string; kind: 'id' | 'arn' } | undefined {
  for (const [member, m] of Object.entries(operations[operation].input.members)) {
    if (m.location !== 'label') continue;
    if (m.target.name === SequenceStoreId.name) return { member, kind: 'id' };
    if (m.target.name === TagArn.name) return { member, kind: 'arn' };
  }
  return undefined;
}

/** Members besides the label that a request about an absent store still needs to be valid. */
const ABSENT_EXTRAS: Partial<Record<OperationName, Record<string, unknown>>> = {
  TagResource: { tags: { [PROBE_TAG_KEY]: 'probe' } },
  UntagResource: { tagKeys: [PROBE_TAG_KEY] },
};

/** One request per operation that breaks a modelled rule an SDK can express (the validation suite has the rest). */
function validationCases(): ExceptionCase[] {
  const seen = new Set<OperationName>();
  const out: ExceptionCase[] = [];
  for (const c of allBoundaryCases()) {
    if (c.expect.outcome !== 'rejected' || c.expect.error !== errors.ValidationException.name || c.send !== 'sdk' || seen.has(c.operation)) continue;
    if (c.needs === 'absent-store' || !c.expect.violations.some((v) => v.level === 'MUST')) continue;
    seen.add(c.operation);
    out.push({ ...c, label: `${c.label} → ValidationException (HTTP ${errors.ValidationException.httpStatus})`, cause: 'request' });
  }
  return out;
}

export function exceptionCases(): ExceptionCase[] {
  const absent = operationNames
    .filter((op) => operations[op].errors.includes('ResourceNotFoundException') && storeLabel(op))
    .map((op) => rejected(op, { ...ABSENT_EXTRAS[op] }, 'ResourceNotFoundException', 'absent', `a well-formed ${storeLabel(op)!.kind === 'id' ? 'id' : 'ARN'} of a store that does not exist`));
  return [
    ...validationCases(),
    ...absent,
    rejected('CreateSequenceStore', {}, 'ServiceQuotaExceededException', 'quota', 'the store quota is full'),
    ...FAULT_ERRORS.map((e) => rejected('ListSequenceStores', {}, e, 'fault', `an injected ${e}`)),
    rejected('UpdateSequenceStore', {}, 'ConflictException', 'conflict', `the store is still ${storeStatus.creating}`),
    rejected('CreateSequenceStore', {}, 'AccessDeniedException', 'denied', 'a key allowed only the read-only operations'),
  ];
}
