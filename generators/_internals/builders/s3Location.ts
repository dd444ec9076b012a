// S3 locations (FallbackLocation, AccessLogLocation): empty, bucket only, with a trailing slash,
// nested prefixes and Unicode prefixes. The scheme, the bucket alphabet and every length bound are
// read from the pattern by probing it, so a changed pattern changes the strings.
import * as fc from 'fast-check';
import { codePointName, PRINTABLE_UNICODE_PATTERN, matchesPattern } from '../../../specs/index.ts';
import { alphabetOf } from '../alphabet.ts';
import { literalPrefix } from '../patternParts.ts';
import { plainFirst } from '../plain.ts';
import { pick, rng } from '../prng.ts';
import type { Described, StringBuilder } from './builder.ts';

/** Bucket lengths tried when probing the pattern: beyond any a pattern of this kind admits. */
const PROBE_LENGTHS = 0x100;

const SLASH = '/';
const PROBE_LIMIT = 4096;

interface S3Parts {
  scheme: string;
  filler: string;
  edge: string[];
  middle: string[];
  bucketMin: number;
  bucketMax: number;
  prefixChars: string[];
  prefixMax: number;
  admitsEmpty: boolean;
  /** A printable character that no prefix may hold (a line terminator). */
  prefixBreaker: string;
}

function probe(pattern: string): S3Parts {
  const ok = (s: string) => matchesPattern(pattern, s);
  const scheme = literalPrefix(pattern);
  const ascii = Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i));
  const filler = ascii.find((c) => ok(scheme + c.repeat(3)));
  if (!filler) throw new Error(`s3LocationBuilder: no bucket character found for ${pattern}`);
  const edge = ascii.filter((c) => ok(scheme + c + filler + filler) && ok(scheme + filler + filler + c));
  const middle = ascii.filter((c) => ok(scheme + filler + c + filler) && c !== SLASH);
  const lengths = Array.from({ length: PROBE_LENGTHS }, (_, n) => n).filter((n) => ok(scheme + filler.repeat(n)));
  const bucket = filler.repeat(lengths[0]!);
  const printable = alphabetOf(PRINTABLE_UNICODE_PATTERN).valid.flat().map((c) => c.char);
  const prefixChars = printable.filter((c) => ok(scheme + bucket + SLASH + c + SLASH));
  let prefixMax = 0;
  for (let n = 1; n < PROBE_LIMIT && ok(scheme + bucket + SLASH + filler.repeat(n) + SLASH); n++) prefixMax = n;
  const inPrefix = new Set(prefixChars);
  const prefixBreaker = printable.find((c) => !inPrefix.has(c)) ?? '\n';
  return {
    scheme, filler, edge, middle, bucketMin: lengths[0]!, bucketMax: lengths[lengths.length - 1]!,
    prefixChars, prefixMax, admitsEmpty: ok(''), prefixBreaker,
  };
}

export function s3LocationBuilder(pattern: string): StringBuilder {
  const p = probe(pattern);
  const bucketOf = (n: number, seed: number) => {
    const random = rng(seed);
    let s = pick(random, p.edge);
    for (let i = 0; i < n - 2; i++) s += pick(random, p.middle);
    return s + pick(random, p.edge);
  };
  const prefixOf = (n: number, seed: number) => {
    const random = rng(seed);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(random, p.prefixChars);
    return s;
  };
  const uri = (bucket: string, prefix?: string) => p.scheme + bucket + (prefix === undefined ? '' : SLASH + (prefix ? prefix + SLASH : ''));
  // Plainest first: fast-check shrinks towards the first.
  const charOf = (chars: string[]) => {
    const ordered = plainFirst(chars, (c) => c);
    return fc.integer({ min: 0, max: ordered.length - 1 }).map((i) => ordered[i] as string);
  };
  const bucketArb = fc
    .tuple(charOf(p.edge), fc.array(charOf(p.middle), { minLength: p.bucketMin - 2, maxLength: p.bucketMax - 2 }), charOf(p.edge))
    .map(([a, m, b]) => a + m.join('') + b);
  const segmentArb = fc.array(charOf(p.prefixChars.filter((c) => c !== SLASH)), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
  const prefixArb = fc.array(segmentArb, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(SLASH)).filter((s) => [...s].length <= p.prefixMax);
  const maxLength = [...uri(bucketOf(p.bucketMax, 0), prefixOf(p.prefixMax, 0))].length;

  return {
    patternMin: p.admitsEmpty ? 0 : [...uri(bucketOf(p.bucketMin, 0))].length,
    patternMax: maxLength,
    arbitrary: () =>
      fc.oneof(
        ...(p.admitsEmpty ? [fc.constant('')] : []),
        bucketArb.map((b) => uri(b)),
        bucketArb.map((b) => uri(b, '')),
        fc.tuple(bucketArb, prefixArb).map(([b, prefix]) => uri(b, prefix)),
      ),
    ofLength(n) {
      throw new Error(`s3LocationBuilder: S3 locations have no length bound to build ${n} characters for`);
    },
    example: () => uri(bucketOf(12, 0), ['omics', 'fallback'].join(SLASH)),
    forms: () => {
      const out: Described[] = [];
      if (p.admitsEmpty) out.push({ label: 'empty (the pattern admits it)', value: '' });
      out.push(
        { label: `bucket of ${p.bucketMin} characters, no slash`, value: uri(bucketOf(p.bucketMin, 1)) },
        { label: `bucket of ${p.bucketMax} characters with a trailing slash`, value: uri(bucketOf(p.bucketMax, 2), '') },
        { label: 'bucket with every middle character', value: uri(p.edge[0] + p.middle.join('') + p.edge[0], '') },
        { label: 'nested prefix', value: uri(bucketOf(8, 3), ['data', 'runs', 'a=1'].join(SLASH)) },
        { label: 'Unicode prefix', value: uri(bucketOf(8, 4), prefixOf(12, 4)) },
        { label: `prefix of ${p.prefixMax} characters (the most the pattern admits)`, value: uri(bucketOf(8, 5), prefixOf(p.prefixMax, 5)) },
      );
      return out;
    },
    breakers(_min, _max, seed = 0) {
      const bucket = bucketOf(8, seed);
      const badBucketChar = ['A', '_', ' ', '~'].find((c) => !p.middle.includes(c)) ?? 'A';
      const out: Described[] = [
        { label: `bucket of ${p.bucketMin - 1} characters`, value: uri(bucketOf(p.bucketMin - 1, seed), '') },
        // Without a slash after it: with one, the pattern reads the extra character as a prefix.
        { label: `bucket of ${p.bucketMax + 1} characters`, value: uri(bucketOf(p.bucketMax + 1, seed)) },
        { label: `bucket starting with ${JSON.stringify(p.middle.find((c) => !p.edge.includes(c)))}`, value: uri((p.middle.find((c) => !p.edge.includes(c)) ?? badBucketChar) + bucket, '') },
        { label: `bucket holding ${JSON.stringify(badBucketChar)}`, value: uri(bucket.slice(0, 3) + badBucketChar + bucket.slice(3)) },
        { label: 'scheme in upper case', value: uri(bucket, '').replace(p.scheme, p.scheme.toUpperCase()) },
        { label: 'scheme missing', value: uri(bucket, '').slice(p.scheme.length) },
        { label: 'prefix without its trailing slash', value: uri(bucket, prefixOf(6, seed)).slice(0, -1) },
        { label: `prefix of ${p.prefixMax + 1} characters`, value: uri(bucket, p.filler.repeat(p.prefixMax + 1)) },
        { label: `prefix holding ${codePointName(p.prefixBreaker.codePointAt(0)!)}`, value: uri(bucket, `a${p.prefixBreaker}b`) },
        { label: 'leading space', value: ` ${uri(bucket, '')}` },
      ];
      return out.filter((b) => b.value !== '');
    },
  };
}
