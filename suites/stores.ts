// The stores a run makes: created with a run tag, tracked by id, waited out of transitional
// statuses, and deleted at the end. The run never touches a store it did not create.
import { operations, SequenceStoreId, TagArn, transitionalStatuses, type OperationName } from '../specs/index.ts';
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

export interface StoreSettings {
  readonly timeoutMs: number;
  /** Longest wait for a store to leave CREATING/UPDATING/DELETING. */
  readonly settleTimeoutMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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
  private fixtureStore: Promise<StoreRef> | undefined;
  private made = 0;
  private readonly locks = new Map<string, Promise<void>>();

  constructor(
    private readonly target: Target,
    readonly runId: string,
    private readonly settings: StoreSettings,
  ) {}

  owns(id: string): boolean {
    return this.owned.has(id);
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

  /** Runs `work` while no other exclusive work on the same store runs. */
  async exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    const prior = this.locks.get(id) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const chained = prior.then(() => mine);
    this.locks.set(id, chained);
    await prior;
    try {
      return await work();
    } finally {
      release();
      if (this.locks.get(id) === chained) this.locks.delete(id);
    }
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

  /** One store shared by the cases that only need some store to exist. */
  fixture(): Promise<StoreRef> {
    this.fixtureStore ??= this.fresh('fixture');
    return this.fixtureStore;
  }

  /** Waits until the store has left the transitional statuses, or the wait runs out; no call at all when `known` already says it has. */
  async settle(id: string, known?: Observation): Promise<string | undefined> {
    const status = known?.client.output?.status;
    if (typeof status === 'string' && !transitionalStatuses.includes(status)) return status;
    const deadline = Date.now() + this.settings.settleTimeoutMs;
    let pause = 40;
    for (;;) {
      const obs = await this.target.call('GetSequenceStore', { id }, { timeoutMs: this.settings.timeoutMs });
      const status = obs.client.output?.status as string | undefined;
      if (status === undefined || !transitionalStatuses.includes(status) || Date.now() + pause > deadline) return status;
      await sleep(pause);
      pause = Math.min(pause * 2, 2000);
    }
  }

  /** The run deleted this store itself. */
  forget(id: string): void {
    this.owned.delete(id);
  }

  /** Deletes one store of the run's now, rather than at the end. */
  async dispose(id: string): Promise<void> {
    if (!this.owned.has(id)) return;
    await this.settle(id);
    const obs = await this.target.call('DeleteSequenceStore', { id }, { timeoutMs: this.settings.timeoutMs });
    if (!obs.transportError && (!obs.client.error || obs.client.error.name === 'ResourceNotFoundException')) this.owned.delete(id);
  }

  /**
   * Deletes every store the run created; a store already gone counts as deleted. On a target that
   * keeps a ledger (aws), creates are refused from here on, calls still in flight are waited for,
   * and every store in the ledger is deleted too, tracked by a suite or not.
   */
  async cleanup(): Promise<{ deleted: number; left: string[] }> {
    const left: string[] = [];
    let deleted = 0;
    const ledger = this.target.ledger;
    ledger?.seal();
    await ledger?.idle();
    for (const entry of ledger?.outstanding() ?? []) if (!this.owned.has(entry.id)) this.owned.set(entry.id, { id: entry.id, arn: entry.arn, createdWith: {} });
    for (const ref of this.owned.values()) {
      await this.settle(ref.id);
      const obs = await this.target.call('DeleteSequenceStore', { id: ref.id }, { timeoutMs: this.settings.timeoutMs });
      const name = obs.client.error?.name;
      if (!obs.transportError && (!name || name === 'ResourceNotFoundException')) deleted++;
      else left.push(`${ref.id} (${obs.transportError ?? `${name}: ${obs.client.error?.message ?? ''}`})`);
    }
    this.owned.clear();
    this.fixtureStore = undefined;
    for (const unanswered of ledger?.unresolved() ?? []) left.push(`unknown id: ${unanswered}`);
    return { deleted, left };
  }
}
