// RunStores' polls of a store that is settling, on a clock that only moves when someone pauses:
// once the run has learned how long its stores stay CREATING, a store the reaper deletes is first
// looked at near the end of that time, and a wait for the reaper does not wait that long for a
// store made to settle sooner.
import * as assert from 'uvu/assert';
import { RunStores } from '../../suites/stores.ts';
import { mockTarget } from '../../targets/mock.ts';
import type { Clock } from '../../targets/rateLimit.ts';
import type { Target } from '../../targets/types.ts';
import { suite } from '../support/suite.ts';

const test = suite('suites: the run\'s stores settling and the reaper');

const CREATING_MS = 10_000;
/** The step between polls near the learned time: a sixteenth of it (at most that of the slowest sample). */
const STEP_MS = CREATING_MS / 16;

function fakeClock(): Clock & { t: number } {
  const clock = {
    t: 1_000_000,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

interface Watched {
  readonly target: Target;
  /** When (on the clock) each GetSequenceStore of the store went out. */
  readonly gets: (id: string) => number[];
  /** Resolves with the clock's time when the store's delete goes out. */
  readonly deleted: (id: string) => Promise<number>;
}

function watched(inner: Target, clock: Clock): Watched {
  const gets = new Map<string, number[]>();
  const deletes = new Map<string, (at: number) => void>();
  const target: Target = {
    ...inner,
    call: (op, input, options) => {
      const id = String(input.id);
      if (op === 'GetSequenceStore') gets.set(id, [...(gets.get(id) ?? []), clock.now()]);
      if (op === 'DeleteSequenceStore') deletes.get(id)?.(clock.now());
      return inner.call(op, input, options);
    },
  };
  return {
    target,
    gets: (id) => gets.get(id) ?? [],
    deleted: (id) => new Promise((resolve) => deletes.set(id, resolve)),
  };
}

async function learned(): Promise<{ clock: Clock & { t: number }; mock: ReturnType<typeof mockTarget>; watch: Watched; stores: RunStores }> {
  const clock = fakeClock();
  const mock = mockTarget({ createDelayMs: CREATING_MS, now: clock.now });
  const watch = watched(mock, clock);
  const stores = new RunStores(watch.target, 'abcdef012345', { timeoutMs: 5000, settleTimeoutMs: 60_000, clock });
  // Three stores waited out of CREATING: enough for the run to expect the next ones to take as long.
  for (let i = 0; i < 3; i++) await stores.fresh('learning');
  return { clock, mock, watch, stores };
}

async function released(stores: RunStores, target: Target, clock: Clock): Promise<{ id: string; at: number }> {
  const input = { name: `released ${clock.now()}` };
  const obs = await target.call('CreateSequenceStore', input);
  stores.track(obs, input);
  const id = obs.client.output!.id as string;
  stores.release(id);
  return { id, at: clock.now() };
}

test('a store handed to the reaper is first looked at near the end of the CREATING time learned, and deleted within a step of it', async () => {
  const { clock, mock, watch, stores } = await learned();
  try {
    const store = await released(stores, watch.target, clock);
    const deletedAt = await watch.deleted(store.id);
    const gets = watch.gets(store.id).map((t) => t - store.at);
    assert.ok(gets.length > 0 && gets.length <= 3, `polls: ${gets.join(', ')}`);
    assert.ok(gets[0]! >= CREATING_MS * 0.9 - 1, `first poll ${gets[0]} ms after the create`);
    assert.ok(deletedAt - store.at <= CREATING_MS + STEP_MS * 1.1, `deleted ${deletedAt - store.at} ms after the create`);
    assert.equal((await stores.cleanup()).left, []);
  } finally {
    await mock.close();
  }
});

test('waiting for the reaper ends its pause before a first look: a store made to settle sooner is not waited for as long as the others', async () => {
  const { clock, mock, watch, stores } = await learned();
  try {
    mock.core.setBehaviour({ createDelayMs: CREATING_MS / 10 });
    const store = await released(stores, watch.target, clock);
    await stores.drained();
    const gets = watch.gets(store.id).map((t) => t - store.at);
    assert.ok(clock.now() - store.at < CREATING_MS / 2, `the reaper was done ${clock.now() - store.at} ms after the create (polls: ${gets.join(', ')})`);
    assert.is(stores.reapingCount, 0);
  } finally {
    await mock.close();
  }
});

test('polls near the learned time stay a step apart until the store is late, then back off', async () => {
  const { clock, mock, watch, stores } = await learned();
  try {
    // This store takes three times as long: polls a step apart up to 1.5x the learned time, then longer ones.
    mock.core.setBehaviour({ createDelayMs: CREATING_MS * 3 });
    const input = { name: 'slow one' };
    const obs = await watch.target.call('CreateSequenceStore', input);
    const ref = await stores.complete(obs, input);
    const at = clock.now();
    await stores.settle(ref!.id, obs);
    const gets = watch.gets(ref!.id).map((t) => t - at);
    const gaps = gets.slice(1).map((t, i) => t - gets[i]!);
    const early = gaps.filter((_, i) => gets[i + 1]! <= CREATING_MS * 1.5);
    assert.ok(early.length >= 4 && early.every((g) => g < STEP_MS * 1.2), `gaps before 1.5x: ${early.join(', ')}`);
    assert.ok(gaps[gaps.length - 1]! > STEP_MS * 1.2, `the last gap ${gaps[gaps.length - 1]} ms`);
    assert.ok(gets[gets.length - 1]! >= CREATING_MS * 3, 'the last poll saw it settled');
  } finally {
    await mock.close();
  }
});

test.run();
