// Benign variants: configurations the contract allows. A correct harness passes each with zero
// failures; a check that fails one cries wolf.
import { ACCOUNT_ID_LENGTH, operationNames, operations, SequenceStoreId, unicodeVersions } from '../../specs/index.ts';
import type { EmulatorOptions } from '../index.ts';
import type { Layer, Variant } from './catalogue.ts';
import { dropBreaks } from './expectations.ts';

const ALL_SUITES = ['shape', 'validation', 'unicode', 'idempotency', 'exceptions', 'lifecycle', 'wire'];

function variant(id: string, layer: Layer, allows: string, emulator: EmulatorOptions): Variant {
  return { kind: 'variant', id, layer, allows, emulator, suites: ALL_SUITES };
}

/** A member no version of the model names, in the answer of every operation that has an answer. */
const extraMember = Object.fromEntries(operationNames.filter((op) => Object.keys(operations[op].output.members).length > 0).map((op) => [op, { futureMember: 'added by a newer service' }]));

/** Optional output members that echo no input and that no promise names: a service may leave them out. */
const optionalLeftOut = Object.fromEntries(
  operationNames
    .map((op) => [op, Object.entries(operations[op].output.members).filter(([name, m]) => !m.required && !dropBreaks(op, name)).map(([name]) => name)] as const)
    .filter(([, names]) => names.length > 0),
);

export function benignVariants(): Variant[] {
  return [
    variant('as-specified', 'handlers', 'the emulator as the contract says: stores ACTIVE at once', {}),
    variant('long-creating', 'handlers', 'stores stay CREATING, UPDATING and DELETING for a while', { createDelayMs: 60, updateDelayMs: 60, deleteDelayMs: 30 }),
    variant('ids-longest', 'handlers', `store ids of ${SequenceStoreId.length?.max} digits, the longest the contract allows`, { behaviour: { idDigits: SequenceStoreId.length?.max ?? 10 } }),
    variant('extra-member', 'output', 'a member the model does not know in every answer', { deviations: { replacedOutputMembers: extraMember } }),
    variant('optional-members-left-out', 'output', `optional members left out of every answer (${[...new Set(Object.values(optionalLeftOut).flat())].join(', ')})`, { deviations: { droppedOutputMembers: optionalLeftOut } }),
    variant('short-pages', 'handlers', 'List pages shorter than maxResults, with a nextToken where more follow', { deviations: { shortPages: true } }),
    variant('token-reuse-original', 'idempotency', 'a clientToken reused with another request gets the first answer back', { behaviour: { idempotencyMismatch: 'original' } }),
    variant('token-reuse-new', 'idempotency', 'a clientToken reused with another request runs it as a new request', { behaviour: { idempotencyMismatch: 'new' } }),
    variant('messages-reworded', 'front', 'error messages worded otherwise', { deviations: { rewordErrorMessages: true } }),
    variant('members-reordered', 'front', 'response members in another order', { deviations: { reverseMemberOrder: true } }),
    variant('other-account-region', 'handlers', 'another account and region', { region: 'ap-southeast-2', account: '9'.repeat(ACCOUNT_ID_LENGTH) }),
    variant('unicode-oldest', 'validation', `pattern matching of the oldest Unicode version of the window (${unicodeVersions[0]})`, { unicodeVersion: unicodeVersions[0] }),
  ];
}
