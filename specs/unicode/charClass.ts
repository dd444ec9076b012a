// The contract's printable pattern, `^[\p{L}||\p{M}||\p{Z}||\p{S}||\p{N}||\p{P}]+$`, judged from the
// pinned table over the window of Unicode versions. A code point is stable-allowed (in the class in
// every version), stable-refused (in none), or version-dependent (assigned after the floor, or moved
// between categories): whether a service admits it depends on its runtime's Unicode version.
import { inCategoryClass, type GeneralCategory } from './categories.ts';
import { allHistories, historyIndex, unicodeVersions, versionIndex, type UnicodeVersion } from './characters.ts';

export type CharKind = 'stable-allowed' | 'stable-refused' | 'version-dependent';

export interface PinnedCharClass {
  readonly pattern: string;
  /** Whether the class admits `codePoint` in `version`. */
  allowedIn(codePoint: number, version: UnicodeVersion): boolean;
  /** Over the whole window. */
  kind(codePoint: number): CharKind;
  /** The versions of the window whose class admits `codePoint`. */
  versionsAllowing(codePoint: number): readonly UnicodeVersion[];
}

const ITEM = /\\p\{(?:(?:gc|General_Category)=)?([A-Za-z_]+)\}|([^\\\]\[])/gy;
const WHOLE = /^\^\[(.*)\]\+\$$/s;

function parseItems(pattern: string): { properties: string[]; literals: Set<number> } {
  const body = WHOLE.exec(pattern)?.[1];
  if (body === undefined) throw new Error(`specs/unicode: pattern ${pattern} uses \\p{…} outside one character class repeated (^[…]+$); the pinned table cannot judge it`);
  const properties: string[] = [];
  const literals = new Set<number>();
  ITEM.lastIndex = 0;
  while (ITEM.lastIndex < body.length) {
    const at = ITEM.lastIndex;
    const m = ITEM.exec(body);
    if (!m) throw new Error(`specs/unicode: pattern ${pattern}: cannot read its class at '${body.slice(at, at + 12)}'`);
    if (m[1] !== undefined) {
      if (!/^[LMNPSZC][a-z]?$/.test(m[1])) throw new Error(`specs/unicode: pattern ${pattern}: \\p{${m[1]}} is no general category the pinned table knows`);
      properties.push(m[1]);
    } else literals.add(m[2]!.codePointAt(0)!);
  }
  return { properties, literals };
}

const classes = new Map<string, PinnedCharClass | null>();

/** The pinned judgement of a pattern that uses `\p{…}`; undefined for a pattern without one (its RegExp does not depend on Unicode data). */
export function pinnedCharClass(pattern: string): PinnedCharClass | undefined {
  let c = classes.get(pattern);
  if (c === undefined) {
    c = /\\[pP]\{/.test(pattern) ? makeClass(pattern) : null;
    classes.set(pattern, c);
  }
  return c ?? undefined;
}

function makeClass(pattern: string): PinnedCharClass {
  const { properties, literals } = parseItems(pattern);
  const admits = (category: GeneralCategory) => properties.some((p) => inCategoryClass(category, p));
  const allowedByHistory = allHistories().map((h) => h.map(admits));
  const kindByHistory = allowedByHistory.map((bits): CharKind => (bits.every(Boolean) ? 'stable-allowed' : bits.some(Boolean) ? 'version-dependent' : 'stable-refused'));
  return {
    pattern,
    allowedIn: (cp, version) => literals.has(cp) || allowedByHistory[historyIndex(cp)]![versionIndex(version)]!,
    kind: (cp) => (literals.has(cp) ? 'stable-allowed' : kindByHistory[historyIndex(cp)]!),
    versionsAllowing: (cp) => (literals.has(cp) ? unicodeVersions : unicodeVersions.filter((_, i) => allowedByHistory[historyIndex(cp)]![i])),
  };
}
