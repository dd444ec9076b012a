import * as fc from 'fast-check';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { allRules, operationNames } from '../../specs/index.ts';
import { allBoundaryCases, coverage, invalidCase, validCase } from '../../generators/index.ts';

const cov = suite('generators: constraint coverage');

cov('the boundary phase covers 100% of the rules of the eight operations', () => {
  const c = coverage(allBoundaryCases());
  assert.is(c.total, allRules().length);
  assert.equal(c.uncovered.map((r) => r.rule.id), []);
  assert.is(c.ratio, 1);
});

cov('random cases alone cover every breakable rule too', () => {
  const cases = operationNames.flatMap((op) => [...fc.sample(validCase(op), { numRuns: 150, seed: 1 }), ...fc.sample(invalidCase(op), { numRuns: 400, seed: 2 })]);
  assert.equal(coverage(cases).uncovered.map((r) => r.rule.id), []);
});

cov('coverage notices a rule no case breaks', () => {
  const cases = allBoundaryCases().filter((c) => !c.ruleIds.includes('CreateSequenceStore:name:length.max') || c.expect.outcome === 'accepted');
  const c = coverage(cases);
  assert.equal(c.uncovered.map((r) => r.rule.id), ['CreateSequenceStore:name:length.max']);
  assert.ok(c.rules.find((r) => r.rule.id === 'CreateSequenceStore:name:length.max')!.valid);
});

cov('unbreakable rules say why', () => {
  const c = coverage(allBoundaryCases());
  const reasons = c.rules.filter((r) => r.unviolable).map((r) => `${r.rule.id}: ${r.unviolable}`);
  assert.ok(reasons.includes('CreateSequenceStore:tags.<key>:type: JSON object keys are always strings'));
  assert.ok(reasons.includes('TagResource:tags:length.min: a length cannot be below 0'));
});

cov.run();
