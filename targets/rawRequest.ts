// A request built straight from the spec's HTTP binding, for cases an SDK cannot express (wrong JSON
// types, missing labels): the input's members go where the binding says, as given, unvalidated.
import { operations, type OperationName } from '../specs/index.ts';
import type { WireRequest } from './types.ts';

/**
 * Percent-encoding that also takes lone surrogates, which encodeURIComponent refuses: they go out as
 * their generalized UTF-8 (WTF-8) bytes, so the server sees exactly the ill-formed value of the case.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function labelValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return percentEncode(typeof value === 'string' ? value : JSON.stringify(value));
}

function queryValues(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

export function buildRawRequest(operation: OperationName, input: Record<string, unknown>): WireRequest {
  const spec = operations[operation];
  let path = spec.http.uri;
  const query: string[] = [];
  const body: Record<string, unknown> = {};
  let hasBodyMembers = false;
  for (const [name, member] of Object.entries(spec.input.members)) {
    const value = input[name];
    if (member.location === 'label') {
      path = path.replace(`{${member.locationName ?? name}}`, labelValue(value));
    } else if (member.location === 'query') {
      for (const v of queryValues(value)) query.push(`${percentEncode(member.locationName ?? name)}=${percentEncode(v)}`);
    } else {
      hasBodyMembers = true;
      if (value !== undefined) body[name] = value;
    }
  }
  // Members the contract does not know travel in the body too: a raw case may carry them on purpose.
  for (const [name, value] of Object.entries(input)) if (!(name in spec.input.members)) body[name] = value;
  const text = hasBodyMembers || Object.keys(body).length ? JSON.stringify(body) : '';
  return {
    method: spec.http.method,
    path: query.length ? `${path}?${query.join('&')}` : path,
    headers: text ? { 'content-type': 'application/json' } : {},
    body: text,
  };
}
