// A small seeded generator (mulberry32): variants built from one shrinkable integer stay a pure
// function of it, so a shrunk case is rebuilt by the same construction and keeps its label.
export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: nothing to pick from');
  return items[Math.floor(random() * items.length)] as T;
}
