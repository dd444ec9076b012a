// The shape-keyed string builders: every form and generated value matches the spec pattern, every
// breaker does not, and the bounds they read from the patterns agree with the specs.
import * as fc from 'fast-check';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import * as S from '../../specs/index.ts';
import { builderFor } from '../../generators/_internals/builders/index.ts';
import { quantifiers, literalPrefix } from '../../generators/_internals/patternParts.ts';

const builders = suite('generators: string builders keyed on spec shapes');
const patterned = [S.SequenceStoreName, S.SequenceStoreId, S.TagArn, S.SseConfigKeyArn, S.FallbackLocation, S.AccessLogLocation];

for (const shape of patterned) {
  const b = builderFor(shape);
  const min = shape.length?.min ?? 0;
  const max = shape.length?.max ?? Infinity;
  const pattern = shape.pattern!;
  builders(`${shape.name}: forms and 300 generated values match the pattern`, () => {
    for (const f of b.forms(min, max)) assert.ok(S.matchesPattern(pattern, f.value), `${f.label}: ${JSON.stringify(f.value)}`);
    for (const v of fc.sample(b.arbitrary(Math.max(min, b.patternMin), Math.min(max, b.patternMax)), { numRuns: 300, seed: 3 })) {
      assert.ok(S.matchesPattern(pattern, v), JSON.stringify(v));
    }
  });
  builders(`${shape.name}: breakers do not match the pattern and keep their length in bounds`, () => {
    for (const seed of [0, 1, 2, 3]) {
      const breakers = b.breakers(min, max, seed);
      assert.ok(breakers.length > 0);
      for (const x of breakers) {
        assert.not.ok(S.matchesPattern(pattern, x.value), `${x.label}: ${JSON.stringify(x.value)}`);
        const n = S.codePointLength(x.value);
        assert.ok(n >= min && n <= max, `${x.label}: length ${n}`);
      }
    }
  });
}

builders('the account length read from the KMS pattern is the ARN account length of the specs', () => {
  assert.is(quantifiers(S.SseConfigKeyArn.pattern!)[0]!.min, S.ACCOUNT_ID_LENGTH);
  assert.is(literalPrefix(S.TagArn.pattern!), 'arn:');
  assert.is(literalPrefix(S.FallbackLocation.pattern!), 's3://');
});

builders('exact lengths: ofLength gives conforming strings of exactly n code points', () => {
  for (const shape of [S.SequenceStoreName, S.SequenceStoreId, S.TagArn, S.SseConfigKeyArn, S.TagKey]) {
    const b = builderFor(shape);
    for (const n of [b.patternMin, shape.length!.max!, shape.length!.max! + 1]) {
      const v = b.ofLength(n, 5);
      assert.is(S.codePointLength(v), n, shape.name);
      if (shape.pattern) assert.ok(S.matchesPattern(shape.pattern, v), `${shape.name} ${n}`);
    }
  }
});

builders('a shape whose pattern no builder knows is refused with a message that says where to add one', () => {
  assert.throws(() => builderFor({ type: 'string', name: 'Odd', pattern: '^x+y$' }), /builderFor: no string builder for Odd.*generators\/_internals\/builders/);
});

builders.run();
