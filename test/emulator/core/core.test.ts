// The transport-free core: lifecycle on a moved clock, pagination while the list changes,
// idempotency choices, quota, tag limits, seeded faults, and snapshots.
import { suite } from '../../support/suite.ts';
import * as assert from 'uvu/assert';
import { createCore, parseFaultSpec, ServiceError, type CoreOptions } from '../../../emulator/index.ts';

function fixture(options: CoreOptions = {}) {
  let now = Date.parse('2025-01-01T00:00:00Z');
  const core = createCore({ ...options, now: () => now });
  return { core, advance: (ms: number) => (now += ms), create: (input: Record<string, unknown> = {}) => core.invokeNow('CreateSequenceStore', { name: 'store', ...input }) };
}

function failure(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

const test = suite('emulator core');

test('CREATING becomes ACTIVE after the create delay; UPDATING after an update; DELETING then gone', () => {
  const { core, advance, create } = fixture({ behaviour: { createDelayMs: 100, updateDelayMs: 50, deleteDelayMs: 200 } });
  const { id } = create() as { id: string };
  const status = () => core.invokeNow('GetSequenceStore', { id }).status;
  assert.is(status(), 'CREATING');
  advance(99);
  assert.is(status(), 'CREATING');
  advance(1);
  assert.is(status(), 'ACTIVE');
  assert.is(core.invokeNow('UpdateSequenceStore', { id, name: 'renamed' }).status, 'UPDATING');
  assert.is(failure(() => core.invokeNow('DeleteSequenceStore', { id })).errorName, 'ConflictException');
  advance(50);
  assert.is(status(), 'ACTIVE');
  core.invokeNow('DeleteSequenceStore', { id });
  assert.is(status(), 'DELETING');
  assert.equal(core.invokeNow('DeleteSequenceStore', { id }), {}, 'deleting again while DELETING succeeds');
  assert.is(core.storeCount(), 1);
  advance(200);
  assert.is(failure(status).errorName, 'ResourceNotFoundException');
  assert.is(core.storeCount(), 0);
});

test('a delay of 0 means ACTIVE at once and gone at once', () => {
  const { core, create } = fixture();
  const created = create() as { id: string; status: string };
  assert.is(created.status, 'ACTIVE');
  core.invokeNow('DeleteSequenceStore', { id: created.id });
  assert.is(core.storeCount(), 0);
});

test('ids are digits within the spec length and unique; the same seed gives the same ids', () => {
  const a = fixture({ seed: 7 });
  const b = fixture({ seed: 7 });
  const ids = Array.from({ length: 200 }, () => (a.create() as { id: string }).id);
  assert.ok(ids.every((id) => /^[0-9]{10,36}$/.test(id)));
  assert.is(new Set(ids).size, ids.length);
  assert.is((b.create() as { id: string }).id, ids[0]);
});

test('pages lose and repeat nothing while stores are created and deleted between them', () => {
  const { core, create } = fixture();
  const initial = Array.from({ length: 30 }, (_, i) => (create({ name: `s${i}` }) as { id: string }).id);
  const seen: string[] = [];
  const deleted = new Set<string>();
  const createdDuring: string[] = [];
  let nextToken: string | undefined;
  let round = 0;
  do {
    const page = core.invokeNow('ListSequenceStores', { maxResults: 4, ...(nextToken ? { nextToken } : {}) }) as { sequenceStores: { id: string }[]; nextToken?: string };
    seen.push(...page.sequenceStores.map((s) => s.id));
    nextToken = page.nextToken;
    // Between pages: delete one not yet seen and one already seen, and create one.
    const unseen = initial.find((id) => !seen.includes(id) && !deleted.has(id));
    if (unseen && round % 2 === 0) {
      core.invokeNow('DeleteSequenceStore', { id: unseen });
      deleted.add(unseen);
    }
    core.invokeNow('DeleteSequenceStore', { id: seen[round]! });
    createdDuring.push((create({ name: `new${round}` }) as { id: string }).id);
    round++;
  } while (nextToken && round < 100);
  assert.is(new Set(seen).size, seen.length, 'no store twice');
  for (const id of initial) if (!deleted.has(id)) assert.ok(seen.includes(id), `store ${id} that existed throughout was listed`);
  for (const id of seen) assert.not.ok(deleted.has(id), 'no store deleted before its page was listed');
  assert.ok(createdDuring.slice(0, -1).every((id) => seen.includes(id)), 'stores created before the last page are on a later page');
});

test('list filters by name, status and created/updated ranges (inclusive)', () => {
  const { core, advance, create } = fixture({ behaviour: { createDelayMs: 10 } });
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  create({ name: 'a' });
  advance(1000);
  const b = create({ name: 'b' }) as { id: string };
  advance(1000);
  create({ name: 'a' });
  const ids = (filter: Record<string, unknown>) => (core.invokeNow('ListSequenceStores', { filter }).sequenceStores as { name: string }[]).map((s) => s.name);
  assert.equal(ids({ name: 'a' }), ['a', 'a']);
  assert.equal(ids({ status: 'CREATING' }), ['a']);
  assert.equal(ids({ status: 'ACTIVE' }), ['a', 'b']);
  assert.equal(ids({ createdAfter: new Date(t0 + 1000).toISOString(), createdBefore: new Date(t0 + 1000).toISOString() }), ['b']);
  advance(1000);
  core.invokeNow('UpdateSequenceStore', { id: b.id, description: 'x' });
  assert.equal(ids({ updatedAfter: new Date(t0 + 3000).toISOString() }), ['b']);
  assert.equal(ids({ updatedBefore: new Date(t0 + 2999).toISOString() }), ['a', 'a']);
});

test('idempotency: same token and request replays the first response and creates nothing', () => {
  const { core, create } = fixture();
  const first = create({ clientToken: 't1', tags: { a: '1' } });
  const again = create({ clientToken: 't1', tags: { a: '1' } });
  assert.equal(again, first);
  assert.is(core.storeCount(), 1);
  const error = failure(() => create({ clientToken: 't1', tags: { a: '2' } }));
  assert.is(error.errorName, 'ValidationException');
  assert.match(error.message, /^clientToken:/);
  assert.is(core.storeCount(), 1);
});

test('idempotency: the mismatch behaviour is a switch (original, new)', () => {
  const original = fixture({ behaviour: { idempotencyMismatch: 'original' } });
  const a = original.create({ clientToken: 't' });
  assert.equal(original.create({ clientToken: 't', name: 'other' }), a);
  assert.is(original.core.storeCount(), 1);
  const fresh = fixture({ behaviour: { idempotencyMismatch: 'new' } });
  fresh.create({ clientToken: 't' });
  fresh.create({ clientToken: 't', name: 'other' });
  assert.is(fresh.core.storeCount(), 2);
});

test('the quota refuses the store over it with ServiceQuotaExceededException', () => {
  const { core, create } = fixture({ behaviour: { quota: 2 } });
  create();
  const { id } = create() as { id: string };
  assert.is(failure(() => create()).errorName, 'ServiceQuotaExceededException');
  core.invokeNow('DeleteSequenceStore', { id });
  create();
});

test('tags: at most 50 per resource after a merge; documented create limit is a switch', () => {
  const { core, create } = fixture();
  const tags = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
  const { arn } = create({ tags: tags(40) }) as { arn: string };
  core.invokeNow('TagResource', { resourceArn: arn, tags: tags(10, 'm') });
  const error = failure(() => core.invokeNow('TagResource', { resourceArn: arn, tags: { extra: 'v' } }));
  assert.is(error.errorName, 'ValidationException');
  assert.match(error.message, /^tags:/);
  assert.is(failure(() => create({ tags: tags(51) })).errorName, 'ValidationException');
  const lenient = fixture({ behaviour: { enforceDocumentedLimits: false } });
  assert.is(Object.keys((lenient.core.invokeNow('ListTagsForResource', { resourceArn: (lenient.create({ tags: tags(51) }) as { arn: string }).arn }) as { tags: object }).tags).length, 51);
  const other = `arn:aws:omics:us-west-2:${core.config.account}:sequenceStore/1234567890`;
  assert.is(failure(() => core.invokeNow('ListTagsForResource', { resourceArn: other })).errorName, 'ResourceNotFoundException');
});

test('rate faults are a function of the seed; scripted faults come first and run out', async () => {
  const runs = (seed: number) => {
    const core = createCore({ seed, faults: { rate: 0.5, errors: [], operations: [], latencyMs: [0, 0], script: [] } });
    return Array.from({ length: 40 }, () => core.faults.decide('ListSequenceStores').error?.errorName ?? 'ok').join(',');
  };
  assert.is(runs(3), runs(3));
  assert.ok(runs(3).includes('ok') && /Exception/.test(runs(3)));
  const core = createCore(parseFaultSpec('next=2:CreateSequenceStore:ThrottlingException') as CoreOptions);
  core.faults.configure(parseFaultSpec('next=2:CreateSequenceStore:ThrottlingException'));
  const outcomes: string[] = [];
  for (let i = 0; i < 3; i++) outcomes.push(await core.invoke('CreateSequenceStore', { name: 'n' }).then(() => 'ok', (e: ServiceError) => e.errorName));
  assert.equal(outcomes, ['ThrottlingException', 'ThrottlingException', 'ok']);
});

test('parseFaultSpec reads every key and refuses what it does not know', () => {
  assert.equal(parseFaultSpec('rate=0.25,errors=ThrottlingException+InternalServerException,ops=GetSequenceStore,latency=5-10,seed=9,next=1:*:RequestTimeoutException'), {
    rate: 0.25,
    errors: ['ThrottlingException', 'InternalServerException'],
    operations: ['GetSequenceStore'],
    latencyMs: [5, 10],
    seed: 9,
    script: [{ count: 1, operation: '*', error: 'RequestTimeoutException' }],
  });
  assert.throws(() => parseFaultSpec('rate=2'), /rate: must be a number from 0 to 1/);
  assert.throws(() => parseFaultSpec('next=1:Nope:ThrottlingException'), /unknown operation 'Nope'/);
  assert.throws(() => parseFaultSpec('bogus=1'), /unknown fault key 'bogus'/);
});

test('a snapshot is plain JSON and restores every store, tag, token and page position', () => {
  const { core, create } = fixture({ behaviour: { createDelayMs: 100 } });
  for (let i = 0; i < 5; i++) create({ name: `s${i}`, clientToken: `tok${i}`, tags: { i: String(i) } });
  const page = core.invokeNow('ListSequenceStores', { maxResults: 2 }) as { nextToken: string };
  const json = JSON.parse(JSON.stringify(core.snapshot()));
  const restored = fixture();
  restored.core.restore(json);
  assert.equal(restored.core.snapshot(), core.snapshot());
  const rest = restored.core.invokeNow('ListSequenceStores', { nextToken: page.nextToken }) as { sequenceStores: { name: string }[] };
  assert.equal(rest.sequenceStores.map((s) => s.name), ['s2', 's3', 's4']);
  assert.is(restored.core.invokeNow('CreateSequenceStore', { name: 's0', clientToken: 'tok0', tags: { i: '0' } }).name, 's0');
  assert.is(restored.core.storeCount(), 5, 'the remembered token replayed');
  assert.throws(() => restored.core.restore({ format: 'something else' }), /not written by this emulator/);
});

test.run();
