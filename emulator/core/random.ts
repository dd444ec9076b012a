// A small seeded generator (mulberry32): ids and rate faults are a function of the seed.
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** Move on as `count` calls of next() would, at once. */
  skip(count: number): void;
}

export function seededRandom(seed: number): Random {
  const step = 0x6d2b79f5;
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + step) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    // The state only ever grows by `step` (mod 2^32), so n steps are one multiplication.
    skip: (count) => void (a = (a + Math.imul((count % 2 ** 32) >>> 0, step)) >>> 0),
  };
}
