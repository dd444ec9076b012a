// Shrinking keeps the label true: a failing property over invalid (or valid) cases shrinks to a
// counterexample that still breaks exactly the rules it names (or is still valid).
import * as fc from 'fast-check';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { invalidCase, validCase, type Case } from '../../generators/index.ts';
import { labelMismatch } from './support/labels.ts';

const shrinking = suite('generators: shrinking keeps labels true');

function shrunk(arb: fc.Arbitrary<Case>, predicate: (c: Case) => boolean, seed: number): Case {
  const details = fc.check(fc.property(arb, predicate), { seed, numRuns: 200 });
  assert.ok(details.failed, 'the property fails');
  return details.counterexample![0];
}

shrinking('an invalid CreateSequenceStore case shrunk against "no tag key is longer than 128" still breaks exactly that', () => {
  const c = shrunk(invalidCase('CreateSequenceStore', { ruleIds: ['CreateSequenceStore:tags.<key>:length.max', 'CreateSequenceStore:name:pattern'] }), (x) => !x.ruleIds.includes('CreateSequenceStore:tags.<key>:length.max'), 21);
  assert.is(labelMismatch(c), undefined);
  assert.ok(c.ruleIds.includes('CreateSequenceStore:tags.<key>:length.max'));
  assert.equal(Object.keys(c.input).sort(), ['name', 'tags']);
});

shrinking('shrunk invalid cases of every operation keep their labels', () => {
  for (const op of ['CreateSequenceStore', 'ListSequenceStores', 'UpdateSequenceStore', 'TagResource', 'UntagResource'] as const) {
    const c = shrunk(invalidCase(op), (x) => JSON.stringify(x.input).length < 30, 22);
    assert.is(labelMismatch(c), undefined, c.label);
    assert.is(c.expect.outcome, 'rejected');
  }
});

shrinking('a shrunk valid case is still valid', () => {
  const c = shrunk(validCase('CreateSequenceStore'), (x) => Object.keys((x.input.tags ?? {}) as object).length < 3, 23);
  assert.is(labelMismatch(c), undefined);
  assert.is(Object.keys(c.input.tags as object).length, 3);
});

shrinking.run();
