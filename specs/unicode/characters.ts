// The general category of a code point in each Unicode version of the window, read from the pinned
// table (never from the runtime's RegExp or ICU, whose Unicode version varies with Node.js).
import { categoryCodes, type GeneralCategory } from './categories.ts';
import { CATEGORY_HISTORIES, CATEGORY_RUNS, UNICODE_VERSIONS } from './table.ts';

export type UnicodeVersion = (typeof UNICODE_VERSIONS)[number];

/** The window of Unicode versions the contract's character classes are judged over, oldest first. */
export const unicodeVersions: readonly UnicodeVersion[] = UNICODE_VERSIONS;
export const UNICODE_FLOOR: UnicodeVersion = UNICODE_VERSIONS[0];
export const UNICODE_NEWEST: UnicodeVersion = UNICODE_VERSIONS[UNICODE_VERSIONS.length - 1]!;

/** `U+20C1`, `U+0041`, `U+1F600`. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `15.1`, `15.1.0` → `15.1`; undefined for a version outside the window. */
export function parseUnicodeVersion(text: string): UnicodeVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:\.0)?$/.exec(text.trim());
  const v = m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
  return unicodeVersions.find((u) => u === v);
}

export function versionIndex(version: UnicodeVersion): number {
  return unicodeVersions.indexOf(version);
}

const histories: ReadonlyArray<readonly GeneralCategory[]> = CATEGORY_HISTORIES.map((h) => {
  const cats = h.match(/../g) ?? [];
  if (cats.length !== unicodeVersions.length || cats.some((c) => !categoryCodes.includes(c as GeneralCategory))) {
    throw new Error(`specs/unicode: the table's history '${h}' does not fit its ${unicodeVersions.length} versions; run npm run unicode-table`);
  }
  return cats as GeneralCategory[];
});

const { starts, historyOf } = (() => {
  const pairs = CATEGORY_RUNS.split(' ');
  const s = new Int32Array(pairs.length);
  const h = new Uint16Array(pairs.length);
  let cp = 0;
  pairs.forEach((pair, i) => {
    const [length, history] = pair.split('.') as [string, string];
    s[i] = cp;
    h[i] = Number.parseInt(history, 36);
    cp += Number.parseInt(length, 36);
  });
  return { starts: s, historyOf: h };
})();

/** Index of the history of `codePoint` (code points sharing one share every category). */
export function historyIndex(codePoint: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= codePoint) lo = mid;
    else hi = mid - 1;
  }
  return historyOf[lo]!;
}

/** The general category of `codePoint` in each version of the window, oldest first. */
export function categoryHistory(codePoint: number): readonly GeneralCategory[] {
  return histories[historyIndex(codePoint)]!;
}

export function generalCategory(codePoint: number, version: UnicodeVersion = UNICODE_NEWEST): GeneralCategory {
  return categoryHistory(codePoint)[versionIndex(version)]!;
}

/** Every history of the table, by index, for callers that precompute per history. */
export function allHistories(): ReadonlyArray<readonly GeneralCategory[]> {
  return histories;
}
