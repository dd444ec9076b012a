// The restJson1 HTTP binding of the contract, both ways: an operation's input as a request (labels
// percent-encoded into the path, query members as query parameters, the rest as a JSON body) and a
// request back to its operation and input.
import { operationNames, operations, type OperationName } from './operations.ts';
import { toDateTimeString } from './timestamps.ts';
import { parseQuery, percentDecode, percentEncode, splitPathAndQuery } from './uri.ts';
import type { HttpMethod, Member } from './types.ts';

/** restJson1 sends and answers JSON bodies under this media type. */
export const JSON_MEDIA_TYPE = 'application/json';

export type MemberLocation = 'label' | 'query' | 'body';

export interface BoundMember {
  readonly name: string;
  /** The name on the wire: the label or query parameter name, or the body member name. */
  readonly wireName: string;
  readonly location: MemberLocation;
  readonly member: Member;
}

const bound = new Map<OperationName, readonly BoundMember[]>(
  operationNames.map((op) => [
    op,
    Object.entries(operations[op].input.members).map(([name, member]) => ({ name, wireName: member.locationName ?? name, location: member.location ?? 'body', member })),
  ]),
);

/** The input members of the operation with where each travels, in the model's order; only those at `location` when given. */
export function boundMembers(operation: OperationName, location?: MemberLocation): readonly BoundMember[] {
  const all = bound.get(operation)!;
  return location === undefined ? all : all.filter((m) => m.location === location);
}

/** Whether the operation takes any member from the body (its GET and DELETE ones do not). */
export function hasBodyMembers(operation: OperationName): boolean {
  return boundMembers(operation, 'body').length > 0;
}

/** The members of the operation that carry an idempotency token. */
export function tokenMembers(operation: OperationName): string[] {
  return boundMembers(operation)
    .filter((m) => m.member.idempotencyToken)
    .map((m) => m.name);
}

// ---- encoding ---------------------------------------------------------------------------------

/** A scalar as it travels in a label or a query value. */
function urlText(value: unknown): string {
  if (value instanceof Date) return toDateTimeString(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The values a query member sends: none when absent, one per item for a list. */
function queryValues(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(urlText) : [urlText(value)];
}

/** Where an input's members travel, before encoding: label and query values as text, body members as given. */
export interface RequestParts {
  /** Label values by label name; a label the input has no value for is absent. */
  readonly labels: Readonly<Record<string, string>>;
  /** Query parameters in order (a list member repeats its key), not yet percent-encoded. */
  readonly query: readonly (readonly [string, string])[];
  /** The body members the input has, and the members the contract does not know (a raw case may carry them on purpose). */
  readonly body: Readonly<Record<string, unknown>>;
}

/** The input's members sorted by where the binding puts them, as given (unvalidated). */
export function requestParts(operation: OperationName, input: Readonly<Record<string, unknown>>): RequestParts {
  const labels: Record<string, string> = {};
  const query: [string, string][] = [];
  const body: Record<string, unknown> = {};
  for (const { name, wireName, location } of boundMembers(operation)) {
    const value = input[name];
    if (location === 'label') {
      if (value !== undefined && value !== null) labels[wireName] = urlText(value);
    } else if (location === 'query') query.push(...queryValues(value).map((v) => [wireName, v] as [string, string]));
    else if (value !== undefined) body[name] = value;
  }
  for (const [name, value] of Object.entries(input)) if (!(name in operations[operation].input.members)) body[name] = value;
  return { labels, query, body };
}

export interface EncodedRequest {
  readonly method: HttpMethod;
  /** The path with its labels filled in and percent-encoded, and the query string after `?` when there is one. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** What an SDK prepends to the endpoint's host name for this operation. */
  readonly hostPrefix: string;
}

/**
 * The request the binding makes of an input, every member where the binding puts it, as given
 * (a wrong JSON type goes out as it is): labels and query values percent-encoded, a missing label
 * as an empty segment; a JSON body wherever the operation has body members or the input carries some.
 */
export function encodeRequest(operation: OperationName, input: Readonly<Record<string, unknown>>): EncodedRequest {
  const { http } = operations[operation];
  const parts = requestParts(operation, input);
  const path = boundMembers(operation, 'label').reduce((p, { wireName }) => p.replace(`{${wireName}}`, percentEncode(parts.labels[wireName] ?? '')), http.uri);
  const query = parts.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
  const body = hasBodyMembers(operation) || Object.keys(parts.body).length ? JSON.stringify(parts.body) : '';
  return {
    method: http.method,
    path: query ? `${path}?${query}` : path,
    headers: body ? { 'content-type': JSON_MEDIA_TYPE } : {},
    body,
    hostPrefix: http.hostPrefix,
  };
}

// ---- decoding ---------------------------------------------------------------------------------

interface Route {
  readonly operation: OperationName;
  readonly pattern: RegExp;
  readonly labels: readonly string[];
}

/** Method plus uri template; labels are captured still percent-encoded, so an encoded '/' stays inside its label. */
function compile(operation: OperationName): Route {
  const labels: string[] = [];
  const source = operations[operation].http.uri
    .split('/')
    .map((segment) => {
      const label = /^\{([^}+]+)\}$/.exec(segment);
      if (!label) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      labels.push(label[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { operation, labels, pattern: new RegExp(`^${source}/?$`) };
}

const routes: readonly Route[] = operationNames.map(compile);

function routeOf(method: string, path: string): { route: Route; raw: string[] } | undefined {
  for (const route of routes) {
    if (operations[route.operation].http.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, raw: m.slice(1) };
  }
  return undefined;
}

/** The operation a method and raw path (without query) name, or undefined when none does. */
export function operationAt(method: string, path: string): OperationName | undefined {
  return routeOf(method, path)?.route.operation;
}

/** Whether any operation's path could start with this prefix. */
export function anyOperationPathStartsWith(prefix: string): boolean {
  return operationNames.some((op) => operations[op].http.uri.startsWith(prefix));
}

export type BindingError =
  | { readonly kind: 'unknown-operation'; readonly message: string }
  | { readonly kind: 'bad-encoding'; readonly operation: OperationName; readonly message: string }
  | { readonly kind: 'bad-body'; readonly operation: OperationName; readonly message: string };

export type DecodedRequest =
  | { readonly ok: true; readonly operation: OperationName; readonly input: Record<string, unknown> }
  | { readonly ok: false; readonly error: BindingError };

export type DecodedBody = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly message: string };

/** The body as text, or undefined when it is not valid UTF-8 (never decoded lossily). */
export function utf8Text(body: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

/** A JSON request body: empty is an empty structure; anything else must be a JSON object in valid UTF-8. */
export function decodeBody(body: Uint8Array | string): DecodedBody {
  const text = typeof body === 'string' ? body : utf8Text(body);
  if (text === undefined) return { ok: false, message: 'The request body is not valid UTF-8' };
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'The request body must be a JSON object' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** An integer query value as the number it writes; what is not one stays text, for validation to refuse. */
const INTEGER_TEXT = /^-?\d{1,15}$/;

function queryMember(member: Member, values: string[]): unknown {
  if (member.target.type === 'list') return values;
  if (member.target.type === 'integer' && INTEGER_TEXT.test(values[0]!)) return Number(values[0]);
  return values[0];
}

/**
 * The operation and input a request carries, read by the binding: labels and query parameters
 * percent-decoded (integers parsed, lists from repeated keys), body members from the JSON body;
 * what the contract does not bind is dropped. Errors come in this order: no operation at the method
 * and path, a path or query that is not valid percent-encoding, a body that is not a JSON object.
 */
export function decodeRequest(method: string, target: string, body: Uint8Array | string): DecodedRequest {
  const { path, query } = splitPathAndQuery(target);
  const found = routeOf(method, path);
  if (!found) return { ok: false, error: { kind: 'unknown-operation', message: `No operation matches ${method} ${path.slice(0, 200)}` } };
  const { operation, labels } = found.route;
  const labelValues = found.raw.map(percentDecode);
  const pairs = parseQuery(query);
  if (labelValues.some((v) => v === undefined) || !pairs) {
    return { ok: false, error: { kind: 'bad-encoding', operation, message: `The request path or query string is not valid percent-encoding: ${path.slice(0, 200)}` } };
  }
  const parsed = decodeBody(body);
  if (!parsed.ok) return { ok: false, error: { kind: 'bad-body', operation, message: parsed.message } };
  const input: Record<string, unknown> = {};
  for (const { name, wireName, location, member } of boundMembers(operation)) {
    if (location === 'label') {
      const at = labels.indexOf(wireName);
      if (at >= 0) input[name] = labelValues[at];
    } else if (location === 'query') {
      const values = pairs.filter(([k]) => k === wireName).map(([, v]) => v);
      if (values.length) input[name] = queryMember(member, values);
    } else if (name in parsed.value) input[name] = parsed.value[name];
  }
  return { ok: true, operation, input };
}
