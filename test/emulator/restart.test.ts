// --state-file: the stores, their tags, remembered tokens and page positions survive a restart.
import { CreateSequenceStoreCommand, GetSequenceStoreCommand, ListSequenceStoresCommand, ListTagsForResourceCommand, TagResourceCommand } from '@aws-sdk/client-omics';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startEmulator } from '../../emulator/index.ts';
import { account, omicsClient, rawRequest, region } from './helpers.ts';
import { loadStateFile } from '../../emulator/persistence/stateFile.ts';

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

test('a state file that cannot be written is refused at start-up', async () => {
  try {
    await startEmulator({ stateFile: join(dir, 'no-such-directory', 'state.json') });
    assert.unreachable('started with an unwritable state file');
  } catch (error) {
    assert.match((error as Error).message, /^cannot write the state file .*no-such-directory\/state\.json: ENOENT/);
  }
});

test('a change the state file cannot take is answered 500 and not acknowledged; reads go on; writing again heals it', async () => {
  const own = join(dir, 'goes-away');
  mkdirSync(own);
  const stateFile = join(own, 'state.json');
  const emulator = await startEmulator({ region, account, stateFile });
  const original = console.error;
  const reported: string[] = [];
  try {
    const made = await rawRequest(emulator.url, 'POST', '/sequencestore', '{"name":"saved"}');
    assert.is(made.status, 200);
    const id = JSON.parse(made.body).id as string;
    console.error = (...args: unknown[]) => void reported.push(args.join(' '));
    rmSync(own, { recursive: true }); // the directory goes away under the running emulator
    const refused = await rawRequest(emulator.url, 'POST', '/sequencestore', '{"name":"not saved"}');
    assert.is(refused.status, 500);
    assert.is(refused.headers['x-amzn-errortype'], 'InternalServerException');
    assert.match(JSON.parse(refused.body).message, /could not be saved to the emulator's state file: .*ENOENT/);
    assert.match(reported.join('\n'), /state file: .*ENOENT/);
    const read = await rawRequest(emulator.url, 'GET', `/sequencestore/${id}`);
    assert.is(read.status, 200, 'a read changes nothing and is answered');

    mkdirSync(own);
    const healed = await rawRequest(emulator.url, 'POST', '/sequencestore', '{"name":"saved again"}');
    assert.is(healed.status, 200);
    const saved = JSON.stringify(await loadStateFile(stateFile));
    assert.ok(saved.includes('saved again'));
  } finally {
    console.error = original;
    await emulator.close();
  }
});

test.run();
