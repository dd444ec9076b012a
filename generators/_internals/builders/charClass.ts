// Strings of a pattern that admits or refuses each character on its own (`^[…]+$`): the
// printable-Unicode pattern of names, descriptions and tokens, and the digits of store ids.
import * as fc from 'fast-check';
import { codePointName, matchesPattern } from '../../../specs/index.ts';
import { alphabetOf, type Char } from '../alphabet.ts';
import { plainFirst } from '../plain.ts';
import { pick, rng } from '../prng.ts';
import { clamp, type BuildOptions, type Described, type StringBuilder } from './builder.ts';

/** Each category's characters plainest first, and the category of the plainest character first. */
export function plainFirstGroups(groups: ReadonlyArray<readonly Char[]>): Char[][] {
  return plainFirst(
    groups.map((g) => plainFirst(g, (c) => c.char)),
    (g) => (g[0] as Char).char,
  );
}

/**
 * One category drawn as often as another; a shrink may cross into the first category, and fast-check
 * shrinks towards its first character: with plain-first groups, a counterexample heads for 'a'.
 */
function charArbitrary(groups: ReadonlyArray<readonly Char[]>): fc.Arbitrary<string> {
  return fc.oneof({ withCrossShrink: true }, ...groups.map((g) => fc.integer({ min: 0, max: g.length - 1 }).map((i) => (g[i] as Char).char)));
}

/** The `index`-th string of n characters over `chars`, the last position counting fastest. */
function nthString(chars: readonly string[], n: number, index: number): string | undefined {
  if (index >= chars.length ** n) return undefined;
  const out: string[] = [];
  for (let i = 0, rest = index; i < n; i++, rest = Math.floor(rest / chars.length)) out.unshift(chars[rest % chars.length] as string);
  return out.join('');
}

/** `pattern` undefined: a shape without a pattern; it gets the printable alphabet of `fallback`. */
export function charClassBuilder(pattern: string | undefined, fallback: string): StringBuilder {
  const alphabet = alphabetOf(pattern ?? fallback);
  const all = alphabet.valid;
  const safe = [alphabet.urlSafe];
  const chars = (options?: BuildOptions) => (options?.urlSafe ? safe : all);
  const shrinkable = { all: plainFirstGroups(all), safe: plainFirstGroups(safe) };
  const plainestOf = (groups: ReadonlyArray<readonly Char[]>) => plainFirst(groups.flat(), (c) => c.char).map((c) => c.char);
  const plainest = { all: plainestOf(all), safe: plainestOf(safe) };
  const admitsEmpty = pattern === undefined || matchesPattern(pattern, '');

  const ofLength = (n: number, seed = 0, options?: BuildOptions): string => {
    const random = rng(seed);
    const groups = chars(options);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(random, pick(random, groups)).char;
    return s;
  };

  return {
    fromAlphabet: true,
    patternMin: admitsEmpty ? 0 : 1,
    patternMax: Infinity,
    arbitrary(min, max, options) {
      return fc.array(charArbitrary(options?.urlSafe ? shrinkable.safe : shrinkable.all), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
    },
    ofLength,
    plain: (n, index = 0, options) => nthString(options?.urlSafe ? plainest.safe : plainest.all, n, index),
    example: (min, max) => ofLength(clamp(8, Math.max(min, admitsEmpty ? 0 : 1), max), 1),
    forms(min, max) {
      const out: Described[] = [];
      const n = clamp(8, min, max);
      if (n === 0) return [{ label: 'empty', value: '' }];
      // One form mixing every admitted category, then one per major category (L, M, Z, S, N, P).
      const mixed = all.map((g) => (g[0] as Char).char).slice(0, clamp(all.length, min, max));
      while (mixed.length < min) mixed.push(mixed[mixed.length % all.length] as string);
      out.push({ label: `every admitted category (${all.map((g) => (g[0] as Char).category).join(' ')})`, value: mixed.join('') });
      const majors = new Map<string, Char[]>();
      for (const g of all) {
        for (const c of g) {
          const major = c.category[0] as string;
          const list = majors.get(major);
          if (list) list.push(c);
          else majors.set(major, [c]);
        }
      }
      if (majors.size > 1) {
        for (const [major, cs] of majors) {
          const blocks = [...new Set(cs.map((c) => c.block))];
          const value = Array.from({ length: n }, (_, i) => {
            const inBlock = cs.filter((c) => c.block === blocks[i % blocks.length]);
            return (inBlock[(i * 7) % inBlock.length] as Char).char;
          }).join('');
          out.push({ label: `category ${major}* from ${blocks.slice(0, n).join(', ')}`, value });
        }
      }
      return out;
    },
    breakers(min, max, seed = 0) {
      if (pattern === undefined) return [];
      const random = rng(seed);
      const n = clamp(5, Math.max(min, 1), max);
      return alphabet.invalid.map((group) => {
        const bad = pick(random, group);
        const cs = [...ofLength(n, seed)];
        const at = Math.floor(random() * cs.length);
        cs[at] = bad.char;
        return { label: `${bad.category} character ${codePointName(bad.char.codePointAt(0)!)} at ${at}`, value: cs.join('') };
      });
    },
  };
}
