// Reading the parts of a request exactly as they came off the wire, for re-signing.
export type RawHeaders = Record<string, string | string[] | undefined>;

export interface QueryParam {
  key: string;
  value: string;
}

/** Splits a raw query string (no '?') into decoded pairs, in wire order; '+' stays '+' as SigV4 clients mean it. */
export function parseRawQuery(query: string): QueryParam[] {
  if (query === '') return [];
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return { key: decode(key), value: decode(value) };
    });
}

/** The shape @smithy/protocol-http's HttpRequest takes: a repeated key becomes a list. */
export function toQueryRecord(params: readonly QueryParam[]): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const { key, value } of params) {
    const seen = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
    if (seen === undefined) record[key] = value;
    else record[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return record;
}

/** A proxied request line carries an absolute URI (`http://host/path`); the signature covers only the path. */
export function pathOnly(path: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path);
  const rest = absolute ? path.slice(absolute[0].length) : path;
  const cut = rest.search(/[?#]/);
  const bare = cut < 0 ? rest : rest.slice(0, cut);
  return bare === '' ? '/' : bare;
}

/** node:http gives repeated headers as a list or joined by ', '; SigV4 joins values with ','. */
export function headerValue(headers: RawHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // malformed escapes: re-signing the raw text cannot match, so the signature check fails cleanly
  }
}
