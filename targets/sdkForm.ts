// Between the SDK's form of a value (timestamps as Date) and the wire form (date-time strings),
// walking the spec's shapes.
import { mapValue, toDateTimeString, type Shape } from '../specs/index.ts';

function convertTimestamps(shape: Shape, value: unknown, timestamp: (v: unknown) => unknown): unknown {
  return mapValue(shape, value, (at) => (at.shape.type === 'timestamp' ? timestamp(at.value) : at.value));
}

export function toWireForm(shape: Shape, value: unknown): unknown {
  return convertTimestamps(shape, value, (v) => (v instanceof Date ? toDateTimeString(v) : v));
}

export function toSdkForm(shape: Shape, value: unknown): unknown {
  return convertTimestamps(shape, value, (v) => (typeof v === 'string' ? new Date(v) : v));
}
