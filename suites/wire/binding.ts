// The spec's HTTP binding read backwards: given an input and the request an SDK sent for it, what
// does not match (method, path labels, query, content type, body members); and given a success
// response, where the raw body and the SDK's output read differently.
import {
  boundMembers,
  isDateTimeString,
  isPercentEncoded,
  JSON_MEDIA_TYPE,
  operations,
  parseQuery,
  percentDecode,
  requestParts,
  service,
  splitPathAndQuery,
  type OperationName,
  type RequestParts,
  type Shape,
} from '../../specs/index.ts';
import type { WireRequest } from '../../targets/types.ts';

const present = (v: unknown) => v !== undefined && v !== null;

function pathProblems(operation: OperationName, parts: RequestParts, path: string): string[] {
  const { uri } = operations[operation].http;
  const template = uri.split('/');
  const sent = path.split('/');
  if (sent.length !== template.length) return [`path ${path} does not have the segments of ${uri}`];
  const labels = new Map(boundMembers(operation, 'label').map((m) => [`{${m.wireName}}`, m]));
  const problems: string[] = [];
  template.forEach((part, i) => {
    const segment = sent[i]!;
    const label = labels.get(part);
    if (label === undefined) {
      if (segment !== part) problems.push(`path segment ${JSON.stringify(segment)} where the binding has ${JSON.stringify(part)}`);
      return;
    }
    const expected = parts.labels[label.wireName];
    if (!isPercentEncoded(segment)) problems.push(`label ${label.name} travels as ${JSON.stringify(segment)}, not percent-encoded`);
    else if (percentDecode(segment) !== expected) problems.push(`label ${label.name} reads ${JSON.stringify(percentDecode(segment))}, the input says ${JSON.stringify(expected)}`);
  });
  return problems;
}

function byKey(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of pairs) out.set(key, [...(out.get(key) ?? []), value]);
  return out;
}

function queryProblems(operation: OperationName, parts: RequestParts, query: string): string[] {
  // As sent: a '+' is a '+' (RFC 3986), which is how restJson1 clients write a query.
  const pairs = parseQuery(query, { plusIsSpace: false });
  if (!pairs) return [`the query string ${JSON.stringify(query.slice(0, 200))} is not valid percent-encoding`];
  const sent = byKey(pairs);
  const expected = byKey(parts.query);
  const keys = new Set(boundMembers(operation, 'query').map((m) => m.wireName));
  const problems: string[] = [];
  for (const key of keys) {
    const got = sent.get(key) ?? [];
    const want = expected.get(key) ?? [];
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`query ${key}=${JSON.stringify(got)}, the input says ${JSON.stringify(want)}`);
  }
  for (const key of sent.keys()) if (!keys.has(key)) problems.push(`query parameter ${key} is not in the binding`);
  return problems;
}

/** Whether a wire value is the input value in wire form (timestamps compared as instants). */
export function sameValue(shape: Shape, wire: unknown, value: unknown): boolean {
  if (!present(wire) || !present(value)) return !present(wire) && !present(value);
  switch (shape.type) {
    case 'timestamp': {
      const at = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return typeof wire === 'string' && isDateTimeString(wire) && Date.parse(wire) === at;
    }
    case 'list':
      return Array.isArray(wire) && Array.isArray(value) && wire.length === value.length && wire.every((w, i) => sameValue(shape.member, w, value[i]));
    case 'map': {
      if (typeof wire !== 'object' || typeof value !== 'object' || Array.isArray(wire) || Array.isArray(value)) return false;
      const w = wire as Record<string, unknown>;
      const v = value as Record<string, unknown>;
      const keys = Object.keys(v).filter((k) => present(v[k]));
      return Object.keys(w).length === keys.length && keys.every((k) => k in w && sameValue(shape.value, w[k], v[k]));
    }
    case 'structure': {
      if (typeof wire !== 'object' || typeof value !== 'object' || Array.isArray(wire) || Array.isArray(value)) return false;
      const w = wire as Record<string, unknown>;
      const v = value as Record<string, unknown>;
      const names = new Set([...Object.keys(w), ...Object.keys(v)]);
      return [...names].every((k) => (shape.members[k] ? sameValue(shape.members[k]!.target, w[k], v[k]) : !present(w[k]) && !present(v[k])));
    }
    default:
      return wire === value;
  }
}

function bodyProblems(operation: OperationName, input: Record<string, unknown>, request: WireRequest): string[] {
  const members = boundMembers(operation, 'body');
  if (members.length === 0) return request.body === '' ? [] : [`a body (${request.body.slice(0, 80)}) where the binding has no body members`];
  if (request.body === '') {
    const given = members.filter(({ name, member }) => present(input[name]) || member.idempotencyToken).map(({ name }) => name);
    return given.length ? [`no body, yet the input has ${given.join(', ')}`] : [];
  }
  const problems: string[] = [];
  const type = request.headers['content-type'] ?? '';
  if (type.split(';')[0]!.trim().toLowerCase() !== JSON_MEDIA_TYPE) problems.push(`content-type ${JSON.stringify(type)}, ${service.protocol} sends ${JSON_MEDIA_TYPE}`);
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return [...problems, `the body is not JSON: ${request.body.slice(0, 80)}`];
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [...problems, 'the body is not a JSON object'];
  const sent = body as Record<string, unknown>;
  const known = new Set(members.map(({ name }) => name));
  for (const key of Object.keys(sent)) if (!known.has(key)) problems.push(`body member ${key} is not a body member of the binding${operations[operation].input.members[key] ? ' (it belongs in the URL)' : ''}`);
  for (const { name, member } of members) {
    // A token the input left out is the SDK's to fill: wire.token-sent judges it.
    if (member.idempotencyToken && !present(input[name])) continue;
    if (!present(input[name])) {
      if (present(sent[name])) problems.push(`body member ${name} is sent, the input has none`);
    } else if (!(name in sent)) problems.push(`body member ${name} is missing`);
    else if (!sameValue(member.target, sent[name], input[name])) problems.push(`body member ${name} is ${JSON.stringify(sent[name]).slice(0, 120)}, the input says ${JSON.stringify(input[name]).slice(0, 120)}`);
  }
  return problems;
}

/** Everything in the request that does not match the operation's binding for this input. */
export function requestProblems(operation: OperationName, input: Record<string, unknown>, request: WireRequest): string[] {
  const spec = operations[operation];
  const problems: string[] = [];
  if (request.method.toUpperCase() !== spec.http.method) problems.push(`method ${request.method}, the binding says ${spec.http.method}`);
  const parts = requestParts(operation, input);
  const { path, query } = splitPathAndQuery(request.path);
  problems.push(...pathProblems(operation, parts, path));
  problems.push(...queryProblems(operation, parts, query));
  problems.push(...bodyProblems(operation, input, request));
  return problems;
}

/**
 * Where the raw body and the SDK output read differently, member by member: one has a member the
 * other lacks, or they hold different values once wire timestamps (date-time strings) are read as
 * instants. Members the contract does not know are left to shape.unknown-members.
 */
export function outputDifferences(shape: Shape, wire: unknown, sdk: unknown, path = ''): string[] {
  const at = (k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  const show = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v)?.slice(0, 120));
  if (!present(wire) && !present(sdk)) return [];
  if (!present(wire)) return [`${path || '(body)'} is absent on the wire, the SDK output has ${show(sdk)}`];
  if (!present(sdk)) return [`${path || '(body)'} is ${show(wire)} on the wire, absent from the SDK output`];
  switch (shape.type) {
    case 'timestamp':
      if (typeof wire !== 'string' || !isDateTimeString(wire)) return [`${path} is ${show(wire)} on the wire, not a date-time string; the SDK read ${show(sdk)}`];
      return sdk instanceof Date && sdk.getTime() === Date.parse(wire) ? [] : [`${path} is ${show(wire)} on the wire, the SDK read ${show(sdk)}`];
    case 'list':
      if (!Array.isArray(wire) || !Array.isArray(sdk)) return [`${path} is ${show(wire)} on the wire, the SDK read ${show(sdk)}`];
      if (wire.length !== sdk.length) return [`${path} has ${wire.length} items on the wire, ${sdk.length} in the SDK output`];
      return wire.flatMap((w, i) => outputDifferences(shape.member, w, sdk[i], at(i)));
    case 'map':
    case 'structure': {
      if (typeof wire !== 'object' || typeof sdk !== 'object' || Array.isArray(wire) || Array.isArray(sdk)) return [`${path || '(body)'} is ${show(wire)} on the wire, the SDK read ${show(sdk)}`];
      const w = wire as Record<string, unknown>;
      const s = sdk as Record<string, unknown>;
      const names = shape.type === 'map' ? new Set([...Object.keys(w), ...Object.keys(s)]) : Object.keys(shape.members);
      return [...names].flatMap((k) => outputDifferences(shape.type === 'map' ? shape.value : shape.members[k]!.target, w[k], s[k], at(k)));
    }
    default:
      return wire === sdk ? [] : [`${path} is ${show(wire)} on the wire, the SDK read ${show(sdk)}`];
  }
}
