// ARNs of sequence stores (TagArn, SequenceStoreArn: `^arn:.+$`): well-formed store ARNs in
// several partitions and regions, padded or cut to an exact length when a boundary asks for one.
import * as fc from 'fast-check';
import { ACCOUNT_ID_LENGTH, sequenceStoreArn } from '../../../specs/index.ts';
import { literalPrefix } from '../patternParts.ts';
import { pick, rng } from '../prng.ts';
import type { Described, StringBuilder } from './builder.ts';
import { arnParts, digits } from './arnParts.ts';

export function storeArnBuilder(pattern: string, idArbitrary: fc.Arbitrary<string>, idOfLength: (n: number) => string): StringBuilder {
  const prefix = literalPrefix(pattern);
  const canonical = (seed: number, id: string) => {
    const random = rng(seed);
    return sequenceStoreArn(pick(random, arnParts.partitions), pick(random, arnParts.regions), digits(ACCOUNT_ID_LENGTH, seed), id);
  };
  const ofLength = (n: number, seed = 0): string => {
    if (n <= prefix.length) return prefix.slice(0, n);
    const shortest = canonical(seed, '');
    // A canonical ARN whose id is as long as the length needs; below that, the prefix and filler.
    if (n > shortest.length) return canonical(seed, idOfLength(n - shortest.length));
    return prefix + 'x'.repeat(n - prefix.length);
  };
  return {
    patternMin: prefix.length + 1,
    patternMax: Infinity,
    arbitrary: (min, max) =>
      fc
        .record({
          partition: fc.constantFrom(...arnParts.partitions),
          region: fc.constantFrom(...arnParts.regions),
          account: fc.integer({ min: 0, max: 10 ** ACCOUNT_ID_LENGTH - 1 }).map((a) => String(a).padStart(ACCOUNT_ID_LENGTH, '0')),
          id: idArbitrary,
        })
        .map(({ partition, region, account, id }) => sequenceStoreArn(partition, region, account, id))
        .filter((a) => a.length >= min && a.length <= max),
    ofLength,
    example: () => canonical(0, idOfLength(12)),
    forms: (min, max) =>
      [
        ...arnParts.partitions.map((p, i) => ({ label: `store ARN in partition ${p}`, value: sequenceStoreArn(p, arnParts.regions[i % arnParts.regions.length] as string, digits(ACCOUNT_ID_LENGTH, i), idOfLength(10 + i)) })),
        { label: 'shortest the pattern admits', value: ofLength(Math.max(min, prefix.length + 1)) },
      ].filter((f) => f.value.length >= min && f.value.length <= max),
    breakers(min, max, seed = 0) {
      const good = canonical(seed, idOfLength(12));
      const rest = good.slice(prefix.length);
      const out: Described[] = [
        { label: 'the prefix alone', value: prefix },
        { label: 'prefix in upper case', value: prefix.toUpperCase() + rest },
        { label: 'prefix missing', value: rest },
        { label: 'leading space', value: ` ${good}` },
        { label: 'line feed inside', value: `${prefix}${rest.slice(0, 3)}\n${rest.slice(3)}` },
        { label: 'carriage return at the end', value: `${good}\r` },
      ];
      return out.filter((b) => b.value !== good && b.value.length >= min && b.value.length <= max);
    },
  };
}
