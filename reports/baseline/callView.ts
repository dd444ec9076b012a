// One call as a baseline keeps it, before normalisation: the request's input, and the answer as it
// came — HTTP status, a few response headers, the error type and message, and the output as the wire
// carried it (members the SDK does not know included; the SDK's output where there is no wire).
import type { Observation } from '../../targets/types.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CallView {
  readonly operation: string;
  readonly via: 'sdk' | 'wire';
  readonly role?: string;
  readonly input: Json;
  /** The HTTP status of the answer; absent where there is no wire and the call succeeded. */
  readonly status?: number;
  /** The response headers the baseline records, by lower-case name. */
  readonly headers?: { [name: string]: string };
  readonly error?: { readonly type: string; readonly message: string };
  readonly output?: Json;
  /** The call got no answer (time limit, connection refused). */
  readonly transportError?: true;
  /** The target refused to send it (the aws target's guard), and why. */
  readonly refused?: string;
}

export interface TimedCall {
  readonly view: CallView;
  /** Milliseconds since the epoch when the call was sent. */
  readonly startedAt: number;
}

/** Plain JSON with keys in sorted order: Dates as ISO strings, undefined members left out, the SDK's `$metadata` dropped. */
export function plainJson(value: unknown): Json | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((v) => plainJson(v) ?? null);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value as object).sort()) {
    if (key === '$metadata') continue;
    const v = plainJson((value as Record<string, unknown>)[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function bodyOf(text: string): Json {
  if (text.trim() === '') return {};
  try {
    return plainJson(JSON.parse(text)) ?? null;
  } catch {
    return text;
  }
}

export function callView(observation: Observation, role: string | undefined, headerNames: readonly string[]): CallView {
  const last = observation.wire?.[observation.wire.length - 1]?.response;
  const error = observation.client.error;
  const headers = last ? Object.fromEntries(headerNames.flatMap((h) => (last.headers[h] !== undefined ? [[h, last.headers[h]!]] : []))) : undefined;
  const output = error || observation.transportError || observation.refused !== undefined ? undefined : last ? bodyOf(last.body) : plainJson(observation.client.output);
  const status = last?.status ?? error?.httpStatus;
  return {
    operation: observation.operation,
    via: observation.via,
    ...(role !== undefined ? { role } : {}),
    input: plainJson(observation.input) ?? {},
    ...(status !== undefined ? { status } : {}),
    ...(headers ? { headers } : {}),
    ...(error ? { error: { type: error.name, message: error.message } } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(observation.transportError ? { transportError: true as const } : {}),
    ...(observation.refused !== undefined ? { refused: observation.refused } : {}),
  };
}
