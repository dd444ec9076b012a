// Model patterns are ECMAScript regular expressions, matched anywhere in the value (Smithy does not
// anchor them). A pattern without `\p{…}` is matched by a RegExp with the `u` flag (code-point
// matching, so a lone surrogate is one code point). A pattern with `\p{…}` is judged from the pinned
// Unicode table instead, never from the runtime's RegExp, whose Unicode version varies with Node.js:
// without a version its verdict can be "version-dependent"; with one it is the verdict of a service
// whose runtime knows that version.
import { pinnedCharClass, type UnicodeVersion } from './unicode/index.ts';

/** `version-dependent`: the value matches in some Unicode versions of the window and not in others. */
export type PatternVerdict = 'match' | 'no-match' | 'version-dependent';

const compiled = new Map<string, RegExp>();

function runtimeRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    compiled.set(pattern, re);
  }
  return re;
}

/** The verdict over the window of Unicode versions, or in `version` when given. */
export function patternVerdict(pattern: string, value: string, version?: UnicodeVersion): PatternVerdict {
  const pinned = pinnedCharClass(pattern);
  if (!pinned) return runtimeRegExp(pattern).test(value) ? 'match' : 'no-match';
  if (value === '') return 'no-match';
  let dependent = false;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (version !== undefined) {
      if (!pinned.allowedIn(cp, version)) return 'no-match';
      continue;
    }
    const kind = pinned.kind(cp);
    if (kind === 'stable-refused') return 'no-match';
    if (kind === 'version-dependent') dependent = true;
  }
  return dependent ? 'version-dependent' : 'match';
}

/** True when the value matches in every Unicode version of the window (or in `version` when given). */
export function matchesPattern(pattern: string, value: string, version?: UnicodeVersion): boolean {
  return patternVerdict(pattern, value, version) === 'match';
}

/**
 * A RegExp-like tester for JSON Schema validators: it refuses only what no Unicode version of the
 * window admits, so a schema never fails a value over the runtime's own Unicode data.
 */
export function patternTester(pattern: string): { test(value: string): boolean; toString(): string } {
  return { test: (value) => patternVerdict(pattern, value) !== 'no-match', toString: () => `/${pattern}/u` };
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
