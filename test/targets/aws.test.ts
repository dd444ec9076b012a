import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { awsTarget, serviceUrl } from '../../targets/aws.ts';
import { createOmicsClient } from '../../targets/sdkClient.ts';
import { GUARD_REFUSAL, guardedTarget } from '../../targets/guarded.ts';
import { StoreLedger } from '../../targets/ledger.ts';
import { mockTarget, type MockTarget } from '../../targets/mock.ts';
import { TokenBucket, retryAfterMs, type Clock } from '../../targets/rateLimit.ts';
import type { Observation, Target } from '../../targets/types.ts';
import { RunStores } from '../../suites/stores.ts';
import type { OperationName } from '../../specs/index.ts';

const guard = suite('targets: the aws target and its guard');

/** A target that records which operations reached it. */
function spy(inner: Target): Target & { sent: OperationName[] } {
  const sent: OperationName[] = [];
  return { ...inner, sent, call: (op, input, o) => (sent.push(op), inner.call(op, input, o)) };
}

function foreignStore(mock: MockTarget): { id: string; arn: string } {
  const out = mock.core.invokeNow('CreateSequenceStore', { name: 'someone else', description: 'not ours', tags: { owner: 'another team' } });
  return { id: out.id as string, arn: out.arn as string };
}

/** A clock that only moves when someone sleeps: what a bucket asks for, without waiting. */
function fakeClock(): Clock & { slept: number[]; t: number } {
  const clock = {
    t: 1_000_000,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

guard('refuses to update, delete, tag or untag a store the run did not create, and sends nothing', async () => {
  const mock = mockTarget();
  const inner = spy(mock);
  const target = guardedTarget(inner);
  try {
    const foreign = foreignStore(mock);
    const before = JSON.stringify(mock.core.snapshot());
    const attempts: Array<[OperationName, Record<string, unknown>]> = [
      ['UpdateSequenceStore', { id: foreign.id, description: 'changed' }],
      ['DeleteSequenceStore', { id: foreign.id }],
      ['TagResource', { resourceArn: foreign.arn, tags: { mine: 'now' } }],
      ['UntagResource', { resourceArn: foreign.arn, tagKeys: ['owner'] }],
    ];
    for (const [op, input] of attempts) {
      const obs = await target.call(op, input);
      assert.ok(obs.refused, `${op} was let through`);
      assert.is(obs.client.error?.name, GUARD_REFUSAL);
      assert.match(obs.client.error!.message, /not a store this run created/);
    }
    assert.equal(inner.sent, []);
    assert.is(JSON.stringify(mock.core.snapshot()), before);
  } finally {
    await target.close();
  }
});

guard('reads any store; changes and deletes the stores its own creates made; a label outside the contract goes out', async () => {
  const mock = mockTarget();
  const target = guardedTarget(mock);
  try {
    const foreign = foreignStore(mock);
    assert.is((await target.call('GetSequenceStore', { id: foreign.id })).client.output?.id, foreign.id);
    assert.equal((await target.call('ListTagsForResource', { resourceArn: foreign.arn })).client.output?.tags, { owner: 'another team' });
    assert.ok((await target.call('ListSequenceStores', {})).client.output);

    const created = await target.call('CreateSequenceStore', { name: 'ours' });
    const id = created.client.output!.id as string;
    const arn = created.client.output!.arn as string;
    assert.ok(target.ledger.ownsId(id) && target.ledger.ownsArn(arn));
    assert.ok((await target.call('UpdateSequenceStore', { id, description: 'ours, changed' })).client.output);
    assert.not.ok((await target.call('TagResource', { resourceArn: arn, tags: { a: 'b' } })).client.error);
    assert.not.ok((await target.call('UntagResource', { resourceArn: arn, tagKeys: ['a'] })).client.error);
    assert.equal(target.ledger.outstanding().map((e) => e.id), [id]);
    assert.ok((await target.call('DeleteSequenceStore', { id })).client.output);
    assert.equal(target.ledger.outstanding(), []);

    const invalid = await target.call('UpdateSequenceStore', { id: 'not-an-id', description: 'x' });
    assert.is(invalid.refused, undefined);
    assert.is(invalid.client.error?.name, 'ValidationException');
    assert.is(mock.core.storeCount(), 1);
  } finally {
    await target.close();
  }
});

guard('--max-stores: creates past the budget are refused with the reason, also when they race', async () => {
  const mock = mockTarget();
  const target = guardedTarget(mock, { maxStores: 2 });
  try {
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => target.call('CreateSequenceStore', { name: `budget ${i}` })));
    assert.is(results.filter((r) => r.client.output).length, 2);
    const refused = results.filter((r) => r.refused);
    assert.is(refused.length, 3);
    assert.match(refused[0]!.refused!, /--max-stores 2 reached/);
    assert.is(mock.core.storeCount(), 2);
    assert.is(target.ledger.created, 2);
  } finally {
    await target.close();
  }
});

guard('a sealed ledger (cleanup has begun) refuses every create', async () => {
  const mock = mockTarget();
  const ledger = new StoreLedger();
  const target = guardedTarget(mock, { ledger });
  try {
    ledger.seal();
    const obs = await target.call('CreateSequenceStore', { name: 'too late' });
    assert.match(obs.refused ?? '', /cleaning up/);
    assert.is(mock.core.storeCount(), 0);
  } finally {
    await target.close();
  }
});

guard('cleanup deletes every store in the ledger, tracked by a suite or not, and no other', async () => {
  const mock = mockTarget();
  const target = guardedTarget(mock);
  try {
    const foreign = foreignStore(mock);
    await target.call('CreateSequenceStore', { name: 'untracked one' });
    await target.call('CreateSequenceStore', { name: 'untracked two' });
    const stores = new RunStores(target, 'abcdef012345', { timeoutMs: 5000, settleTimeoutMs: 5000 });
    const fresh = await stores.fresh('tracked');
    assert.is(mock.core.storeCount(), 4);
    const result = await stores.cleanup();
    assert.equal(result, { deleted: 3, left: [] });
    assert.is(mock.core.storeCount(), 1);
    assert.is((await target.call('GetSequenceStore', { id: foreign.id })).client.output?.id, foreign.id);
    assert.is((await target.call('GetSequenceStore', { id: fresh.id })).client.error?.name, 'ResourceNotFoundException');
  } finally {
    await target.close();
  }
});

guard('a create that got no answer is sent again with the same token, so the store it made is in the ledger', async () => {
  const sent: Array<Record<string, unknown>> = [];
  const inner: Target = {
    name: 'flaky',
    kind: 'aws',
    capabilities: new Set(['wire-capture', 'client-view']),
    region: 'us-east-1',
    async call(operation, input): Promise<Observation> {
      sent.push(input);
      if (sent.length === 1) {
        return { operation, input, via: 'sdk', wire: [{ request: { method: 'POST', path: '/sequencestore', headers: {}, body: JSON.stringify({ ...input, clientToken: 'tok-1' }) } }], client: {}, transportError: 'socket hang up', durationMs: 1 };
      }
      return { operation, input, via: 'sdk', client: { output: { id: '1234567890', arn: 'arn:aws:omics:us-east-1:111111111111:sequenceStore/1234567890' } }, durationMs: 1 };
    },
    close: async () => {},
  };
  const target = guardedTarget(inner);
  const first = await target.call('CreateSequenceStore', { name: 'lost answer' });
  assert.is(first.transportError, 'socket hang up');
  assert.is(sent.length, 2);
  assert.is(sent[1]!.clientToken, 'tok-1');
  assert.ok(target.ledger.ownsId('1234567890'));
});

guard('--rate: a token bucket spaces calls; a Retry-After pauses the next ones', async () => {
  const clock = fakeClock();
  const bucket = new TokenBucket(2, 2, clock);
  for (let i = 0; i < 6; i++) await bucket.take();
  // 2 at once, then 4 more at 2 a second: two seconds in all.
  assert.ok(clock.t - 1_000_000 >= 2000 - 1, `elapsed ${clock.t - 1_000_000}`);

  const retryClock = fakeClock();
  const inner: Target = {
    name: 'throttled',
    kind: 'aws',
    capabilities: new Set(['wire-capture', 'client-view']),
    region: 'us-east-1',
    call: async (operation, input) => ({
      operation,
      input,
      via: 'sdk',
      wire: [{ request: { method: 'GET', path: '/', headers: {}, body: '' }, response: { status: 429, headers: { 'retry-after': '3' }, body: '{}' } }],
      client: { error: { name: 'ThrottlingException', message: 'slow down', httpStatus: 429 } },
      durationMs: 1,
    }),
    close: async () => {},
  };
  const target = guardedTarget(inner, { ratePerSecond: 100, clock: retryClock });
  await target.call('ListSequenceStores', {});
  const t0 = retryClock.t;
  await target.call('ListSequenceStores', {});
  assert.ok(retryClock.t - t0 >= 3000, `waited ${retryClock.t - t0} ms`);
  assert.is(retryAfterMs('2', 0), 2000);
  assert.is(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6_000);
  assert.is(retryAfterMs('soon', 0), undefined);
});

guard('the aws target: raw requests go to the regional endpoint with the host prefix; an explicit endpoint keeps the guard', async () => {
  const client = createOmicsClient({ region: 'eu-west-2' });
  try {
    assert.is(serviceUrl(client, 'CreateSequenceStore', 'eu-west-2'), 'https://control-storage-omics.eu-west-2.amazonaws.com');
    assert.is(serviceUrl(client, 'TagResource', 'eu-west-2'), 'https://tags-omics.eu-west-2.amazonaws.com');
  } finally {
    client.destroy();
  }
  const target = awsTarget({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', guard: { maxStores: 1 } });
  try {
    assert.is(target.kind, 'aws');
    const obs = await target.call('DeleteSequenceStore', { id: '1234567890' });
    assert.ok(obs.refused);
  } finally {
    await target.close();
  }
});

guard.run();
