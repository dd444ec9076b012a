import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { createCore, DeviationError, ServiceError } from '../../emulator/index.ts';

const deviations = suite('emulator: deviations, each one named departure from the contract');

deviations('names that are not in the contract are refused when the emulator is made', () => {
  assert.throws(() => createCore({ deviations: { unenforcedRules: ['CreateSequenceStore:nom:length.max'] } }), (e: unknown) => e instanceof DeviationError && /no rule 'CreateSequenceStore:nom:length\.max'/.test((e as Error).message));
  assert.throws(() => createCore({ deviations: { droppedOutputMembers: { CreateBucket: ['name'] } as never } }), /no operation 'CreateBucket'/);
  assert.throws(() => createCore({ deviations: { errors: { TeapotException: { status: 418 } } as never } }), /no modelled error 'TeapotException'/);
});

deviations('without deviations the core follows the contract', () => {
  const core = createCore();
  assert.throws(() => core.invokeNow('CreateSequenceStore', { name: 'n'.repeat(128) }), (e: unknown) => e instanceof ServiceError && e.httpStatus === 400 && e.wireType === 'ValidationException');
});

deviations('an unenforced rule, a renamed error, a dropped member, late validation', () => {
  const core = createCore({
    deviations: {
      unenforcedRules: ['CreateSequenceStore:name:length.max'],
      errors: { ResourceNotFoundException: { type: 'NoSuchStore', status: 400 } },
      droppedOutputMembers: { GetSequenceStore: ['arn'] },
      validateAfterEffect: true,
    },
  });
  const created = core.invokeNow('CreateSequenceStore', { name: 'n'.repeat(128) });
  assert.ok(created.id);
  assert.not.ok('arn' in core.invokeNow('GetSequenceStore', { id: created.id }));
  assert.throws(() => core.invokeNow('GetSequenceStore', { id: '0'.repeat(10) }), (e: unknown) => e instanceof ServiceError && e.wireType === 'NoSuchStore' && e.httpStatus === 400);
  const before = core.storeCount();
  assert.throws(() => core.invokeNow('CreateSequenceStore', { name: 'late', description: '' }), /description/);
  assert.is(core.storeCount(), before + 1, 'the refused create still made its store');
});

deviations('a forgotten token, a delete that keeps the store, tags replaced, pages that skip one', () => {
  const core = createCore({ deviations: { ignoreClientToken: true, deleteKeepsStore: true, tagReplaces: true, pagesSkipOne: true } });
  const a = core.invokeNow('CreateSequenceStore', { name: 'a', clientToken: 't', tags: { k1: 'v' } });
  const b = core.invokeNow('CreateSequenceStore', { name: 'a', clientToken: 't', tags: { k1: 'v' } });
  assert.is.not(a.id, b.id, 'the same token made a second store');
  core.invokeNow('DeleteSequenceStore', { id: a.id });
  assert.is(core.invokeNow('GetSequenceStore', { id: a.id }).id, a.id, 'still there after delete');
  core.invokeNow('TagResource', { resourceArn: a.arn, tags: { k2: 'v' } });
  assert.equal(core.invokeNow('ListTagsForResource', { resourceArn: a.arn }).tags, { k2: 'v' });
  core.invokeNow('CreateSequenceStore', { name: 'c' });
  const first = core.invokeNow('ListSequenceStores', { maxResults: 1 });
  const second = core.invokeNow('ListSequenceStores', { maxResults: 1, nextToken: first.nextToken });
  assert.equal(second.sequenceStores, [], 'the second page lost its store');
});

deviations('requests deduplicated by content, faults that strike after the effect', async () => {
  const byRequest = createCore({ deviations: { idempotencyByRequest: true } });
  const a = byRequest.invokeNow('CreateSequenceStore', { name: 'same', clientToken: 't1' });
  assert.is(byRequest.invokeNow('CreateSequenceStore', { name: 'same', clientToken: 't2' }).id, a.id, 'a new token with the same request got the first store');
  assert.is.not(byRequest.invokeNow('CreateSequenceStore', { name: 'other', clientToken: 't1' }).id, a.id);
  const late = createCore({ deviations: { faultAfterEffect: true }, faults: { rate: 0, errors: [], operations: [], latencyMs: [0, 0], script: [{ operation: 'CreateSequenceStore', count: 1, error: 'InternalServerException' }] } });
  await late.invoke('CreateSequenceStore', { name: 'lost', clientToken: 't' }).then(() => assert.unreachable('the fault'), (e: unknown) => assert.ok(e instanceof ServiceError && e.httpStatus === 500));
  assert.is(late.storeCount(), 1, 'the failed call still made its store');
  const retried = await late.invoke('CreateSequenceStore', { name: 'lost', clientToken: 't' });
  assert.is(late.storeCount(), 1, 'the retry with the same token got that store back');
  assert.ok(retried.id);
});

deviations.run();
