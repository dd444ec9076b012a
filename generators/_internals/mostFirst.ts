// A size drawn as the largest and shrunk towards the smallest: lists, maps and strings of the most
// items a rule allows are cut from a full draw, so their counterexamples still shrink to the fewest.
import * as fc from 'fast-check';

class MostFirst extends fc.Arbitrary<number> {
  private readonly range: fc.Arbitrary<number>;

  constructor(private readonly max: number, min: number) {
    super();
    this.range = fc.integer({ min, max });
  }

  generate(): fc.Value<number> {
    return new fc.Value(this.max, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is number {
    return this.range.canShrinkWithoutContext(value);
  }

  shrink(value: number, context: unknown): fc.Stream<fc.Value<number>> {
    return this.range.shrink(value, context);
  }
}

/** Always `max` when generated; shrinks as fc.integer({ min, max }) does. */
export function mostFirst(min: number, max: number): fc.Arbitrary<number> {
  if (!(min <= max)) throw new Error(`mostFirst: min ${min} is above max ${max}`);
  return new MostFirst(max, min);
}

/** The first `n` items of every full draw of `max` items, `n` shrinking from `max` towards `min`. */
export function mostItemsFirst<T>(full: fc.Arbitrary<readonly T[]>, min: number, max: number): fc.Arbitrary<T[]> {
  return fc.tuple(full, mostFirst(min, max)).map(([items, n]) => items.slice(0, n));
}
