import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { Case } from '../../generators/case.ts';
import { SentTally } from '../../suites/sent.ts';
import type { Observation } from '../../targets/types.ts';

const sent = suite('suites: what a run sent, counted');

const answer = (operation: Observation['operation'], error?: string, extra: Partial<Observation> = {}): Observation => ({
  operation,
  input: {},
  via: 'sdk',
  client: error ? { error: { name: error, message: 'm' } } : {},
  durationMs: 1,
  ...extra,
});

sent('cases per suite and error types per operation; calls that were not sent or got no answer do not count', () => {
  const t = new SentTally();
  t.caseOf('validation', [answer('CreateSequenceStore', 'ValidationException')]);
  t.caseOf('validation', [answer('CreateSequenceStore', 'ValidationException'), answer('GetSequenceStore', 'ResourceNotFoundException')]);
  t.caseOf('shape', [answer('CreateSequenceStore')]);
  t.caseOf('shape', [answer('CreateSequenceStore', undefined, { refused: 'over the store budget' })]);
  t.caseOf('shape', []);
  t.caseOf('wire', [answer('ListSequenceStores', 'TimeoutError', { transportError: 'no answer within 10 ms' })]);
  const c = t.counts();
  assert.equal(c.suiteCases, { shape: 1, validation: 2, wire: 1 });
  assert.equal(c.errorTypes, { CreateSequenceStore: { ValidationException: 2 }, GetSequenceStore: { ResourceNotFoundException: 1 } });
});

sent('per rule, the valid and invalid cases that exercised it; open cases count on neither side', () => {
  const t = new SentTally();
  const base = { operation: 'CreateSequenceStore', input: {}, send: 'sdk', label: 'l', phase: 'boundary' } as const;
  const valid: Case = { ...base, expect: { outcome: 'accepted' }, ruleIds: ['A', 'B'] };
  const invalid: Case = { ...base, expect: { outcome: 'rejected', error: 'ValidationException', violations: [] }, ruleIds: ['A'] };
  const open: Case = { ...base, expect: { outcome: 'open', because: 'b' }, ruleIds: ['A', 'B'] };
  for (const x of [valid, valid, invalid, open]) t.rulesOf(x);
  assert.equal(t.counts().ruleCases, { A: { valid: 2, invalid: 1 }, B: { valid: 2, invalid: 0 } });
});

sent.run();
