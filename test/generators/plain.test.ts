// Counterexamples head for plain characters: the string arbitraries list their characters plainest
// first (and can still make every character they made before), so fast-check shrinks strings to
// 'a'…, the longest strings and fullest maps to the shortest and fewest.
import * as fc from 'fast-check';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import * as S from '../../specs/index.ts';
import { shapeValue, stringOf } from '../../generators/index.ts';
import { alphabetOf } from '../../generators/_internals/alphabet.ts';
import { builderFor } from '../../generators/_internals/builders/index.ts';
import { plainFirstGroups } from '../../generators/_internals/builders/charClass.ts';
import { mostFirst } from '../../generators/_internals/mostFirst.ts';
import { isAscii, plainFirst, plainness } from '../../generators/_internals/plain.ts';

const test = suite('generators: counterexamples head for plain characters');
const SEEDS = Array.from({ length: 20 }, (_, i) => 7000 + i);
console.log(`  generators/plain seeds: ${SEEDS[0]}..${SEEDS[SEEDS.length - 1]}`);

function shrunkOn<T>(arb: fc.Arbitrary<T>, holds: (v: T) => boolean, seed: number): T {
  const details = fc.check(fc.property(arb, holds), { seed });
  assert.ok(details.failed, `seed ${seed}: the property fails`);
  return details.counterexample![0];
}

test('plainness: a–z, then A–Z and 0–9, other printable ASCII, the space, then the rest', () => {
  const order = ['a', 'b', 'z', 'A', 'Z', '0', '9', '!', '~', ' ', 'é', 'Ω', '中', '😀'];
  assert.equal(plainFirst([...order].reverse(), (c) => c), order);
  assert.is(new Set(order.map(plainness)).size, order.length);
  assert.ok(isAscii('~') && !isAscii('é'));
});

test('the ordered character groups hold exactly the characters of the alphabet, the plainest first', () => {
  for (const pattern of [S.PRINTABLE_UNICODE_PATTERN, S.SequenceStoreId.pattern!]) {
    const { valid, urlSafe } = alphabetOf(pattern);
    for (const groups of [valid, [urlSafe]]) {
      const ordered = plainFirstGroups(groups);
      const chars = (gs: ReadonlyArray<ReadonlyArray<{ char: string }>>) => gs.flat().map((c) => c.char).sort();
      assert.equal(chars(ordered), chars(groups), 'the same characters');
      assert.equal(ordered.map((g) => g.length).sort(), groups.map((g) => g.length).sort(), 'in the same categories');
      assert.is(ordered[0]![0]!.char, plainFirst(chars(groups), (c) => c)[0], 'the plainest character first');
    }
  }
});

test('the arbitraries still make non-ASCII characters of every category', () => {
  const { valid } = alphabetOf(S.PRINTABLE_UNICODE_PATTERN);
  const categoryOf = new Map(valid.flat().map((c) => [c.char, c.category]));
  const seen = new Set<string>();
  for (const s of fc.sample(builderFor(S.TagKey).arbitrary(1, 8), { seed: SEEDS[0], numRuns: 3000 })) for (const ch of s) seen.add(ch);
  assert.ok([...seen].every((ch) => categoryOf.has(ch)), 'only characters of the alphabet');
  const categories = new Set([...seen].map((ch) => categoryOf.get(ch)));
  assert.is(categories.size, valid.length, 'every category of the alphabet');
  assert.ok([...seen].filter((ch) => !isAscii(ch)).length > 1000, 'many non-ASCII characters');
  const found = shrunkOn(stringOf(S.SequenceStoreName), (s) => [...s].every(isAscii), SEEDS[0]!);
  assert.is([...found].length, 1, `a non-ASCII character alone: ${JSON.stringify(found)}`);
});

test('shrinking reaches the plainest strings, maps and lists', () => {
  for (const seed of SEEDS) {
    assert.is(shrunkOn(stringOf(S.TagKey), () => false, seed), 'a', `seed ${seed}`);
    assert.is(shrunkOn(stringOf(S.SequenceStoreName), (s) => [...s].length < 3, seed), 'aaa', `seed ${seed}`);
    assert.is(shrunkOn(stringOf(S.SequenceStoreName, { urlSafe: true }), () => false, seed), 'a', `seed ${seed}`);
    assert.equal(shrunkOn(shapeValue(S.TagMap), (m) => Object.keys(m as object).length === 0, seed), { a: '' }, `seed ${seed}`);
    assert.equal(shrunkOn(shapeValue(S.PropagatedSetLevelTags), (l) => (l as unknown[]).length === 0, seed), ['a'], `seed ${seed}`);
  }
});

test('mostFirst: drawn as the most, shrunk towards the fewest', () => {
  assert.equal([...new Set(fc.sample(mostFirst(2, 9), { seed: SEEDS[0], numRuns: 50 }))], [9]);
  assert.is(shrunkOn(mostFirst(2, 9), () => false, SEEDS[0]!), 2);
  assert.is(shrunkOn(mostFirst(2, 9), (n) => n < 5, SEEDS[0]!), 5);
  assert.throws(() => mostFirst(3, 2), /mostFirst: min 3 is above max 2/);
});

test('plain strings: counted from the plainest, within the pattern, none past the last', () => {
  const key = builderFor(S.TagKey);
  assert.is(key.plain!(3), 'aaa');
  assert.equal([1, 25, 26, 52].map((i) => key.plain!(1, i)), ['b', 'z', 'A', '0']);
  assert.is(key.plain!(2, 1), 'ab');
  assert.is(key.plain!(0), '');
  const id = builderFor(S.SequenceStoreId);
  const digits = Array.from({ length: 10 }, (_, i) => id.plain!(1, i)!);
  assert.ok(digits.every((d) => S.matchesPattern(S.SequenceStoreId.pattern!, d)), digits.join(''));
  assert.is(id.plain!(1, digits.length), undefined);
  const many = Array.from({ length: 100 }, (_, i) => key.plain!(2, i, { urlSafe: true })!);
  assert.is(new Set(many).size, many.length);
  assert.ok(many.every((s) => encodeURIComponent(s) === s), 'URL-safe');
  assert.is(builderFor(S.SseConfigKeyArn).plain, undefined, 'builders of forms have no plain strings');
});

test.run();
