// Equality of two values as JSON documents: object member order does not count, nor an object's
// prototype, nor a member that is absent rather than undefined. A service that answers members in another order answers
// the same thing.
import { isDeepStrictEqual } from 'node:util';

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  // Any record counts as a JSON object, whatever its prototype (SDK outputs may have none).
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]));
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(withoutUndefined(a), withoutUndefined(b));
}
