// Model patterns are ECMAScript regular expressions, matched anywhere in the value (Smithy does not
// anchor them). The `u` flag makes \p{…} classes and code-point matching work, so a lone surrogate is
// one code point of category Cs and fails the printable-Unicode pattern as it should.
const compiled = new Map<string, RegExp>();

export function compilePattern(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    compiled.set(pattern, re);
  }
  return re;
}

export function matchesPattern(pattern: string, value: string): boolean {
  return compilePattern(pattern).test(value);
}

/** Length as Smithy counts it for strings: Unicode code points (a lone surrogate counts as one). */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** The same pattern as botocore writes it: botocore drops a leading `^` and a trailing `$`. */
export function withoutAnchors(pattern: string): string {
  let p = pattern;
  if (p.startsWith('^')) p = p.slice(1);
  if (p.endsWith('$') && !p.endsWith('\\$')) p = p.slice(0, -1);
  return p;
}
