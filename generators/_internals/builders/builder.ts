// What every string builder offers: admitted strings (random and deterministic), varied admitted
// forms for the boundary phase, and strings the pattern refuses with lengths kept in bounds.
import type * as fc from 'fast-check';

export interface Described {
  readonly label: string;
  readonly value: string;
}

export interface BuildOptions {
  /** Only characters a URL carries unencoded: for long query and label values. */
  readonly urlSafe?: boolean;
}

export interface StringBuilder {
  /** Made of single characters drawn from an alphabet (so `urlSafe` narrows it); ARN and URI builders build forms instead. */
  readonly fromAlphabet?: true;
  /** Shortest and longest string the pattern admits (the shape's length bounds may be tighter). */
  readonly patternMin: number;
  readonly patternMax: number;
  /** Admitted strings whose code-point length is within [min, max]. */
  arbitrary(min: number, max: number, options?: BuildOptions): fc.Arbitrary<string>;
  /** A string of exactly n code points, admitted when n is within [patternMin, patternMax]. */
  ofLength(n: number, seed?: number, options?: BuildOptions): string;
  /** A typical admitted string with length within [min, max]: the placeholder of minimal inputs. */
  example(min: number, max: number): string;
  /** Varied admitted forms, lengths within [min, max]. */
  forms(min: number, max: number): Described[];
  /**
   * The `index`-th plainest admitted string of exactly n code points, counting from 'aa…a' (see
   * plain.ts); undefined past the last. Builders made of single characters only.
   */
  plain?(n: number, index?: number, options?: BuildOptions): string | undefined;
  /** Strings the pattern refuses, lengths within [min, max]; `seed` varies their content. */
  breakers(min: number, max: number, seed?: number): Described[];
}

/** A clamp that tolerates an open upper bound. */
export function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

export function codePoints(s: string): string[] {
  return [...s];
}
