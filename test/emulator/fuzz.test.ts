// 1,000 generated malformed raw HTTP exchanges (generators/malformedHttp.ts) against the emulator's
// front: no crash, no hang, no 5xx, every answer in the Smithy error form, memory bounded, and a valid
// call through the SDK answered correctly afterwards. The seed is printed; FUZZ_SEED=<n> replays it.
// A smaller body limit than the default keeps the huge bodies cheap; the code paths are the same.
import * as assert from 'uvu/assert';
import { fuzzEmulatorOptions, fuzzExchanges, memoryNow, memoryProblem, runBatch, stillServes, type Memory } from '../../bench/_fuzzFront.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { suite } from '../support/suite.ts';

const EXCHANGES = 1000;
const CONCURRENCY = 8;
const MAX_BODY_BYTES = 64 * 1024;

const test = suite('emulator: 1,000 generated malformed HTTP exchanges');
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);
let emulator: RunningEmulator;
let before: Memory;

test.before(async () => {
  emulator = await startEmulator({ ...fuzzEmulatorOptions, maxBodyBytes: MAX_BODY_BYTES });
});
test.after(() => emulator.close());

test(`each exchange is answered (status < 500, the error form) or closed only where the client broke the framing; none hangs (seed ${seed})`, async () => {
  console.log(`  malformed HTTP fuzz: seed ${seed} (FUZZ_SEED=${seed} replays)`);
  const exchanges = fuzzExchanges(seed, EXCHANGES, MAX_BODY_BYTES);
  before = memoryNow();
  const result = await runBatch(emulator, exchanges, CONCURRENCY);
  const first = result.failures[0];
  assert.ok(!first, first && `${result.failures.length} of ${EXCHANGES} exchanges broke the rules (seed ${seed}); the first, #${first.index}: ${first.reason}\n${first.reproduction}`);
  assert.is(Object.values(result.byKind).reduce((a, b) => a + b, 0), EXCHANGES);
});

test('memory stays within its bound, and a valid Create + Get through the SDK still answers correctly', async () => {
  emulator.requestLog.clear();
  const problem = memoryProblem(before, memoryNow());
  assert.ok(!problem, `${problem} (seed ${seed})`);
  const serving = await stillServes(emulator);
  assert.ok(!serving, `${serving} (seed ${seed})`);
});

test.run();
