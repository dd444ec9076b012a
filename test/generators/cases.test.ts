// Property tests over thousands of runs: valid cases pass validateInput with no violation at all;
// invalid cases fail it with exactly their labelled violations; how a case is sent and what it
// needs follow from what it breaks.
import * as fc from 'fast-check';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { operationNames, operations, ruleId } from '../../specs/index.ts';
import { INPUT_ERROR, invalidCase, labelMembers, validCase, type Case } from '../../generators/index.ts';
import { labelMismatch } from './support/labels.ts';

const cases = suite('generators: valid and invalid cases');
const RUNS = 300; // per operation and kind: 8 × 2 × 300 = 4800 cases

for (const op of operationNames) {
  cases(`${op}: ${RUNS} valid cases pass validateInput with no violation, MUST or SHOULD`, () => {
    fc.assert(fc.property(validCase(op), (c) => labelMismatch(c) === undefined && c.expect.outcome === 'accepted'), { numRuns: RUNS, seed: 1 });
  });
  cases(`${op}: ${RUNS} invalid cases fail validateInput with exactly their labelled violations`, () => {
    fc.assert(fc.property(invalidCase(op), (c) => labelMismatch(c) === undefined), { numRuns: RUNS, seed: 2 });
  });
}

function isWrongType(c: Case): boolean {
  return c.expect.outcome === 'rejected' && c.expect.violations.some((v) => v.rule === 'type');
}

cases('wrong JSON types, nulls and broken path labels go raw on the wire; body violations go through an SDK', () => {
  fc.assert(
    fc.property(fc.constantFrom(...operationNames).chain((op) => invalidCase(op)), (c) => {
      if (c.expect.outcome !== 'rejected') return false;
      const labels = labelMembers(c.operation);
      const onLabel = c.expect.violations.some((v) => labels.includes(v.path));
      const hasNull = JSON.stringify(c.input).includes('null');
      if (isWrongType(c) || onLabel || hasNull) return c.send === 'wire';
      return true;
    }),
    { numRuns: 500, seed: 3 },
  );
});

cases('every rejection names the input-validation error and the ids of its violated rules', () => {
  fc.assert(
    fc.property(fc.constantFrom(...operationNames).chain((op) => invalidCase(op)), (c) => {
      if (c.expect.outcome !== 'rejected') return false;
      const ids = c.expect.violations.map((v) => ruleId(c.operation, v.path, v.rule));
      return c.expect.error === INPUT_ERROR && ids.every((id) => c.ruleIds.includes(id)) && c.ruleIds.length > 0;
    }),
    { numRuns: 300, seed: 4 },
  );
});

cases('operations with a path label mark valid cases as needing an existing store', () => {
  for (const op of operationNames) {
    for (const c of fc.sample(validCase(op), { numRuns: 20, seed: 5 })) {
      assert.is(c.needs, labelMembers(op).length ? 'existing-store' : undefined, `${op}: ${c.label}`);
    }
  }
});

cases('a made-up pagination token is marked invented', () => {
  const token = operations.ListSequenceStores.paginated!.inputToken;
  const withToken = fc.sample(validCase('ListSequenceStores'), { numRuns: 200, seed: 6 }).filter((c) => c.input[token] !== undefined);
  assert.ok(withToken.length > 0);
  for (const c of withToken) assert.equal(c.invented, [token]);
});

cases('valid inputs reach every optional member present and absent, 0 and 50 tags, and empty tag values', () => {
  const sample = fc.sample(validCase('CreateSequenceStore'), { numRuns: 400, seed: 8 });
  for (const name of Object.keys(operations.CreateSequenceStore.input.members)) {
    assert.ok(sample.some((c) => name in c.input), `${name} present`);
    if (!operations.CreateSequenceStore.input.members[name]!.required) assert.ok(sample.some((c) => !(name in c.input)), `${name} absent`);
  }
  const tagCounts = sample.map((c) => Object.keys((c.input.tags ?? {}) as object).length);
  assert.ok(tagCounts.includes(0) && tagCounts.includes(50), `tag counts ${[...new Set(tagCounts)].sort((a, b) => a - b)}`);
  assert.ok(sample.some((c) => Object.values((c.input.tags ?? {}) as object).includes('')), 'an empty tag value');
  for (const v of ['MD5up', 'SHA256up', 'SHA512up']) assert.ok(sample.some((c) => c.input.eTagAlgorithmFamily === v), v);
  assert.ok(sample.some((c) => [...String(c.input.name)].length === 127), 'a name of 127');
  assert.ok(sample.some((c) => [...String(c.input.name)].length === 1), 'a name of 1');
});

cases('invalid cases reach every breakable rule of CreateSequenceStore', () => {
  const hit = new Set(fc.sample(invalidCase('CreateSequenceStore'), { numRuns: 1500, seed: 9 }).flatMap((c) => c.ruleIds));
  for (const id of ['name:required', 'sseConfig.type:required', 'tags:length.max', 'tags.<key>:length.max', 'tags.<value>:length.max', 'propagatedSetLevelTags:length.max', 'clientToken:length.max', 'sseConfig.keyArn:pattern', 'fallbackLocation:pattern', 'eTagAlgorithmFamily:enum', 'tags:type']) {
    assert.ok(hit.has(`CreateSequenceStore:${id}`), id);
  }
});

cases.run();
