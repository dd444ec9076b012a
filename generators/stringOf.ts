// Strings a StringShape admits: within its length bounds, matching its pattern or enum, biased
// towards the exact minimum and maximum lengths.
import * as fc from 'fast-check';
import type { StringShape } from '../specs/index.ts';
import { builderFor } from './_internals/builders/index.ts';
import { stringBounds } from './_internals/minimal.ts';
import { mostFirst } from './_internals/mostFirst.ts';

export interface StringOfOptions {
  /** Long values use only characters a URL carries unencoded (for query and label members); short ones keep every category. */
  readonly urlSafe?: boolean;
  /** Leave out the exact-boundary bias (labels: their boundaries are the boundary phase's job). */
  readonly unbiased?: boolean;
}

/** Unicode in URL values stays this short, so a full list of them fits a request line. */
const SHORT_UNICODE = 16;

export function stringOf(shape: StringShape, options: StringOfOptions = {}): fc.Arbitrary<string> {
  const b = builderFor(shape);
  const { min, max } = stringBounds(shape);
  if (min > max) throw new Error(`stringOf: ${shape.name} admits no string (length ${min}..${max})`);
  if (shape.enum || shape.length === undefined) return b.arbitrary(min, max);
  const body = options.urlSafe && b.fromAlphabet
    ? fc.oneof(b.arbitrary(min, Math.min(max, Math.max(min, SHORT_UNICODE))), b.arbitrary(min, max, { urlSafe: true }))
    : b.arbitrary(min, max);
  if (options.unbiased) return body;
  // An exact length is drawn from a seed, as the boundary phase builds it; a counterexample shrinks to
  // the plainest string of that length first, then to the shortest.
  const exact = (n: number, shortest = n) => {
    const built = { urlSafe: options.urlSafe };
    const plain = b.plain?.(n, 0, built);
    if (plain === undefined) return fc.nat().map((seed) => b.ofLength(n, seed, built));
    return fc
      .tuple(mostFirst(0, 1), fc.nat(), mostFirst(shortest, n))
      .map(([drawn, seed, length]) => [...(drawn ? b.ofLength(n, seed, built) : plain)].slice(0, length).join(''));
  };
  return fc.oneof({ weight: 1, arbitrary: exact(min) }, { weight: 1, arbitrary: exact(max, min) }, { weight: 6, arbitrary: body });
}
