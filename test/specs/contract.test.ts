import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import {
  allRules,
  behaviours,
  errors,
  operationNames,
  operations,
  parseSequenceStoreArn,
  rulesOf,
  sequenceStoreArn,
  patternVerdict,
  SequenceStoreStatus,
  statusTransitions,
  storeStatus,
  type Shape,
} from '../../specs/index.ts';

const contract = suite('specs: the contract as data');

contract('the eight sequence-store operations are described', () => {
  assert.equal([...operationNames].sort(), [
    'CreateSequenceStore',
    'DeleteSequenceStore',
    'GetSequenceStore',
    'ListSequenceStores',
    'ListTagsForResource',
    'TagResource',
    'UntagResource',
    'UpdateSequenceStore',
  ]);
});

contract('every operation error is a known error with a status and fault', () => {
  for (const op of Object.values(operations)) {
    for (const e of op.errors) {
      assert.ok(errors[e], `${op.name}: ${e}`);
      assert.ok(errors[e].httpStatus >= 400 && errors[e].httpStatus < 600);
    }
  }
  assert.is(errors.ServiceQuotaExceededException.httpStatus, 402);
  assert.equal(errors.ThrottlingException.retryable, { throttling: true });
  assert.is(errors.InternalServerException.fault, 'server');
});

contract('every pattern of the contract can be judged: a Unicode regular expression, or a class the pinned Unicode table reads', () => {
  const seen = new Set<string>();
  const visit = (shape: Shape): void => {
    if (shape.type === 'string' && shape.pattern) {
      seen.add(shape.pattern);
      patternVerdict(shape.pattern, 'x');
    }
    if (shape.type === 'list') visit(shape.member);
    if (shape.type === 'map') (visit(shape.key), visit(shape.value));
    if (shape.type === 'structure') for (const m of Object.values(shape.members)) visit(m.target);
  };
  for (const op of Object.values(operations)) (visit(op.input), visit(op.output));
  assert.ok(seen.size >= 8);
});

contract('rules have unique ids and a source; documented rules are SHOULD', () => {
  const rules = allRules();
  assert.is(new Set(rules.map((r) => r.id)).size, rules.length);
  for (const r of rules) assert.ok(r.source.length > 0, r.id);
  const should = rules.filter((r) => r.level === 'SHOULD').map((r) => r.id);
  assert.equal(should, ['CreateSequenceStore:tags:length.max']);
  assert.ok(rulesOf('CreateSequenceStore').some((r) => r.id === 'CreateSequenceStore:name:length.max' && r.value === 127));
});

contract('the default eTagAlgorithmFamily is documented, with its source', () => {
  const member = operations.CreateSequenceStore.input.members.eTagAlgorithmFamily!;
  assert.is(member.documented?.default, 'MD5up');
  assert.ok(behaviours.some((b) => b.id === 'create.etag-default' && b.level === 'SHOULD'));
});

contract('sequence-store ARNs are built and parsed by the resource template', () => {
  const arn = sequenceStoreArn('aws', 'eu-west-1', '123456789012', '9876543210');
  assert.is(arn, 'arn:aws:omics:eu-west-1:123456789012:sequenceStore/9876543210');
  assert.equal(parseSequenceStoreArn(arn), { partition: 'aws', region: 'eu-west-1', account: '123456789012', id: '9876543210' });
  assert.is(parseSequenceStoreArn('arn:aws:omics:eu-west-1:123456789012:referenceStore/1'), undefined);
  assert.is(parseSequenceStoreArn('not-an-arn'), undefined);
});

contract('the status roles are the values of the status enum, and the moves stay inside it', () => {
  const values = [...SequenceStoreStatus.enum!].sort();
  assert.equal(Object.values(storeStatus).sort(), values);
  for (const [from, to] of Object.entries(statusTransitions)) {
    assert.ok(values.includes(from), from);
    for (const t of to) assert.ok(values.includes(t), t);
  }
});

contract.run();
