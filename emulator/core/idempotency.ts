// clientToken idempotency: the same token and the same request get the first response back.
import { tokenMembers, type OperationName } from '../../specs/index.ts';
import type { IdempotencyMismatch } from '../config.ts';
import { ServiceError } from './serviceError.ts';
import type { CoreState } from './state.ts';

/** The name of the operation's idempotency-token member, if it has one. */
export function tokenMember(operation: OperationName): string | undefined {
  return tokenMembers(operation)[0];
}

/** JSON with sorted keys and absent (null) members dropped: equal requests, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type IdempotencyDecision =
  | { readonly kind: 'replay'; readonly response: Record<string, unknown> }
  | { readonly kind: 'run'; readonly remember?: (response: Record<string, unknown>) => void };

export function checkIdempotency(state: CoreState, operation: OperationName, input: Record<string, unknown>, onMismatch: IdempotencyMismatch): IdempotencyDecision {
  const member = tokenMember(operation);
  const token = member ? input[member] : undefined;
  if (typeof token !== 'string') return { kind: 'run' };
  const key = `${operation}\u0000${token}`;
  const { [member!]: _token, ...rest } = input;
  const fingerprint = canonicalJson(rest);
  const seen = state.calls.get(key);
  if (!seen) return { kind: 'run', remember: (response) => state.calls.set(key, { fingerprint, response }) };
  if (seen.fingerprint === fingerprint || onMismatch === 'original') return { kind: 'replay', response: structuredClone(seen.response) };
  if (onMismatch === 'new') return { kind: 'run' };
  throw new ServiceError('ValidationException', `${member}: the token ${JSON.stringify(token)} was already used with a different request; use a new token for a new request`);
}
