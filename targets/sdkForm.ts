// Between the SDK's form of a value (timestamps as Date) and the wire form (date-time strings),
// walking the spec's shapes.
import { toDateTimeString, type Shape } from '../specs/index.ts';

function convert(shape: Shape, value: unknown, timestamp: (v: unknown) => unknown): unknown {
  if (value === undefined || value === null) return value;
  switch (shape.type) {
    case 'timestamp':
      return timestamp(value);
    case 'list':
      return Array.isArray(value) ? value.map((v) => convert(shape.member, v, timestamp)) : value;
    case 'map':
      return typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, convert(shape.value, v, timestamp)]))
        : value;
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const member = shape.members[k];
        out[k] = member ? convert(member.target, v, timestamp) : v;
      }
      return out;
    }
    default:
      return value;
  }
}

export function toWireForm(shape: Shape, value: unknown): unknown {
  return convert(shape, value, (v) => (v instanceof Date ? toDateTimeString(v) : v));
}

export function toSdkForm(shape: Shape, value: unknown): unknown {
  return convert(shape, value, (v) => (typeof v === 'string' ? new Date(v) : v));
}
