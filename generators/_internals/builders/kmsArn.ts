// KMS key ARNs (SseConfig$keyArn): key ids, multi-Region keys and aliases in several partitions,
// and exact lengths from the shortest the pattern admits up to the shape's maximum.
import * as fc from 'fast-check';
import { literalPrefix, quantifiers } from '../patternParts.ts';
import { pick, rng } from '../prng.ts';
import { arnParts, digits } from './arnParts.ts';
import type { Described, StringBuilder } from './builder.ts';

const SEP = ':';
const SERVICE = 'kms';

function hex(n: number, seed: number): string {
  const random = rng(seed);
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
  return s;
}

function uuid(seed: number): string {
  const h = hex(32, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const resources = {
  'key id': (seed: number) => `key/${uuid(seed)}`,
  'multi-Region key': (seed: number) => `key/mrk-${hex(32, seed)}`,
  alias: (seed: number) => `alias/omics-${hex(6, seed)}`,
} as const;

export function kmsArnBuilder(pattern: string): StringBuilder {
  const prefix = literalPrefix(pattern);
  const accountLength = quantifiers(pattern)[0]?.min;
  if (accountLength === undefined) throw new Error(`kmsArnBuilder: no account quantifier in ${pattern}`);
  const compose = (p: string, s: string, r: string, account: string, res: string) => [prefix + p, s, r, account, res].join(SEP);
  const shortest = compose('', '', '', digits(accountLength, 0), '').length;

  const ofLength = (n: number, seed = 0): string => {
    const account = digits(accountLength, seed);
    if (n < shortest) return compose('', '', '', account, '').slice(0, n);
    const random = rng(seed);
    const parts = [pick(random, arnParts.partitions), SERVICE, pick(random, arnParts.regions), resources['key id'](seed)] as string[];
    // Trim the parts from the resource backwards until the ARN fits, then pad the resource.
    let over = compose(parts[0]!, parts[1]!, parts[2]!, account, parts[3]!).length - n;
    for (const i of [3, 2, 1, 0]) {
      const cut = Math.min(over, parts[i]!.length);
      parts[i] = parts[i]!.slice(0, parts[i]!.length - cut);
      over -= cut;
    }
    const base = compose(parts[0]!, parts[1]!, parts[2]!, account, parts[3]!);
    return base + hex(n - base.length, seed);
  };

  return {
    patternMin: shortest,
    patternMax: Infinity,
    arbitrary: (min, max) =>
      fc
        .record({
          partition: fc.constantFrom(...arnParts.partitions),
          region: fc.constantFrom(...arnParts.regions),
          account: fc.integer({ min: 0, max: 10 ** accountLength - 1 }).map((a) => String(a).padStart(accountLength, '0')),
          resource: fc.constantFrom(...Object.values(resources)),
          seed: fc.nat(),
        })
        .map(({ partition, region, account, resource, seed }) => compose(partition, SERVICE, region, account, resource(seed)))
        .filter((a) => a.length >= min && a.length <= max),
    ofLength,
    example: () => compose('aws', SERVICE, arnParts.regions[0], digits(accountLength, 0), resources['key id'](0)),
    forms: (min, max) =>
      [
        ...Object.entries(resources).map(([kind, make], i) => ({
          label: `KMS ${kind} in partition ${arnParts.partitions[i % arnParts.partitions.length]}`,
          value: compose(arnParts.partitions[i % arnParts.partitions.length]!, SERVICE, arnParts.regions[i]!, digits(accountLength, i), make(i)),
        })),
        { label: 'shortest the pattern admits (empty partition, service, region and resource)', value: ofLength(Math.max(min, shortest)) },
      ].filter((f) => f.value.length >= min && f.value.length <= max),
    breakers(min, max, seed = 0) {
      const account = digits(accountLength, seed);
      const region = pick(rng(seed), arnParts.regions);
      const res = resources['key id'](seed);
      const out: Described[] = [
        { label: `account of ${accountLength - 1} digits`, value: compose('aws', SERVICE, region, account.slice(1), res) },
        { label: `account of ${accountLength + 1} digits`, value: compose('aws', SERVICE, region, account + '0', res) },
        { label: 'letter in the account', value: compose('aws', SERVICE, region, `${account.slice(1)}a`, res) },
        { label: 'account missing', value: [prefix + 'aws', SERVICE, region, res].join(SEP) },
        { label: 'prefix in upper case', value: compose('aws', SERVICE, region, account, res).replace(prefix, prefix.toUpperCase()) },
        { label: 'line feed in the region', value: compose('aws', SERVICE, `${region}\n`, account, res) },
        { label: 'a key id, not an ARN', value: uuid(seed) },
      ];
      return out.filter((b) => [...b.value].length >= min && [...b.value].length <= max);
    },
  };
}
