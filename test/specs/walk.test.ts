import * as assert from 'uvu/assert';
import { mapValue, operations, walkValue, type ValueVisit } from '../../specs/index.ts';
import { suite } from '../support/suite.ts';

const walk = suite('specs: the walk over a value against its shape');

const listOutput = operations.ListSequenceStores.output;
const value = {
  nextToken: 't',
  sequenceStores: [
    { id: '1234567890', creationTime: '2024-01-02T03:04:05Z', unknown: { creationTime: 'x' } },
    { id: '1234567891', creationTime: '2024-01-02T03:04:06Z', status: null },
  ],
  extra: 1,
};

walk('every part the shape describes is visited, parents first, with its path', () => {
  const seen: string[] = [];
  walkValue(listOutput, value, (at) => void seen.push(`${at.path.join('.')}:${at.shape.type}`));
  assert.equal(seen, [
    ':structure',
    'nextToken:string',
    'sequenceStores:list',
    'sequenceStores.0:structure',
    'sequenceStores.0.id:string',
    'sequenceStores.0.creationTime:timestamp',
    'sequenceStores.1:structure',
    'sequenceStores.1.id:string',
    'sequenceStores.1.creationTime:timestamp',
  ]);
});

walk('a structure member comes with its member and the constraints of its shape', () => {
  const visits: ValueVisit[] = [];
  walkValue(operations.CreateSequenceStore.input, { name: 'n', tags: { k: 'v' } }, (at) => void visits.push(at));
  const name = visits.find((v) => v.path.join('.') === 'name')!;
  assert.is(name.member?.required, true);
  assert.ok(name.shape.type === 'string' && name.shape.length?.max !== undefined);
  const tags = visits.find((v) => v.path.join('.') === 'tags')!;
  assert.ok(tags.member?.documented?.length?.max !== undefined);
  const tagValue = visits.find((v) => v.path.join('.') === 'tags.k')!;
  assert.is(tagValue.member, undefined);
  const tagsShape = operations.CreateSequenceStore.input.members.tags!.target;
  assert.ok(tagsShape.type === 'map' && tagValue.shape === tagsShape.value);
});

walk('returning false stops the descent below that part; what the shape does not describe is not entered', () => {
  const seen: string[] = [];
  walkValue(listOutput, value, (at) => {
    seen.push(at.path.join('.'));
    return at.shape.type !== 'list';
  });
  assert.equal(seen, ['', 'nextToken', 'sequenceStores']);
  const wrong: string[] = [];
  walkValue(listOutput, { sequenceStores: 'not a list', nextToken: ['not', 'a', 'string'] }, (at) => void wrong.push(at.path.join('.')));
  assert.equal(wrong, ['', 'sequenceStores', 'nextToken']);
});

walk('mapValue rebuilds the value, leaves replaced, the rest kept as it is', () => {
  const mapped = mapValue(listOutput, value, (at) => (at.shape.type === 'timestamp' ? `T(${String(at.value)})` : at.value));
  assert.equal(mapped, {
    nextToken: 't',
    sequenceStores: [
      { id: '1234567890', creationTime: 'T(2024-01-02T03:04:05Z)', unknown: { creationTime: 'x' } },
      { id: '1234567891', creationTime: 'T(2024-01-02T03:04:06Z)', status: null },
    ],
    extra: 1,
  });
  assert.is(mapValue(listOutput, undefined, () => 'x'), undefined);
  assert.equal(mapValue(listOutput, { sequenceStores: 'not a list' }, () => 'x'), { sequenceStores: 'not a list' });
});

walk.run();
