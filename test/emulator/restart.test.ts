// --state-file: the stores, their tags, remembered tokens and page positions survive a restart.
import { CreateSequenceStoreCommand, GetSequenceStoreCommand, ListSequenceStoresCommand, ListTagsForResourceCommand, TagResourceCommand } from '@aws-sdk/client-omics';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startEmulator } from '../../emulator/index.ts';
import { account, omicsClient, region } from './helpers.ts';

const test = suite('emulator: state survives a restart with a state file');
const dir = mkdtempSync(join(tmpdir(), 'omics-emulator-state-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('stores, tags, tokens and page tokens are there after a restart', async () => {
  const stateFile = join(dir, 'state.json');
  const first = await startEmulator({ region, account, stateFile });
  let client = omicsClient(first.url);
  const created = await client.send(new CreateSequenceStoreCommand({ name: 'kept', clientToken: 'keep-1', tags: { a: '1' } }));
  for (let i = 0; i < 3; i++) await client.send(new CreateSequenceStoreCommand({ name: `more${i}` }));
  await client.send(new TagResourceCommand({ resourceArn: created.arn, tags: { b: '2' } }));
  const page = await client.send(new ListSequenceStoresCommand({ maxResults: 2 }));
  client.destroy();
  await first.close();

  const second = await startEmulator({ region, account, stateFile });
  client = omicsClient(second.url);
  try {
    const got = await client.send(new GetSequenceStoreCommand({ id: created.id }));
    assert.is(got.name, 'kept');
    assert.equal(got.creationTime, created.creationTime);
    assert.equal((await client.send(new ListTagsForResourceCommand({ resourceArn: created.arn }))).tags, { a: '1', b: '2' });
    const rest = await client.send(new ListSequenceStoresCommand({ nextToken: page.nextToken }));
    assert.equal(rest.sequenceStores!.map((s) => s.name), ['more1', 'more2']);
    const replay = await client.send(new CreateSequenceStoreCommand({ name: 'kept', clientToken: 'keep-1', tags: { a: '1' } }));
    assert.is(replay.id, created.id);
    assert.is(second.core.storeCount(), 4);
  } finally {
    client.destroy();
    await second.close();
  }
});

test('an unreadable state file stops the start with a clear error', async () => {
  const stateFile = join(dir, 'broken.json');
  writeFileSync(stateFile, '{ not json');
  try {
    await startEmulator({ stateFile });
    assert.unreachable('started with a broken state file');
  } catch (error) {
    assert.match((error as Error).message, /broken\.json/);
  }
});

test.run();
