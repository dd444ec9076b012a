// Tiny readers of a spec pattern, so builders take bounds and literals from the pattern itself.

/** Every `{n}` / `{n,m}` quantifier of the pattern, in order. */
export function quantifiers(pattern: string): Array<{ min: number; max: number }> {
  const out: Array<{ min: number; max: number }> = [];
  for (const m of pattern.matchAll(/\{(\d+)(?:,(\d+))?\}/g)) {
    const min = Number(m[1]);
    out.push({ min, max: m[2] === undefined ? min : Number(m[2]) });
  }
  return out;
}

/** The literal text a pattern (or its first non-empty alternative) starts with: `^arn:.+$` → `arn:`. */
export function literalPrefix(pattern: string): string {
  const alternative = pattern.split('|').find((a) => a !== '^$' && a !== '') ?? '';
  let out = '';
  for (const ch of alternative.replace(/^\^/, '')) {
    if ('()[]{}.*+?|$^\\'.includes(ch)) break;
    out += ch;
  }
  return out;
}
