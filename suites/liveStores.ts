// --max-live-stores: the run never holds more than N stores at once, which is what a service's
// store quota limits. A create waits for a slot (it is not skipped); a store holds its slot from
// its create's answer until its delete is acknowledged. A create that made no store gives its slot
// back. Creates that share a clientToken share one slot: the contract makes them one store (a
// target that makes two stores of one token is over the cap by its own doing, and the idempotency
// checks fail it).
import type { OperationName } from '../specs/index.ts';
import type { Observation, Target } from '../targets/types.ts';
import { aroundCalls } from '../targets/aroundCalls.ts';

/** Fewest live stores a run can work with: a suite's shared store and one store of a case's own. */
export const MIN_LIVE_STORES = 2;

const CREATE: OperationName = 'CreateSequenceStore';
const DELETE: OperationName = 'DeleteSequenceStore';

export class LiveStoreGate {
  private used = 0;
  private readonly waiters: Array<() => void> = [];
  /** Store ids holding a slot. */
  private readonly held = new Set<string>();
  /** clientTokens with a create in flight or a store: later creates with the token share its slot. */
  private readonly tokens = new Map<string, { creates: number; slot: Promise<void>; id?: string }>();
  private highest = 0;

  /** `waiting`: how a case waits for a slot (the run's case slots: it does not count as at work meanwhile). */
  constructor(
    readonly limit: number,
    private readonly waiting: <T>(wait: () => Promise<T>) => Promise<T> = (wait) => wait(),
  ) {}

  /** The most slots in use at once so far. */
  get peak(): number {
    return this.highest;
  }

  /** The target with its creates and deletes counted against the cap. */
  wrap(inner: Target): Target {
    return aroundCalls(inner, (op, input, _options, send) => this.through(op, input, send));
  }

  private async through(operation: OperationName, input: Record<string, unknown>, call: () => Promise<Observation>): Promise<Observation> {
    if (operation === DELETE) {
      const obs = await call();
      const id = input.id;
      if (typeof id === 'string' && this.held.has(id) && !obs.transportError && (!obs.client.error || obs.client.error.name === 'ResourceNotFoundException')) this.gone(id);
      return obs;
    }
    if (operation !== CREATE) return call();
    const token = typeof input.clientToken === 'string' ? input.clientToken : undefined;
    return token === undefined ? this.create(call) : this.createWithToken(token, call);
  }

  /** Sends a create; `then` gets the id of the store it made where no slot holds that store yet. */
  private async send(call: () => Promise<Observation>, then: (made: string | undefined) => void): Promise<Observation> {
    let obs: Observation | undefined;
    try {
      obs = await call();
      return obs;
    } finally {
      const id = obs?.client.output?.id;
      then(typeof id === 'string' && !this.held.has(id) ? id : undefined);
    }
  }

  private async create(call: () => Promise<Observation>): Promise<Observation> {
    await this.acquire();
    return this.send(call, (made) => (made !== undefined ? this.held.add(made) : this.free()));
  }

  /** The token's one slot is taken by its first create and kept by its store, or given back when no create of it made one. */
  private async createWithToken(token: string, call: () => Promise<Observation>): Promise<Observation> {
    let entry = this.tokens.get(token);
    if (!entry) {
      entry = { creates: 0, slot: this.acquire() };
      this.tokens.set(token, entry);
    }
    entry.creates++;
    // Creates of the token sent while its first waits for a slot go out with it, not before.
    await entry.slot;
    const shared = entry;
    return this.send(call, (made) => {
      if (made !== undefined) {
        // A second store of one token is over the cap: the target's doing.
        if (shared.id !== undefined) this.take();
        shared.id ??= made;
        this.held.add(made);
      }
      if (--shared.creates === 0 && shared.id === undefined) {
        this.tokens.delete(token);
        this.free();
      }
    });
  }

  private gone(id: string): void {
    this.held.delete(id);
    for (const [token, entry] of this.tokens) if (entry.id === id) this.tokens.delete(token);
    this.free();
  }

  private async acquire(): Promise<void> {
    if (this.used >= this.limit) {
      await this.waiting(async () => {
        while (this.used >= this.limit) await new Promise<void>((r) => this.waiters.push(r));
      });
    }
    this.take();
  }

  private take(): void {
    this.used++;
    this.highest = Math.max(this.highest, this.used);
  }

  private free(): void {
    this.used--;
    this.waiters.shift()?.();
  }
}
