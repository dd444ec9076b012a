// How plain a character reads to a person: a–z, then A–Z and 0–9, then the other printable ASCII
// characters, the space, and everything else by code point. Arbitraries list their characters in
// this order, as fast-check shrinks towards the first; reduced counterexamples take the plainest.

const LETTERS_AND_DIGITS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SPACE = 0x20;
const DELETE = 0x7f;
const ASCII_END = 0x80;
const RANK_OF_LETTER_OR_DIGIT = new Map([...LETTERS_AND_DIGITS].map((c, i) => [c, i]));

/** Lower is plainer; every character has its own rank. */
export function plainness(char: string): number {
  const at = RANK_OF_LETTER_OR_DIGIT.get(char);
  if (at !== undefined) return at;
  const cp = char.codePointAt(0) ?? 0;
  if (cp > SPACE && cp < DELETE) return LETTERS_AND_DIGITS.length + cp;
  if (cp === SPACE) return LETTERS_AND_DIGITS.length + DELETE;
  return LETTERS_AND_DIGITS.length + DELETE + 1 + cp;
}

export function isAscii(char: string): boolean {
  return (char.codePointAt(0) ?? ASCII_END) < ASCII_END;
}

/** The items sorted plainest first by the character each stands for (a stable sort). */
export function plainFirst<T>(items: readonly T[], charOf: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, rank: plainness(charOf(item)), i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}
