// Percent-encoding as restJson1 writes URIs (RFC 3986), and the parts of a request target.

/** RFC 3986 unreserved characters: restJson1 percent-encodes every other byte of a label or query value. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** The UTF-8 bytes of one code point; a lone surrogate as its generalized UTF-8 (WTF-8) bytes. */
function utf8Bytes(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
}

/**
 * Percent-encoding of everything but the unreserved characters, as restJson1 writes labels and query
 * values. Lone surrogates (which encodeURIComponent refuses) go out as their WTF-8 bytes, so that a
 * request can carry exactly the ill-formed value a case holds.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) out += ch;
    else out += utf8Bytes(ch.codePointAt(0)!).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** Whether a path segment is in percent-encoded form: unreserved characters and `%XX` escapes only. */
export function isPercentEncoded(segment: string): boolean {
  return /^(?:[A-Za-z0-9\-._~]|%[0-9A-Fa-f]{2})*$/.test(segment);
}

/** A percent-decoded text; undefined when it is not valid percent-encoding of UTF-8. */
export function percentDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A path (before any `?`) and its query string (after it, without the `?`). */
export function splitPathAndQuery(target: string): { readonly path: string; readonly query: string } {
  const at = target.indexOf('?');
  return at < 0 ? { path: target, query: '' } : { path: target.slice(0, at), query: target.slice(at + 1) };
}

/**
 * Query parameters in order, decoded; undefined when one is not valid percent-encoding. A `+` reads
 * as a space, as form encoding has it, unless `plusIsSpace` is false (RFC 3986 alone).
 */
export function parseQuery(query: string, { plusIsSpace = true }: { readonly plusIsSpace?: boolean } = {}): [string, string][] | undefined {
  const out: [string, string][] = [];
  const decode = (text: string) => percentDecode(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined) return undefined;
    out.push([key, value]);
  }
  return out;
}
