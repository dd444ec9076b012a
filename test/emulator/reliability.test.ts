// The emulator under concurrency and crashes, at CI size (bench/reliability.ts runs the same
// scenarios, bench/_reliability.ts, at full size). Each test has a time limit inside its scenario.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { killUnderWriteLoad, listingUnderChurn, reliabilitySeed, sameTokenCreates } from '../../bench/_reliability.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { suite } from '../support/suite.ts';

const test = suite('emulator: reliability under concurrency and SIGKILL');
const seed = reliabilitySeed();
console.log(`  seed ${seed} (RELIABILITY_SEED=${seed} replays it)`);

test('1,000 concurrent creates with one clientToken make one store, and every answer names it', async () => {
  const r = await sameTokenCreates({ calls: 1000, sockets: 128, timeLimitMs: 60_000 });
  assert.equal(r.failures, []);
  assert.is(r.answers, 1000);
  assert.is(r.distinctIds, 1);
  assert.is(r.stores, 1);
});

test('a List walk lists each of 1,000 stores once; a walk during creates and deletes lists every store that lived through it once, and nothing else', async () => {
  const r = await listingUnderChurn({ stores: 1000, clients: 16, churnClients: 4, churnPageSize: 10, seed, timeLimitMs: 90_000 });
  assert.equal(r.createFailures, []);
  assert.equal(r.churnFailures, []);
  assert.is(r.created, 1000);
  assert.equal({ ...r.quiet, pages: 0, wallMs: 0 }, { listed: 1000, pages: 0, wallMs: 0, duplicates: 0, neverExisted: 0, required: 1000, missing: 0 });
  const { missing, duplicates, neverExisted, listedAfterDelete } = r.churn;
  assert.equal({ missing, duplicates, neverExisted, listedAfterDelete }, { missing: 0, duplicates: 0, neverExisted: 0, listedAfterDelete: 0 });
  assert.ok(r.churn.churnDeletes > 0 && r.churn.churnCreates > 0, `churn ran during the walk: ${r.churn.churnCreates} creates, ${r.churn.churnDeletes} deletes`);
});

test('every create answered 200 survives 3 SIGKILLs of the emulator process under load with --state-file', async () => {
  const r = await killUnderWriteLoad({ kills: 3, clients: 4, maxAcksBeforeKill: 40, seed, timeLimitMs: 120_000 });
  assert.equal(r.unexpected, []);
  assert.equal(r.lost, [], `seed ${seed}`);
  assert.is(r.kills, 3);
  assert.ok(r.acknowledged >= 3, `${r.acknowledged} acknowledged`);
});

test('a restart on the same state file never issues the id of a deleted store again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'omics-reliability-ids-'));
  const stateFile = join(dir, 'state.json');
  let emulator: RunningEmulator | undefined;
  try {
    emulator = await startEmulator({ stateFile });
    const { core } = emulator;
    const first = Array.from({ length: 5 }, (_, i) => (core.invokeNow('CreateSequenceStore', { name: `gone ${i}`, clientToken: `gone-${i}` }) as { id: string }).id);
    for (const id of first) core.invokeNow('DeleteSequenceStore', { id });
    await emulator.close();
    for (let restart = 0; restart < 2; restart++) {
      emulator = await startEmulator({ stateFile });
      const again = (emulator.core.invokeNow('CreateSequenceStore', { name: `new ${restart}` }) as { id: string }).id;
      assert.not.ok(first.includes(again), `restart ${restart + 1} issued ${again}, the id of a deleted store`);
      first.push(again);
      await emulator.close();
    }
    emulator = await startEmulator({ stateFile });
    // The remembered answer to a token names the deleted store, which is gone, not a new one under its id.
    const restarted = emulator.core;
    const replay = restarted.invokeNow('CreateSequenceStore', { name: 'gone 0', clientToken: 'gone-0' }) as { id: string };
    assert.is(replay.id, first[0]);
    assert.throws(() => restarted.invokeNow('GetSequenceStore', { id: replay.id }), (e: Error) => e.name === 'ResourceNotFoundException');
  } finally {
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
