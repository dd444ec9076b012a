// The request target as sent: origin form (`/path?q`) or absolute form (`http://host/path?q`, what a
// client sends through HTTP_PROXY). Split into the raw path and the raw query without '?'.
import { splitPathAndQuery } from '../../specs/index.ts';

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
  return splitPathAndQuery(rest);
}
