// The adapter protocol: how the harness talks to an SDK in another process, one JSON object per
// line. The adapter first prints a hello line; then for each request line it prints one answer
// line with the request's id. Timestamps travel as ISO 8601 date-time strings both ways (blobs,
// which this API has none of, as base64); the harness turns them into the shapes the JS SDK gives.
// README.md ("Verify an SDK") documents it for adapter authors.
import { operations, walkValue, type OperationName, type Shape } from '../specs/index.ts';
import { toSdkForm, toWireForm } from './sdkForm.ts';
import type { ClientView, ObservedError } from './types.ts';

/** The adapter's first line: the client it drives, or why it cannot run here. */
export type AdapterHello = { readonly ready: true; readonly client: string } | { readonly ready: false; readonly missing: string };

export interface AdapterRequest {
  readonly id: number;
  /** The contract's operation name, e.g. CreateSequenceStore. */
  readonly op: OperationName;
  /** The input as the contract names its members; timestamps as ISO 8601 strings. */
  readonly input: Record<string, unknown>;
  /** The URL to send to; the adapter switches its client's host prefix off for it. */
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** Attempts of the call, the first included: the client's own retry (standard mode) makes the rest. */
  readonly retry: { readonly maxAttempts: number };
  /** Time limit of the call, all attempts included. */
  readonly timeoutMs: number;
  /**
   * Where `input` holds timestamps, as paths of member names (and list indexes, map keys) joined
   * by dots, e.g. `filter.createdAfter`: for clients that want their own date type there.
   */
  readonly timestamps?: readonly string[];
}

/**
 * Where an error arose: `service` an HTTP answer (the default when httpStatus is given),
 * `client` the client refused the request itself (its own validation), `unsupported` the client
 * cannot express the call (its model lacks the operation or a member), `transport` no answer came.
 */
export const ERROR_KINDS = ['service', 'client', 'unsupported', 'transport'] as const;
export type AdapterErrorKind = (typeof ERROR_KINDS)[number];

export interface AdapterError {
  /** The error's type as the client names it (its exception class or error code). */
  readonly code: string;
  readonly message: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  /** false, or true / {throttling} as the client classifies it; absent: the client does not say. */
  readonly retryable?: boolean | { readonly throttling?: boolean };
  /** client or server, where the client tells whose fault an error is. */
  readonly fault?: 'client' | 'server';
  /** The client raised the type its model generates for this error (a class, for clients that have them). */
  readonly modeled?: boolean;
  readonly kind?: AdapterErrorKind;
}

export type AdapterAnswer =
  /** `known`: the output members the client's model has for the operation, as paths (`sequenceStores.status`: lists see-through), where the adapter can tell. */
  | { readonly id: number; readonly output: Record<string, unknown>; readonly known?: readonly string[] }
  | { readonly id: number; readonly error: AdapterError };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The paths of the timestamps in `value`, a value of `shape` (steps joined by dots, list items by index). */
export function timestampPaths(shape: Shape, value: unknown): string[] {
  const paths: string[] = [];
  walkValue(shape, value, (at) => {
    if (at.shape.type === 'timestamp') paths.push(at.path.join('.'));
  });
  return paths;
}

/** The request line for a call: the input in wire form (timestamps as strings), and where its timestamps are. */
export function requestLine(request: Omit<AdapterRequest, 'timestamps'>): string {
  const shape = operations[request.op].input;
  return JSON.stringify({ ...request, input: toWireForm(shape, request.input), timestamps: timestampPaths(shape, request.input) });
}

/** The hello line, or why the line is not one. */
export function readHello(line: string): AdapterHello | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return `its first line is not JSON: ${JSON.stringify(line.slice(0, 120))}`;
  }
  if (isObject(value) && value.ready === true && typeof value.client === 'string') return { ready: true, client: value.client };
  if (isObject(value) && value.ready === false && typeof value.missing === 'string') return { ready: false, missing: value.missing };
  return `its first line is not a hello ({"ready": true, "client": "..."}): ${JSON.stringify(line.slice(0, 120))}`;
}

function errorProblem(e: unknown): string | undefined {
  if (!isObject(e)) return 'error is not an object';
  if (typeof e.code !== 'string' || e.code === '') return 'error.code is not a non-empty string';
  if (typeof e.message !== 'string') return 'error.message is not a string';
  if (e.httpStatus !== undefined && e.httpStatus !== null && !(Number.isInteger(e.httpStatus) && (e.httpStatus as number) >= 100 && (e.httpStatus as number) <= 599)) return 'error.httpStatus is not an HTTP status';
  if (e.kind !== undefined && !(ERROR_KINDS as readonly unknown[]).includes(e.kind)) return `error.kind is not one of ${ERROR_KINDS.join(', ')}`;
  return undefined;
}

/** The answer line, or why the line is not an answer. */
export function readAnswer(line: string): AdapterAnswer | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return `printed a line that is not JSON: ${JSON.stringify(line.slice(0, 120))}`;
  }
  if (!isObject(value) || typeof value.id !== 'number') return `printed a line without a numeric id: ${JSON.stringify(line.slice(0, 120))}`;
  if (isObject(value.output)) {
    const known = Array.isArray(value.known) && value.known.every((k) => typeof k === 'string') ? { known: value.known as string[] } : {};
    return { id: value.id, output: value.output, ...known };
  }
  if ('error' in value) {
    const problem = errorProblem(value.error);
    return problem ? `answered id ${value.id} with a malformed error (${problem})` : { id: value.id, error: value.error as AdapterError };
  }
  return `answered id ${value.id} with neither an output object nor an error: ${JSON.stringify(line.slice(0, 120))}`;
}

function kindOf(e: AdapterError): AdapterErrorKind {
  return e.kind ?? (typeof e.httpStatus === 'number' ? 'service' : 'transport');
}

function retryableOf(r: AdapterError['retryable']): ObservedError['retryable'] | undefined {
  if (r === undefined || r === null || r === false) return undefined;
  return r === true ? {} : { ...(r.throttling ? { throttling: true } : {}) };
}

/** What the answer tells about the call, in the shapes the JS SDK gives (timestamps as Date). */
export type AnswerView = { readonly client: ClientView } | { readonly transportError: string } | { readonly unsupported: string };

export function viewOf(op: OperationName, answer: AdapterAnswer): AnswerView {
  if ('output' in answer) return { client: { output: toSdkForm(operations[op].output, answer.output) as Record<string, unknown>, ...(answer.known ? { knownMembers: answer.known } : {}) } };
  const e = answer.error;
  const kind = kindOf(e);
  if (kind === 'transport') return { transportError: `${e.code}: ${e.message}` };
  if (kind === 'unsupported') return { unsupported: e.message || e.code };
  const unreported = [...(e.fault === undefined ? ['fault' as const] : []), ...(e.retryable === undefined ? ['retryable' as const] : []), ...(e.modeled === undefined ? ['isModeledClass' as const] : [])];
  const retryable = retryableOf(e.retryable);
  const error: ObservedError = {
    name: e.code,
    message: e.message,
    ...(e.fault ? { fault: e.fault } : {}),
    ...(retryable ? { retryable } : {}),
    ...(typeof e.httpStatus === 'number' ? { httpStatus: e.httpStatus } : {}),
    ...(e.modeled !== undefined ? { isModeledClass: e.modeled } : {}),
    ...(unreported.length ? { unreported } : {}),
    ...(kind === 'client' ? { refusedByClient: true as const } : {}),
  };
  return { client: { error } };
}
