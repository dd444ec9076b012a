// Which checks must fail against a derived mutant, from what the broken member or error is to the
// contract and to the checks that read it. An answer the contract allows (an optional member that
// echoes nothing, left out) is no mutant: it is in the benign variant `optional-members-left-out`.
import { errors, operations, type ErrorName, type OperationName, type Shape } from '../../specs/index.ts';

/** Output members that echo a CreateSequenceStore input of the same name (shape.echo-inputs compares them). */
const echoed = (member: string) => member in operations.CreateSequenceStore.input.members;

/** The default the documentation gives (shape.etag-default). */
const documentedDefault = (member: string) => operations.CreateSequenceStore.input.members[member]?.documented?.default !== undefined;

/** What lifecycle.model-agrees compares, per operation: the store's identity and its documented state. */
const MODELLED: Partial<Record<OperationName, readonly string[]>> = {
  CreateSequenceStore: ['name'],
  GetSequenceStore: ['id', 'arn', 'name', 'description', 'eTagAlgorithmFamily', 'propagatedSetLevelTags'],
  UpdateSequenceStore: ['id', 'arn', 'name', 'description', 'eTagAlgorithmFamily', 'propagatedSetLevelTags'],
  ListTagsForResource: ['tags'],
};

/** ListSequenceStores' members are the pages themselves: every walk through them reads both. */
const LIST_MEMBERS: Readonly<Record<string, Readonly<Record<'dropped' | 'retyped', readonly string[]>>>> = {
  nextToken: { dropped: ['lifecycle.pagination-complete'], retyped: ['shape.output-schema', 'lifecycle.model-agrees'] },
  sequenceStores: {
    dropped: ['shape.output-schema', 'shape.list-contains-created', 'lifecycle.pagination-complete', 'idempotency.concurrent-same-token', 'idempotency.different-tokens', 'idempotency.retry-same-token', 'idempotency.same-token-same-store', 'idempotency.sdk-fills-token'],
    retyped: ['shape.output-schema', 'shape.list-contains-created', 'lifecycle.pagination-complete', 'idempotency.concurrent-same-token', 'idempotency.different-tokens', 'idempotency.retry-same-token', 'idempotency.same-token-same-store', 'idempotency.sdk-fills-token'],
  },
};

const isCollection = (shape: Shape) => shape.type === 'list' || shape.type === 'map' || shape.type === 'structure';

export function outputCatches(operation: OperationName, member: string, how: 'dropped' | 'retyped'): string[] {
  if (operation === 'ListSequenceStores') return [...(LIST_MEMBERS[member]?.[how] ?? [])];
  const spec = operations[operation].output.members[member]!;
  const out = new Set<string>();
  const modelled = MODELLED[operation]?.includes(member) ?? false;
  // A timestamp of another type is an answer the SDK cannot read at all: the harness reads it from
  // the wire instead, so the run goes on and only the checks of that member's form fail.
  const unreadable = how === 'retyped' && spec.target.type === 'timestamp';
  if (unreadable) {
    out.add('shape.output-schema');
    out.add('wire.response-agrees');
  } else {
    if (spec.required || how === 'retyped') out.add('shape.output-schema');
    if (how === 'retyped' && isCollection(spec.target)) out.add('wire.response-agrees');
    if (member === 'tags') out.add('shape.tags-echo');
    else if (echoed(member)) out.add('shape.echo-inputs');
    if (documentedDefault(member)) out.add('shape.etag-default');
    if (modelled) out.add('lifecycle.model-agrees');
  }
  // Without an id the model's claims about the new store fail; the idempotency scenarios, with no
  // store to compare, are skipped with that cause.
  if (operation === 'CreateSequenceStore' && member === 'id') out.add('lifecycle.model-agrees');
  return [...out];
}

/** Whether dropping the member breaks a promise: required, echoed, compared by the model, or a page. */
export function dropBreaks(operation: OperationName, member: string): boolean {
  const spec = operations[operation].output.members[member]!;
  return operation === 'ListSequenceStores' || spec.required === true || echoed(member) || member === 'tags' || (MODELLED[operation]?.includes(member) ?? false);
}

/** The input error is what the validation suite expects of every invalid request. */
const inputErrorChecks = (error: ErrorName) => (error === errors.ValidationException.name ? ['validation.rejects-invalid', 'validation.rejects-documented-limit'] : []);

/**
 * Another type name: the header no longer names the modelled error, the SDK raises its generic
 * class, and it cannot tell a retryable error (retryability comes from the modelled error's traits).
 */
export function errorNameCatches(error: ErrorName): string[] {
  return [...inputErrorChecks(error), 'exceptions.error-type-header', 'exceptions.sdk-class', ...(errors[error].retryable ? ['exceptions.retryable'] : [])];
}

/** Another status of the same class: only the status is wrong (fault and retryability follow the type). */
export function errorStatusCatches(error: ErrorName): string[] {
  return [...inputErrorChecks(error), 'exceptions.http-status'];
}

/**
 * Another name and a status of the other class: an error the SDK does not know takes its fault from
 * the status, so the fault is wrong as well as everything the name decides.
 */
export function errorClassCatches(error: ErrorName): string[] {
  return [...errorNameCatches(error), 'exceptions.http-status', 'exceptions.fault'];
}

/** An operation that changes nothing: the next read of the store shows it. */
export function noEffectCatches(operation: OperationName): string[] {
  switch (operation) {
    case 'CreateSequenceStore':
      return ['validation.accepts-valid', 'shape.list-contains-created', 'lifecycle.model-agrees', 'lifecycle.pagination-complete'];
    case 'DeleteSequenceStore':
      return ['lifecycle.deleted-is-gone'];
    default:
      return ['lifecycle.model-agrees'];
  }
}

export function successStatusCatches(_operation: OperationName): string[] {
  return ['shape.success-status'];
}
