// Sample code points of many scripts and every general category, split by whether a spec pattern
// admits them. Which characters are valid is read from the pattern, never listed by hand; categories
// and `\p{…}` verdicts come from the pinned Unicode table, so the same seed draws the same characters
// on every Node.js. A character whose verdict depends on the Unicode version is in neither list.
import { generalCategory, patternVerdict } from '../../specs/index.ts';

export interface Char {
  readonly char: string;
  /** Unicode general category in the newest version of the window, e.g. Lu, Mn, Zs, Cc, Cs. */
  readonly category: string;
  readonly block: string;
}

const BLOCKS: ReadonlyArray<readonly [string, number, number]> = [
  ['Basic Latin', 0x0000, 0x007f],
  ['Latin-1', 0x0080, 0x00ff],
  ['Latin Extended and IPA', 0x0100, 0x02ff],
  ['Combining Diacritics', 0x0300, 0x036f],
  ['Greek', 0x0370, 0x03ff],
  ['Cyrillic', 0x0400, 0x04ff],
  ['Hebrew and Arabic', 0x0590, 0x06ff],
  ['Devanagari', 0x0900, 0x097f],
  ['Thai', 0x0e00, 0x0e7f],
  ['Ogham', 0x1680, 0x169f],
  ['General Punctuation', 0x2000, 0x206f],
  ['Currency', 0x20a0, 0x20cf],
  ['Combining for Symbols', 0x20d0, 0x20ff],
  ['Number Forms', 0x2150, 0x218f],
  ['Arrows and Maths', 0x2190, 0x22ff],
  ['CJK Symbols', 0x3000, 0x303f],
  ['Kana', 0x3040, 0x30ff],
  ['Han', 0x4e00, 0x4fff],
  ['Hangul', 0xac00, 0xadff],
  ['Surrogates', 0xd800, 0xdfff],
  ['Private Use', 0xe000, 0xe0ff],
  ['Arabic Presentation and BOM', 0xfef0, 0xfeff],
  ['Specials', 0xfff0, 0xffff],
  ['Mathematical Alphanumerics', 0x1d400, 0x1d4ff],
  ['Emoji', 0x1f300, 0x1f3ff],
  ['Tags', 0xe0000, 0xe007f],
  ['Unassigned', 0xefff0, 0xeffff],
  ['Supplementary Private Use', 0xf0000, 0xf00ff],
];

let samples: Char[] | undefined;

/** Every sampled code point, lone surrogates included, with its category. */
export function sampleChars(): readonly Char[] {
  if (!samples) {
    samples = [];
    for (const [block, from, to] of BLOCKS) {
      for (let cp = from; cp <= to; cp++) {
        const char = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
        samples.push({ char, category: generalCategory(cp), block });
      }
    }
  }
  return samples;
}

export interface Alphabet {
  /** Characters admitted in every Unicode version of the window, grouped by category so rare categories are drawn as often as common ones. */
  readonly valid: ReadonlyArray<readonly Char[]>;
  /** Characters refused in every Unicode version of the window, grouped by category. */
  readonly invalid: ReadonlyArray<readonly Char[]>;
  /** Admitted characters that a URL carries unencoded (for long query and label values). */
  readonly urlSafe: readonly Char[];
}

const cache = new Map<string, Alphabet>();

function groupByCategory(chars: readonly Char[]): Char[][] {
  const groups = new Map<string, Char[]>();
  for (const c of chars) {
    const g = groups.get(c.category) ?? [];
    g.push(c);
    groups.set(c.category, g);
  }
  return [...groups.values()];
}

/** The alphabet of a pattern whose every single character is either admitted or refused (`^[…]+$`). */
export function alphabetOf(pattern: string): Alphabet {
  let a = cache.get(pattern);
  if (!a) {
    const valid = sampleChars().filter((c) => patternVerdict(pattern, c.char) === 'match');
    const invalid = sampleChars().filter((c) => patternVerdict(pattern, c.char) === 'no-match');
    const urlSafe = valid.filter((c) => encodeURIComponent(c.char) === c.char);
    a = { valid: groupByCategory(valid), invalid: groupByCategory(invalid), urlSafe };
    cache.set(pattern, a);
  }
  return a;
}
