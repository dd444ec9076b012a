// Every operation through the real @aws-sdk/client-omics client over HTTP, and every error the
// emulator can give, with its SDK class, $fault and HTTP status.
import {
  AccessDeniedException,
  ConflictException,
  CreateSequenceStoreCommand,
  DeleteSequenceStoreCommand,
  GetSequenceStoreCommand,
  InternalServerException,
  ListSequenceStoresCommand,
  ListTagsForResourceCommand,
  RequestTimeoutException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  TagResourceCommand,
  ThrottlingException,
  UntagResourceCommand,
  UpdateSequenceStoreCommand,
  ValidationException,
} from '@aws-sdk/client-omics';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { outputSchema, schemaErrors, S3AccessPointArn, S3Uri, matchesPattern } from '../../specs/index.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { account, omicsClient, region, rejection } from './helpers.ts';

const test = suite('emulator: every operation through @aws-sdk/client-omics');
const JSON_BODY = { 'content-type': 'application/json' };
let emulator: RunningEmulator;
/** How far the emulator's clock runs ahead of the wall clock. */
let clockAhead = 0;
let client: ReturnType<typeof omicsClient>;

test.before(async () => {
  emulator = await startEmulator({ region, account, now: () => Date.now() + clockAhead });
  client = omicsClient(emulator.url);
});
test.after(async () => {
  client.destroy();
  await emulator.close();
});

const full = {
  name: 'full store',
  description: 'every member set',
  sseConfig: { type: 'KMS' as const, keyArn: 'arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
  tags: { team: 'genomics', env: 'test' },
  clientToken: 'token-full-1',
  fallbackLocation: 's3://my-bucket/fallback/',
  eTagAlgorithmFamily: 'SHA256up' as const,
  propagatedSetLevelTags: ['team'],
  s3AccessConfig: { accessLogLocation: 's3://my-logs/omics/' },
};

test('CreateSequenceStore echoes every member and gives an id, an ARN, s3Access and a status', async () => {
  const out = await client.send(new CreateSequenceStoreCommand(full));
  assert.is(out.$metadata.httpStatusCode, 200);
  assert.match(out.id!, /^[0-9]{10,36}$/);
  assert.is(out.arn, `arn:aws:omics:${region}:${account}:sequenceStore/${out.id}`);
  assert.is(out.name, full.name);
  assert.is(out.description, full.description);
  assert.equal(out.sseConfig, full.sseConfig);
  assert.is(out.fallbackLocation, full.fallbackLocation);
  assert.is(out.eTagAlgorithmFamily, 'SHA256up');
  assert.equal(out.propagatedSetLevelTags, ['team']);
  assert.is(out.status, 'ACTIVE');
  assert.ok(out.creationTime instanceof Date && !Number.isNaN(out.creationTime.getTime()));
  assert.ok(matchesPattern(S3Uri.pattern!, out.s3Access!.s3Uri!), out.s3Access!.s3Uri);
  assert.ok(matchesPattern(S3AccessPointArn.pattern!, out.s3Access!.s3AccessPointArn!), out.s3Access!.s3AccessPointArn);
  assert.is(out.s3Access!.accessLogLocation, full.s3AccessConfig.accessLogLocation);
});

test('the raw JSON bodies of the successes match the output schemas from specs/', async () => {
  const timeout = () => AbortSignal.timeout(5000);
  const createdRaw = await fetch(`${emulator.url}/sequencestore`, { method: 'POST', headers: JSON_BODY, body: JSON.stringify({ ...full, clientToken: 'schema' }), signal: timeout() });
  const created = (await createdRaw.json()) as { id: string; arn: string };
  assert.equal(schemaErrors(outputSchema('CreateSequenceStore', { closed: true }), created), []);
  const updated = await fetch(`${emulator.url}/sequencestore/${created.id}`, { method: 'PATCH', headers: JSON_BODY, body: '{"description":"new"}', signal: timeout() });
  assert.equal(schemaErrors(outputSchema('UpdateSequenceStore', { closed: true }), await updated.json()), []);
  const get = await fetch(`${emulator.url}/sequencestore/${created.id}`, { signal: timeout() });
  assert.equal(schemaErrors(outputSchema('GetSequenceStore', { closed: true }), await get.json()), []);
  const list = await fetch(`${emulator.url}/sequencestores?maxResults=3`, { method: 'POST', headers: JSON_BODY, body: '{}', signal: timeout() });
  assert.equal(schemaErrors(outputSchema('ListSequenceStores', { closed: true }), await list.json()), []);
  const tags = await fetch(`${emulator.url}/tags/${encodeURIComponent(created.arn)}`, { signal: timeout() });
  assert.equal(schemaErrors(outputSchema('ListTagsForResource', { closed: true }), await tags.json()), []);
});

test('GetSequenceStore returns the store with updateTime; a missing id is ResourceNotFoundException (404)', async () => {
  const created = await client.send(new CreateSequenceStoreCommand({ name: 'get me' }));
  const got = await client.send(new GetSequenceStoreCommand({ id: created.id }));
  assert.is(got.id, created.id);
  assert.is(got.eTagAlgorithmFamily, 'MD5up', 'the documented default');
  assert.ok(got.updateTime instanceof Date);
  const error = await rejection(client.send(new GetSequenceStoreCommand({ id: '9999999999' })));
  assert.instance(error, ResourceNotFoundException);
  assert.is(error.$fault, 'client');
  assert.is(error.$metadata.httpStatusCode, 404);
  assert.match(error.message, /9999999999/);
});

test('ListSequenceStores filters by name and pages with nextToken', async () => {
  for (let i = 0; i < 5; i++) await client.send(new CreateSequenceStoreCommand({ name: 'paged' }));
  const seen: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new ListSequenceStoresCommand({ maxResults: 2, filter: { name: 'paged' }, nextToken }));
    assert.ok(page.sequenceStores!.length <= 2);
    seen.push(...page.sequenceStores!.map((s) => s.id!));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  assert.is(seen.length, 5);
  assert.is(new Set(seen).size, 5);
  assert.is(pages, 3);
});

test('UpdateSequenceStore changes the members given and the updateTime', async () => {
  const created = await client.send(new CreateSequenceStoreCommand({ name: 'before', description: 'd' }));
  clockAhead += 1000; // the emulator's clock moves on; the wall clock need not
  const updated = await client.send(new UpdateSequenceStoreCommand({ id: created.id, name: 'after', fallbackLocation: 's3://b-b/x/' }));
  assert.is(updated.name, 'after');
  assert.is(updated.description, 'd');
  assert.is(updated.fallbackLocation, 's3://b-b/x/');
  assert.ok(updated.updateTime!.getTime() > created.creationTime!.getTime());
});

test('TagResource merges, UntagResource removes, ListTagsForResource lists (204 and 200)', async () => {
  const created = await client.send(new CreateSequenceStoreCommand({ name: 'tagged', tags: { a: '1' } }));
  const tagged = await client.send(new TagResourceCommand({ resourceArn: created.arn, tags: { b: '2', a: 'one' } }));
  assert.is(tagged.$metadata.httpStatusCode, 204);
  let listed = await client.send(new ListTagsForResourceCommand({ resourceArn: created.arn }));
  assert.equal(listed.tags, { a: 'one', b: '2' });
  const untagged = await client.send(new UntagResourceCommand({ resourceArn: created.arn, tagKeys: ['a', 'missing'] }));
  assert.is(untagged.$metadata.httpStatusCode, 204);
  listed = await client.send(new ListTagsForResourceCommand({ resourceArn: created.arn }));
  assert.equal(listed.tags, { b: '2' });
  const error = await rejection(client.send(new ListTagsForResourceCommand({ resourceArn: `arn:aws:omics:${region}:${account}:sequenceStore/1111111111` })));
  assert.instance(error, ResourceNotFoundException);
});

test('DeleteSequenceStore removes the store; a second delete is ResourceNotFoundException', async () => {
  const created = await client.send(new CreateSequenceStoreCommand({ name: 'doomed' }));
  const deleted = await client.send(new DeleteSequenceStoreCommand({ id: created.id }));
  assert.is(deleted.$metadata.httpStatusCode, 200);
  const error = await rejection(client.send(new GetSequenceStoreCommand({ id: created.id })));
  assert.instance(error, ResourceNotFoundException);
  assert.instance(await rejection(client.send(new DeleteSequenceStoreCommand({ id: created.id }))), ResourceNotFoundException);
});

test('a request breaking the contract is ValidationException (400) naming the field', async () => {
  const error = await rejection(client.send(new CreateSequenceStoreCommand({ name: 'x'.repeat(128) })));
  assert.instance(error, ValidationException);
  assert.is(error.$fault, 'client');
  assert.is(error.$metadata.httpStatusCode, 400);
  assert.match(error.message, /^name: length must be at most 127/);
  const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
  const tags = await rejection(client.send(new CreateSequenceStoreCommand({ name: 'many tags', tags: tooMany })));
  assert.instance(tags, ValidationException);
  assert.match(tags.message, /tags: length must be at most 50/);
  const page = await rejection(client.send(new ListSequenceStoresCommand({ maxResults: 101 })));
  assert.instance(page, ValidationException);
  assert.match(page.message, /maxResults: must be at most 100/);
});

test('an update while the store is CREATING is ConflictException (409)', async () => {
  emulator.core.setBehaviour({ createDelayMs: 60_000 });
  try {
    const created = await client.send(new CreateSequenceStoreCommand({ name: 'slow' }));
    assert.is(created.status, 'CREATING');
    const error = await rejection(client.send(new UpdateSequenceStoreCommand({ id: created.id, name: 'no' })));
    assert.instance(error, ConflictException);
    assert.is(error.$metadata.httpStatusCode, 409);
  } finally {
    emulator.core.setBehaviour({ createDelayMs: 0 });
  }
});

test('the quota gives ServiceQuotaExceededException (402)', async () => {
  emulator.core.setBehaviour({ quota: emulator.core.storeCount() });
  try {
    const error = await rejection(client.send(new CreateSequenceStoreCommand({ name: 'over quota' })));
    assert.instance(error, ServiceQuotaExceededException);
    assert.is(error.$metadata.httpStatusCode, 402);
    assert.is(error.$fault, 'client');
  } finally {
    emulator.core.setBehaviour({ quota: undefined });
  }
});

test('injected faults arrive as their SDK classes: Throttling 429, InternalServer 500, RequestTimeout 408, AccessDenied 403', async () => {
  const cases = [
    [ThrottlingException, 429, 'client'],
    [InternalServerException, 500, 'server'],
    [RequestTimeoutException, 408, 'client'],
    [AccessDeniedException, 403, 'client'],
  ] as const;
  for (const [cls, status, fault] of cases) {
    emulator.core.faults.configure({ script: [{ operation: 'GetSequenceStore', count: 1, error: cls.name as never }] });
    const error = await rejection(client.send(new GetSequenceStoreCommand({ id: '1234567890' })));
    assert.instance(error, cls);
    assert.is(error.$metadata.httpStatusCode, status);
    assert.is(error.$fault, fault);
  }
  assert.instance(await rejection(client.send(new GetSequenceStoreCommand({ id: '1234567890' }))), ResourceNotFoundException, 'the script is used up');
});

test('a retried create with the same clientToken returns the first store; another request with it is refused', async () => {
  const before = emulator.core.storeCount();
  const first = await client.send(new CreateSequenceStoreCommand({ name: 'once', clientToken: 'sdk-idem-1' }));
  const again = await client.send(new CreateSequenceStoreCommand({ name: 'once', clientToken: 'sdk-idem-1' }));
  assert.is(again.id, first.id);
  assert.is(emulator.core.storeCount(), before + 1);
  const other = await rejection(client.send(new CreateSequenceStoreCommand({ name: 'twice', clientToken: 'sdk-idem-1' })));
  assert.instance(other, ValidationException);
  assert.match(other.message, /^clientToken:/);
});

test('paging over HTTP while other clients create and delete stores loses and repeats nothing', async () => {
  const prefix = 'concurrent';
  const initial: string[] = [];
  for (let i = 0; i < 20; i++) initial.push((await client.send(new CreateSequenceStoreCommand({ name: prefix })))!.id!);
  const deletions = new Set(initial.filter((_, i) => i % 3 === 1));
  const seen: string[] = [];
  let nextToken: string | undefined;
  let round = 0;
  do {
    const [page] = await Promise.all([
      client.send(new ListSequenceStoresCommand({ maxResults: 3, filter: { name: prefix }, nextToken })),
      client.send(new CreateSequenceStoreCommand({ name: prefix })),
      ...[...deletions].slice(round * 2, round * 2 + 2).map((id) => client.send(new DeleteSequenceStoreCommand({ id }))),
    ]);
    seen.push(...page.sequenceStores!.map((s) => s.id!));
    nextToken = page.nextToken;
    round++;
  } while (nextToken && round < 200);
  assert.is(new Set(seen).size, seen.length, 'no store on two pages');
  for (const id of initial) if (!deletions.has(id)) assert.ok(seen.includes(id), `store ${id} that lived throughout is missing`);
});

test('every response carries x-amzn-requestid, and the SDK reads it', async () => {
  const out = await client.send(new ListSequenceStoresCommand({}));
  assert.match(out.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
});

test.run();
