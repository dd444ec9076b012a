// The request target as sent: origin form (`/path?q`) or absolute form (`http://host/path?q`, what a
// client sends through HTTP_PROXY). Split into the raw path and the raw query without '?'.
export interface RequestTarget {
  readonly path: string;
  readonly query: string;
}

export function splitTarget(target: string): RequestTarget {
  let rest = target;
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(rest);
  if (scheme) {
    const afterAuthority = rest.slice(scheme[0].length).search(/[/?]/);
    rest = afterAuthority < 0 ? '/' : rest.slice(scheme[0].length + afterAuthority);
    if (rest.startsWith('?')) rest = `/${rest}`;
  }
  const q = rest.indexOf('?');
  return q < 0 ? { path: rest, query: '' } : { path: rest.slice(0, q), query: rest.slice(q + 1) };
}

/** Query parameters in order, decoded (`+` is a space, as form encoding has it); undefined when not valid percent-encoding. */
export function parseQuery(query: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      out.push([decodeURIComponent(rawKey.replace(/\+/g, ' ')), decodeURIComponent(rawValue.replace(/\+/g, ' '))]);
    } catch {
      return undefined;
    }
  }
  return out;
}
