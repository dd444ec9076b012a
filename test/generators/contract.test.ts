// The contract every public generator keeps (as fast-check's own arbitraries do): the same seed
// gives the same values; every value is what the generator promises; shrinking keeps that promise.
import * as fc from 'fast-check';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import * as S from '../../specs/index.ts';
import { invalidCase, shapeValue, stringOf, validCase, validInput, type Case } from '../../generators/index.ts';
import { labelMismatch } from './support/labels.ts';

const contract = suite('generators: the shared contract');

interface Entry {
  name: string;
  arb: fc.Arbitrary<unknown>;
  /** undefined when the value keeps the promise, else what is wrong. */
  wrong: (v: unknown) => string | undefined;
}

function stringWrong(shape: S.StringShape) {
  return (v: unknown) => {
    if (typeof v !== 'string') return 'not a string';
    const n = S.codePointLength(v);
    if (shape.length?.min !== undefined && n < shape.length.min) return `length ${n} < ${shape.length.min}`;
    if (shape.length?.max !== undefined && n > shape.length.max) return `length ${n} > ${shape.length.max}`;
    if (shape.pattern !== undefined && !S.matchesPattern(shape.pattern, v)) return `${JSON.stringify(v)} does not match ${shape.pattern}`;
    if (shape.enum && !shape.enum.includes(v)) return `${v} not in the enum`;
    return undefined;
  };
}

const stringShapes = [
  S.SequenceStoreName, S.SequenceStoreDescription, S.ClientToken, S.NextToken, S.SequenceStoreId, S.TagArn,
  S.SequenceStoreArn, S.TagKey, S.TagValue, S.SseConfigKeyArn, S.FallbackLocation, S.AccessLogLocation,
  S.ETagAlgorithmFamily, S.EncryptionType, S.SequenceStoreStatus,
];

const entries: Entry[] = [
  ...stringShapes.map((shape) => ({ name: `stringOf(${shape.name})`, arb: stringOf(shape), wrong: stringWrong(shape) })),
  ...stringShapes.filter((s) => s.length).map((shape) => ({ name: `stringOf(${shape.name}, urlSafe)`, arb: stringOf(shape, { urlSafe: true }), wrong: stringWrong(shape) })),
  ...S.operationNames.flatMap((op): Entry[] => [
    { name: `shapeValue(${op} input)`, arb: shapeValue(S.operations[op].input), wrong: (v) => (S.validateInput(op, v).length ? JSON.stringify(S.validateInput(op, v)[0]) : undefined) },
    { name: `validInput(${op})`, arb: validInput(op), wrong: (v) => (S.validateInput(op, v).length ? JSON.stringify(S.validateInput(op, v)[0]) : undefined) },
    { name: `validCase(${op})`, arb: validCase(op), wrong: (v) => labelMismatch(v as Case) ?? ((v as Case).expect.outcome === 'accepted' ? undefined : 'not accepted') },
    { name: `invalidCase(${op})`, arb: invalidCase(op), wrong: (v) => labelMismatch(v as Case) ?? ((v as Case).expect.outcome === 'rejected' ? undefined : 'not rejected') },
  ]),
];

for (const e of entries) {
  contract(`${e.name}: the same seed gives the same values`, () => {
    const a = fc.sample(e.arb, { seed: 42, numRuns: 10 });
    const b = fc.sample(e.arb, { seed: 42, numRuns: 10 });
    assert.equal(a, b);
  });
  contract(`${e.name}: every value and every shrunk value keeps the promise`, () => {
    // The property always fails, so fast-check shrinks all the way down and tries many candidates.
    const tried: unknown[] = [];
    fc.check(fc.property(e.arb, (v) => { tried.push(v); return false; }), { seed: 7, numRuns: 1 });
    const sampled = fc.sample(e.arb, { seed: 11, numRuns: 60 });
    for (const v of [...sampled, ...tried]) {
      const wrong = e.wrong(v);
      if (wrong) assert.unreachable(`${e.name}: ${wrong}`);
    }
    assert.ok(tried.length >= 1, 'the failing property ran');
  });
}

contract.run();
