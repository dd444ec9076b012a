// The stores a run makes: created with a run tag, tracked by id, waited out of transitional
// statuses, and deleted: by a background reaper as soon as no case needs them, and at the end
// whatever is left. The run never touches a store it did not create.
import type { CreateAnswers } from './createAnswers.ts';
import { operations, SequenceStoreId, storeStatus, TagArn, TagKeyList, transitionalStatuses, type OperationName } from '../specs/index.ts';
import { realClock, retryAfterMs, type Clock } from '../targets/rateLimit.ts';
import type { Observation, Target } from '../targets/types.ts';

export const RUN_TAG_KEY = 'omics-conformance:run';

/**
 * A valid create did not give a store to test with. The cases that needed one are skipped with this
 * message (which names the check that judges the create), and the run goes on.
 */
export class NoStoreToTestWith extends Error {
  override readonly name = 'NoStoreToTestWith';
  constructor(observation: Observation) {
    const why = observation.transportError ?? (observation.client.error ? `${observation.client.error.name}${observation.client.error.httpStatus !== undefined ? ` (HTTP ${observation.client.error.httpStatus})` : ''}` : 'an answer without an id');
    super(`no store to test with: a valid CreateSequenceStore got ${why}; validation.accepts-valid and shape.output-schema judge that answer`);
  }
}

export interface StoreRef {
  readonly id: string;
  readonly arn: string;
  readonly createdWith: Record<string, unknown>;
}

/** The shared stores of one purpose: each used by one case at a time. */
interface FixturePool {
  /** Stores made or being made. */
  count: number;
  readonly refs: StoreRef[];
  readonly free: StoreRef[];
  readonly waiters: Array<{ resolve(store: StoreRef): void; reject(error: unknown): void }>;
  first?: Promise<StoreRef>;
  failed?: { readonly error: unknown };
}

export interface StoreSettings {
  readonly timeoutMs: number;
  /** Longest wait for a store to leave CREATING/UPDATING/DELETING. */
  readonly settleTimeoutMs: number;
  /** Wraps every pause between polls (the run's case slots: a case waiting on a store is not at work). */
  readonly waiting?: <T>(wait: () => Promise<T>) => Promise<T>;
  /** Most shared stores of one purpose, each used by one case at a time (default 1). */
  readonly fixturesPerPurpose?: number;
  /** Every `withFixture` case gets a new store, deleted after it, instead of a shared one (recording runs). */
  readonly ownFixtures?: boolean;
  /** What the polls read the time from and pause with (default: the real one). */
  readonly clock?: Clock;
  /** The answers to every create the run sent, where the target was wrapped to record them. */
  readonly createAnswers?: CreateAnswers;
}

/** First pause between two polls of a transitional store; each later pause grows, up to the last. */
const FIRST_POLL_MS = 40;
const LONGEST_POLL_MS = 2000;
/** Gentle growth: a store that settles just after a poll is not left waiting twice as long again. */
const POLL_GROWTH = 1.5;
/** CREATING times the run has seen that it learns from, and how many it needs before it does. */
const CREATING_SAMPLES = 16;
const CREATING_SAMPLES_NEEDED = 3;
/**
 * The first poll of a new store comes at this much of the learned CREATING time (a little early, so
 * the estimate can come down), and later ones this much of it apart until the store is as late as
 * LATE_FRACTION of it: a store that settles on time is seen within one step. Then polls back off.
 */
const FIRST_LOOK_FRACTION = 0.9;
const STEP_FRACTION = 1 / 16;
const LATE_FRACTION = 1.5;
/** How often a pause before a first look checks whether someone now waits for the reaper. */
const HURRY_CHECK_MS = 250;

/**
 * Polls of GetSequenceStore that see `stores` stores each settle `settleMs` after it was made (none
 * asks for a longer pause): the first few with polls that back off, until the run has learned the
 * CREATING time from them; the rest with a first look near that time and steps after it.
 */
export function pollsToSettle(settleMs: number, stores = 1): number {
  const learning = Math.min(stores, CREATING_SAMPLES_NEEDED);
  const firstLook = FIRST_LOOK_FRACTION * settleMs;
  const learned = settleMs <= 0 ? 1 : 1 + Math.ceil((settleMs - firstLook) / (STEP_FRACTION * settleMs) - 1e-9);
  return learning * backOffPolls(settleMs) + (stores - learning) * learned;
}

function backOffPolls(settleMs: number): number {
  let waited = 0;
  let pause = FIRST_POLL_MS;
  let polls = 1;
  while (waited < settleMs) {
    waited += pause;
    pause = Math.min(Math.round(pause * POLL_GROWTH), LONGEST_POLL_MS);
    polls++;
  }
  return polls;
}

/** The pause the target asked for in a `Retry-After` header of its last answer, if any. */
function askedPause(obs: Observation, now: number): number | undefined {
  const last = obs.wire?.[obs.wire.length - 1]?.response;
  return retryAfterMs(last?.headers['retry-after'], now);
}

/** The input with its path labels pointing at `store`: `id` labels take its id, ARN labels its ARN. */
export function aimedAt(operation: OperationName, input: Record<string, unknown>, store: StoreRef): Record<string, unknown> {
  const out = { ...input };
  for (const [name, member] of Object.entries(operations[operation].input.members)) {
    if (member.location !== 'label') continue;
    if (member.target.name === SequenceStoreId.name) out[name] = store.id;
    else if (member.target.name === TagArn.name) out[name] = store.arn;
  }
  return out;
}

export class RunStores {
  private readonly owned = new Map<string, StoreRef>();
  private readonly pools = new Map<string, FixturePool>();
  private made = 0;
  /** When each store's create was answered: the start of its CREATING, as the run sees it (until a poll sees it end). */
  private readonly createdAt = new Map<string, number>();
  /** How long the last stores stayed CREATING, as the polls saw it (an upper bound each). */
  private readonly creatingTimes: number[] = [];
  /** The new stores polled to learn the CREATING time from, by when each was made. */
  private readonly learning = new Set<{ readonly since: number }>();
  /** Deletes under way in the background, by store id. */
  private readonly reaping = new Map<string, Promise<void>>();
  /**
   * Someone waits for the reaper (the run's end, a suite that needs it idle): a store is no longer
   * first looked at when the run's stores have usually settled, but at once (a store made to settle
   * sooner than the others is not waited for as long as they take).
   */
  private hurried = false;

  private readonly clock: Clock;

  constructor(
    private readonly target: Target,
    readonly runId: string,
    private readonly settings: StoreSettings,
  ) {
    this.clock = settings.clock ?? realClock;
  }

  /** The store is the run's: tracked, or given in answer to one of its creates. */
  owns(id: string): boolean {
    return this.owned.has(id) || (this.settings.createAnswers?.made(id) ?? false);
  }

  /** Settles once every create the run sent so far has been answered, so that `owns` knows its stores. */
  createsAnswered(): Promise<void> {
    return this.settings.createAnswers?.answered() ?? Promise.resolve();
  }

  get count(): number {
    return this.owned.size;
  }

  /**
   * Records a store the run's own request created, so that cleanup deletes it: by its id, also when
   * the answer left its ARN out (then no ref comes back; `complete` reads the ARN).
   */
  track(observation: Observation, createdWith: Record<string, unknown>): StoreRef | undefined {
    const out = observation.client.output;
    if (!out || typeof out.id !== 'string') return undefined;
    const ref = { id: out.id, arn: typeof out.arn === 'string' ? out.arn : '', createdWith };
    if (!this.owned.has(ref.id)) this.createdAt.set(ref.id, this.clock.now());
    if (!this.owned.get(ref.id)?.arn || ref.arn) this.owned.set(ref.id, ref);
    return ref.arn ? ref : undefined;
  }

  /**
   * Tracks a created store and, where its answer left the ARN out, reads the ARN with
   * GetSequenceStore: one member missing from one answer (a response-shape failure the shape checks
   * report) does not leave the run without stores to test with.
   */
  async complete(observation: Observation, createdWith: Record<string, unknown>): Promise<StoreRef | undefined> {
    const ref = this.track(observation, createdWith);
    const id = observation.client.output?.id;
    if (ref || typeof id !== 'string') return ref;
    const read = await this.target.call('GetSequenceStore', { id }, { timeoutMs: this.settings.timeoutMs });
    const arn = read.client.output?.arn;
    return typeof arn === 'string' ? this.track({ ...observation, client: { output: { ...observation.client.output, arn } } }, createdWith) : undefined;
  }

  /**
   * A new store of the run's own, settled. It carries the run tag unless `runTag` is false: a case
   * that tags a store up to the limit needs one with no tags yet (it is still tracked by id).
   */
  async fresh(purpose: string, options: { runTag?: boolean } = {}): Promise<StoreRef> {
    const input = { name: `omics-conformance ${this.runId} ${purpose} ${++this.made}`, ...(options.runTag === false ? {} : { tags: { [RUN_TAG_KEY]: this.runId } }) };
    const obs = await this.target.call('CreateSequenceStore', input, { timeoutMs: this.settings.timeoutMs });
    const ref = await this.complete(obs, input);
    if (!ref) throw new NoStoreToTestWith(obs);
    await this.settle(ref.id, obs);
    return ref;
  }

  private pool(purpose: string): FixturePool {
    let pool = this.pools.get(purpose);
    if (!pool) {
      pool = { count: 0, refs: [], free: [], waiters: [] };
      this.pools.set(purpose, pool);
    }
    return pool;
  }

  /** A new store for the pool; where it cannot be made, every case waiting on the pool is told why. */
  private async addTo(pool: FixturePool, purpose: string, options: { runTag?: boolean }): Promise<StoreRef> {
    pool.count++;
    try {
      const store = await this.fresh(purpose, options);
      pool.refs.push(store);
      return store;
    } catch (error) {
      pool.failed = { error };
      for (const waiter of pool.waiters.splice(0)) waiter.reject(error);
      throw error;
    }
  }

  private giveBack(pool: FixturePool, store: StoreRef): void {
    const waiter = pool.waiters.shift();
    if (waiter) waiter.resolve(store);
    else pool.free.push(store);
  }

  /** A store shared by the cases that only need some store to exist, for reading only (one pool per purpose). */
  async fixture(purpose = 'fixture', options: { runTag?: boolean } = {}): Promise<StoreRef> {
    const pool = this.pool(purpose);
    if (pool.failed) throw pool.failed.error;
    if (pool.refs[0]) return pool.refs[0];
    return (pool.first ??= this.addTo(pool, purpose, options).then((store) => (this.giveBack(pool, store), store)));
  }

  /**
   * Runs `work` on a shared store of the purpose's pool that no other case is using. The pool grows
   * to `fixturesPerPurpose` stores while all are busy, then cases wait their turn (not counting as
   * at work). `after` runs when the work is done; when it says the store cannot be used again, the
   * store is retired and the next case gets a new one.
   */
  async withFixture<T>(purpose: string, work: (store: StoreRef) => Promise<T>, options: { runTag?: boolean; after?: (store: StoreRef) => Promise<boolean> } = {}): Promise<T> {
    if (this.settings.ownFixtures) return this.withOwnStore(purpose, work, options);
    const pool = this.pool(purpose);
    if (pool.failed) throw pool.failed.error;
    let store = pool.free.pop();
    if (!store && pool.count < (this.settings.fixturesPerPurpose ?? 1)) store = await this.addTo(pool, purpose, options);
    if (!store) {
      const turn = () => new Promise<StoreRef>((resolve, reject) => pool.waiters.push({ resolve, reject }));
      store = await (this.settings.waiting ? this.settings.waiting(turn) : turn());
    }
    let reusable = true;
    try {
      return await work(store);
    } finally {
      if (options.after) reusable = await options.after(store);
      if (reusable) this.giveBack(pool, store);
      else {
        pool.count--;
        pool.refs.splice(pool.refs.indexOf(store), 1);
        this.release(store.id);
        const waiter = pool.waiters.shift();
        if (waiter) this.addTo(pool, purpose, options).then(waiter.resolve, () => undefined);
      }
    }
  }

  private async withOwnStore<T>(purpose: string, work: (store: StoreRef) => Promise<T>, options: { runTag?: boolean }): Promise<T> {
    const store = await this.fresh(purpose, options);
    try {
      return await work(store);
    } finally {
      this.release(store.id);
    }
  }

  /**
   * Runs `work` on a shared store without tags, one case a store at a time, and takes every tag off
   * it afterwards: cases that fill a store with tags up to the limit need no store each. Where the
   * tags do not all come off, the store is retired and the next case gets a new one.
   */
  withUntaggedStore<T>(work: (store: StoreRef) => Promise<T>): Promise<T> {
    return this.withFixture('untagged fixture', work, { runTag: false, after: (store) => this.untagAll(store) });
  }

  /** Hands the shared stores to the reaper: the next case that needs one makes a new one. */
  async retireFixtures(): Promise<void> {
    for (const pool of this.pools.values()) {
      await pool.first?.catch(() => undefined);
      for (const store of pool.refs) this.release(store.id);
    }
    this.pools.clear();
  }

  /** Takes every tag off the store, as many keys a call as the contract allows; true when none is left. */
  private async untagAll(store: StoreRef): Promise<boolean> {
    const timeoutMs = this.settings.timeoutMs;
    const chunk = TagKeyList.length?.max ?? 1;
    for (let round = 0; round < 2; round++) {
      const listed = await this.target.call('ListTagsForResource', { resourceArn: store.arn }, { timeoutMs });
      const tags = listed.client.output?.tags;
      if (!listed.client.output || (tags !== undefined && (typeof tags !== 'object' || tags === null))) return false;
      const keys = Object.keys((tags ?? {}) as Record<string, unknown>);
      if (keys.length === 0) return true;
      for (let i = 0; i < keys.length; i += chunk) {
        const untagged = await this.target.call('UntagResource', { resourceArn: store.arn, tagKeys: keys.slice(i, i + chunk) }, { timeoutMs });
        if (untagged.client.error || untagged.transportError) return false;
      }
    }
    return false;
  }

  /**
   * Waits until the store has left the transitional statuses, or the wait runs out; no call at all
   * when `known` already says it has. Polls back off, and wait at least as long as a `Retry-After`.
   * `forCase`: the wait is a case's (it stops counting as at work meanwhile), not the reaper's.
   */
  async settle(id: string, known?: Observation, forCase = true): Promise<string | undefined> {
    const status = known?.client.output?.status;
    if (typeof status === 'string' && !transitionalStatuses.includes(status)) {
      this.createdAt.delete(id);
      return status;
    }
    const clock = this.clock;
    const paused = (wait: () => Promise<void>) => (forCase && this.settings.waiting ? this.settings.waiting(wait) : wait());
    const deadline = clock.now() + this.settings.settleTimeoutMs;
    // A new store (CREATING, or not looked at since its create: the reaper's) is first looked at when
    // stores of this run have usually left CREATING, then in small steps until it is late.
    const since = status === storeStatus.creating || status === undefined ? this.createdAt.get(id) : undefined;
    if (since !== undefined) await paused(() => this.whileOthersLearn(since, deadline));
    const expected = since !== undefined ? this.expectedCreatingMs() : undefined;
    const late = since !== undefined && expected !== undefined ? since + expected * LATE_FRACTION : undefined;
    let pause = FIRST_POLL_MS;
    if (since !== undefined && expected !== undefined) {
      const ahead = Math.min(since + expected * FIRST_LOOK_FRACTION - clock.now(), deadline - clock.now());
      if (ahead > 0) await paused(() => this.untilHurried(ahead));
      pause = Math.max(FIRST_POLL_MS, Math.round(expected * STEP_FRACTION));
    }
    const learning = { since: since ?? Infinity };
    if (expected === undefined && since !== undefined) this.learning.add(learning);
    try {
      return await this.pollUntilSettled(id, { since, expected, late, pause, deadline, paused });
    } finally {
      this.learning.delete(learning);
    }
  }

  private async pollUntilSettled(id: string, p: { since?: number; expected?: number; late?: number; pause: number; deadline: number; paused: (wait: () => Promise<void>) => Promise<void> }): Promise<string | undefined> {
    const { since, late, deadline, paused } = p;
    const clock = this.clock;
    let pause = p.pause;
    for (;;) {
      const obs = await this.target.call('GetSequenceStore', { id }, { timeoutMs: this.settings.timeoutMs });
      const status = obs.client.output?.status as string | undefined;
      const settled = status !== undefined && !transitionalStatuses.includes(status);
      if (settled && this.createdAt.has(id)) {
        if (since !== undefined) this.noteCreatingTime(clock.now() - since);
        this.createdAt.delete(id);
      }
      const wait = Math.max(pause, askedPause(obs, clock.now()) ?? 0);
      if ((status === undefined && !obs.client.error?.retryable) || settled || clock.now() + wait > deadline) return status;
      await paused(() => clock.sleep(wait));
      if (late === undefined || clock.now() >= late) pause = Math.min(Math.round(pause * POLL_GROWTH), LONGEST_POLL_MS);
    }
  }

  /**
   * Until the run has learned how long CREATING lasts, the oldest few new stores poll for it with
   * polls that back off; a newer one waits to learn it from them (it cannot settle before they do),
   * then looks near the learned time: hundreds of stores made in the first CREATING time of a slow
   * service are not each polled a dozen times.
   */
  private async whileOthersLearn(since: number, deadline: number): Promise<void> {
    const olderLearners = () => [...this.learning].filter((l) => l.since <= since).length;
    while (this.expectedCreatingMs() === undefined && !this.hurried && this.clock.now() < deadline && olderLearners() >= CREATING_SAMPLES_NEEDED) {
      await this.clock.sleep(Math.min(HURRY_CHECK_MS, deadline - this.clock.now()));
    }
  }

  /** Pauses `ms`, or less once someone waits for the reaper (it looks every HURRY_CHECK_MS). */
  private async untilHurried(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    for (let left = ms; left > 0 && !this.hurried; left = end - this.clock.now()) await this.clock.sleep(Math.min(left, HURRY_CHECK_MS));
  }

  private noteCreatingTime(ms: number): void {
    this.creatingTimes.push(ms);
    if (this.creatingTimes.length > CREATING_SAMPLES) this.creatingTimes.shift();
  }

  /** The shortest of the CREATING times seen lately (each is an upper bound), once there are enough. */
  private expectedCreatingMs(): number | undefined {
    return this.creatingTimes.length >= CREATING_SAMPLES_NEEDED ? Math.min(...this.creatingTimes) : undefined;
  }

  /** The run deleted this store itself. */
  forget(id: string): void {
    this.owned.delete(id);
  }

  /**
   * Hands a store no case needs any more to the reaper, which waits it out of a transitional status
   * and deletes it in the background: the case goes on at once. A delete that fails leaves the
   * store to the cleanup at the end.
   */
  release(id: string): void {
    if (!this.owned.has(id) || this.reaping.has(id)) return;
    const done = this.reap(id).finally(() => this.reaping.delete(id));
    this.reaping.set(id, done);
  }

  /** Stores the reaper is deleting now. */
  get reapingCount(): number {
    return this.reaping.size;
  }

  /** Resolves once the reaper has nothing left to do: no call of its can meet a fault scripted after. */
  async drained(): Promise<void> {
    this.hurried = true;
    while (this.reaping.size) await Promise.all(this.reaping.values());
  }

  private async reap(id: string): Promise<void> {
    await this.settle(id, undefined, false);
    const obs = await this.target.call('DeleteSequenceStore', { id }, { timeoutMs: this.settings.timeoutMs });
    if (!obs.transportError && (!obs.client.error || obs.client.error.name === 'ResourceNotFoundException')) this.owned.delete(id);
  }

  /**
   * Deletes every store the run created; a store already gone counts as deleted. On a target that
   * keeps a ledger (aws), creates are refused from here on, calls still in flight are waited for,
   * and every store in the ledger is deleted too, tracked by a suite or not.
   */
  async cleanup(): Promise<{ deleted: number; left: string[] }> {
    this.hurried = true;
    const ledger = this.target.ledger;
    ledger?.seal();
    await ledger?.idle();
    const before = this.owned.size + this.reaping.size;
    await Promise.all(this.reaping.values());
    for (const entry of ledger?.outstanding() ?? []) if (!this.owned.has(entry.id)) this.owned.set(entry.id, { id: entry.id, arn: entry.arn, createdWith: {} });
    const reaped = before - this.owned.size;
    // What is left is deleted all at once: each waits out its own transitional status.
    const outcomes = await Promise.all(
      [...this.owned.values()].map(async (ref) => {
        await this.settle(ref.id);
        const obs = await this.target.call('DeleteSequenceStore', { id: ref.id }, { timeoutMs: this.settings.timeoutMs });
        const name = obs.client.error?.name;
        return !obs.transportError && (!name || name === 'ResourceNotFoundException') ? undefined : `${ref.id} (${obs.transportError ?? `${name}: ${obs.client.error?.message ?? ''}`})`;
      }),
    );
    const left = outcomes.filter((o): o is string => o !== undefined);
    const deleted = Math.max(0, reaped) + outcomes.length - left.length;
    this.owned.clear();
    this.pools.clear();
    for (const unanswered of ledger?.unresolved() ?? []) left.push(`unknown id: ${unanswered}`);
    return { deleted, left };
  }
}
