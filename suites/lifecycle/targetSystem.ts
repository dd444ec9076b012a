// The lifecycle commands' LifecycleSystem on top of a target. Every store it creates is tracked
// with the run's stores (so cleanup deletes it) and it never touches a store it did not create.
// On the way it watches what the commands do not: each store's status moves, that a delete really
// removes the store, and that a walk through List pages neither loses nor repeats one of its stores.
import type { LifecycleSystem } from '../../generators/index.ts';
import { errors, storeStatus, transitionalStatuses, type OperationName } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import type { SuiteEnv } from '../engine.ts';
import { explainMove, knownStatus, legalFirstStatus, legalMove, type StoreAction } from './transitions.ts';
import { CLOCK_SKEW_MS } from '../listPages.ts';

type Output = Record<string, unknown>;

const NOT_FOUND = errors.ResourceNotFoundException.name;
/** How far before the run's own first store a List filter starts: clock skew between client and service. */
/** createdAfter may be exclusive on a service: start a second before the earliest own store. */
const FILTER_MARGIN_MS = 1000;

export interface Call {
  readonly operation: OperationName;
  readonly input: Output;
  readonly observation: Observation;
}

/** The target refused or did not answer a call; `name` is the error name, as SDK errors carry it. */
export class TargetCallError extends Error {
  constructor(readonly call: Call) {
    const e = call.observation.client.error;
    super(call.observation.transportError ? `${call.operation}: no answer (${call.observation.transportError})` : `${call.operation} failed: ${e?.name ?? 'an error'}${e?.message ? `: ${e.message}` : ''}`);
    this.name = call.observation.transportError ? 'TransportError' : (e?.name ?? 'Error');
  }
}

/** A promise of the contract the system saw broken itself, with the call that showed it. */
export class LifecycleViolation extends Error {
  override readonly name = 'LifecycleViolation';
  constructor(
    readonly aspect: 'status' | 'deleted' | 'pages',
    message: string,
    readonly call: Call | undefined,
    readonly expected?: unknown,
    readonly received?: unknown,
  ) {
    super(message);
  }
}

interface OwnStore {
  status?: string;
  /** Operations on the store since its status was last seen. */
  readonly actions: Set<StoreAction>;
}

interface Walk {
  readonly seenOn: Map<string, number>;
  readonly liveAtStart: ReadonlySet<string>;
  /** Own stores deleted while the walk went on: they may or may not still appear. */
  readonly removed: Set<string>;
  pages: number;
}

export class TargetSystem implements LifecycleSystem {
  readonly calls: Call[] = [];
  /** How often each promise was put to the test, for the passed findings. */
  readonly tested = { statuses: 0, deletions: 0, walks: 0 };
  private readonly own = new Map<string, OwnStore>();
  private readonly gone = new Set<string>();
  private earliest: number | undefined;
  private walk: Walk | undefined;
  private readonly startedAt = Date.now();

  constructor(private readonly env: SuiteEnv) {}

  private async call(operation: OperationName, input: Output): Promise<{ output: Output; call: Call }> {
    const observation = await this.env.target.call(operation, input, { timeoutMs: this.env.options.timeoutMs });
    const call = { operation, input, observation };
    this.calls.push(call);
    if (observation.transportError || observation.client.error || !observation.client.output) throw new TargetCallError(call);
    return { output: observation.client.output, call };
  }

  private observe(id: string, status: unknown, call: Call | undefined): void {
    const store = this.own.get(id);
    if (!store || this.gone.has(id) || typeof status !== 'string' || !knownStatus(status)) return;
    this.tested.statuses++;
    const legal = store.status === undefined ? legalFirstStatus(status) : legalMove(store.status, status, store.actions);
    if (!legal) {
      const what = store.status === undefined ? `a new store reported ${status}, which a store cannot start in` : explainMove(store.status, status, store.actions);
      throw new LifecycleViolation('status', `store ${id}: ${call?.operation ?? 'GetSequenceStore'} says ${status}: ${what}`, call, store.status === undefined ? `a status reachable from ${storeStatus.creating}` : { from: store.status, after: [...store.actions] }, status);
    }
    store.status = status;
    store.actions.clear();
  }

  /** Waits out a transitional status; a store still in one when the wait runs out breaks the lifecycle. */
  private async settle(id: string, call: Call): Promise<void> {
    const status = await this.env.stores.settle(id, call.observation);
    if (status === undefined) return;
    this.observe(id, status, call);
    if (transitionalStatuses.includes(status)) {
      throw new LifecycleViolation('status', `store ${id} is still ${status} when the wait for it to settle ran out`, call, 'a settled status', status);
    }
  }

  private filterFloor(): Date {
    return new Date((this.earliest ?? this.startedAt - CLOCK_SKEW_MS) - FILTER_MARGIN_MS);
  }

  async create(input: Output): Promise<Output> {
    const { output, call } = await this.call('CreateSequenceStore', input);
    const ref = this.env.stores.track(call.observation, input);
    if (!ref) return output;
    this.own.set(ref.id, { actions: new Set() });
    const created = output.creationTime instanceof Date ? output.creationTime.getTime() : Number.NaN;
    this.earliest = Number.isFinite(created) ? Math.min(this.earliest ?? created, created) : (this.earliest ?? this.startedAt - CLOCK_SKEW_MS);
    this.observe(ref.id, output.status, call);
    await this.settle(ref.id, call);
    return output;
  }

  async get(id: string): Promise<Output> {
    if (this.gone.has(id)) this.tested.deletions++;
    const { output, call } = await this.call('GetSequenceStore', { id });
    this.observe(id, output.status, call);
    return output;
  }

  /** One page. Pages without a token start a walk; the last page of a walk of several is checked for losses. */
  async list(input: Output): Promise<Output> {
    const filter = { createdAfter: this.filterFloor(), ...((input.filter as Output | undefined) ?? {}) };
    if (input.nextToken === undefined || !this.walk) {
      this.walk = { seenOn: new Map(), liveAtStart: new Set(this.liveIds()), removed: new Set(), pages: 0 };
    }
    const walk = this.walk;
    const { output, call } = await this.call('ListSequenceStores', { ...input, filter });
    walk.pages++;
    for (const item of Array.isArray(output.sequenceStores) ? (output.sequenceStores as Output[]) : []) {
      const id = item.id as string;
      if (!this.own.has(id)) continue;
      const before = walk.seenOn.get(id);
      if (before !== undefined) {
        throw new LifecycleViolation('pages', `store ${id} is listed twice in one walk through the pages: on page ${before} and page ${walk.pages}`, call, 'each store once', { store: id, pages: [before, walk.pages] });
      }
      walk.seenOn.set(id, walk.pages);
      this.observe(id, item.status, call);
    }
    if (output.nextToken === undefined || output.nextToken === null) {
      this.walk = undefined;
      // The last page, even of a walk of one page: every store there all along must have been listed.
      const lost = [...walk.liveAtStart].filter((id) => !walk.removed.has(id) && !walk.seenOn.has(id));
      if (lost.length) {
        throw new LifecycleViolation('pages', `${walk.pages} ${walk.pages === 1 ? 'page' : 'pages'} of at most ${String(input.maxResults ?? 'the default')} stores leave out ${lost.length === 1 ? 'store' : 'stores'} ${lost.join(', ')}, which existed throughout the walk`, call, [...walk.liveAtStart].filter((id) => !walk.removed.has(id)), [...walk.seenOn.keys()]);
      }
      if (walk.pages > 1) this.tested.walks++;
    }
    return output;
  }

  async update(input: Output): Promise<Output> {
    const id = input.id as string;
    this.own.get(id)?.actions.add('update');
    const { output, call } = await this.call('UpdateSequenceStore', input);
    this.observe(id, output.status, call);
    await this.settle(id, call);
    return output;
  }

  /** Deletes, waits out DELETING, and confirms with Get that the store is gone. */
  async delete(id: string): Promise<Output> {
    this.own.get(id)?.actions.add('delete');
    this.walk?.removed.add(id);
    const { output, call } = await this.call('DeleteSequenceStore', { id });
    const status = await this.env.stores.settle(id);
    if (status !== undefined) {
      const still = transitionalStatuses.includes(status) ? `is still ${status} when the wait for it to go ran out` : `still reads ${status}`;
      throw new LifecycleViolation('deleted', `store ${id}: DeleteSequenceStore succeeded, yet GetSequenceStore ${still}`, call, `${NOT_FOUND} from GetSequenceStore`, status);
    }
    const confirm = await this.env.target.call('GetSequenceStore', { id }, { timeoutMs: this.env.options.timeoutMs });
    const confirmCall = { operation: 'GetSequenceStore' as const, input: { id }, observation: confirm };
    this.calls.push(confirmCall);
    if (confirm.client.output) {
      throw new LifecycleViolation('deleted', `store ${id}: DeleteSequenceStore succeeded, yet GetSequenceStore still answers it`, confirmCall, NOT_FOUND, confirm.client.output);
    }
    if (confirm.transportError || confirm.client.error?.name !== NOT_FOUND) throw new TargetCallError(confirmCall);
    this.tested.deletions++;
    this.gone.add(id);
    this.own.delete(id);
    this.env.stores.forget(id);
    return output;
  }

  /** The run's stores this system created and has not deleted, oldest first. */
  liveIds(): string[] {
    return [...this.own.keys()].filter((id) => !this.gone.has(id));
  }

  async tag(resourceArn: string, tags: Record<string, string>): Promise<unknown> {
    return (await this.call('TagResource', { resourceArn, tags })).output;
  }

  async untag(resourceArn: string, tagKeys: string[]): Promise<unknown> {
    return (await this.call('UntagResource', { resourceArn, tagKeys })).output;
  }

  async listTags(resourceArn: string): Promise<Output> {
    return (await this.call('ListTagsForResource', { resourceArn })).output;
  }

  /** Deletes the stores the sequence left, so the next one starts from an account without them. */
  async disposeAll(): Promise<void> {
    for (const id of [...this.own.keys()]) {
      if (this.gone.has(id)) continue;
      await this.env.stores.dispose(id);
      this.own.delete(id);
    }
  }
}
