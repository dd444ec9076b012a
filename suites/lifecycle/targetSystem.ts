// The lifecycle commands' LifecycleSystem on top of a target. Every store it creates is tracked
// with the run's stores (so cleanup deletes it) and it never touches a store it did not create.
// It notes in a trace every call and what the commands do not look at themselves: each status seen
// of a store, what a delete left, each page of a walk through List, and the model's claims. It
// judges nothing: after each step the lifecycle checks read the trace so far, and the sequence
// stops at the first step one of them fails (SequenceStopped).
import { SequenceStopped, type LifecycleSystem, type ModelClaim } from '../../generators/index.ts';
import type { Case } from '../../generators/case.ts';
import type { OperationName } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import type { SuiteEnv } from '../engine.ts';
import { TraceBuilder } from '../trace.ts';
import type { Trace } from '../types.ts';
import { breaksAPromise, COMMAND, CONFIRM_GONE, GET_DELETED, type LifecycleFact } from './checks.ts';
import { knownStatus, type StoreAction } from './transitions.ts';
import { CLOCK_SKEW_MS } from '../listPages.ts';

type Output = Record<string, unknown>;
type FactOf<K extends LifecycleFact['kind']> = Omit<Extract<LifecycleFact, { kind: K }>, 'kind' | 'call'>;

/** createdAfter may be exclusive on a service: start a second before the earliest own store. */
const FILTER_MARGIN_MS = 1000;

interface OwnStore {
  status?: string;
  /** Operations on the store since its status was last seen. */
  readonly actions: Set<StoreAction>;
}

interface Walk {
  readonly index: number;
  readonly liveAtStart: readonly string[];
  /** Own stores deleted while the walk went on: they may or may not still appear. */
  readonly removed: Set<string>;
  pages: number;
}

export class TargetSystem implements LifecycleSystem {
  private readonly builder: TraceBuilder<LifecycleFact>;
  /** Index in the trace of the last call. */
  private lastCall = -1;
  private readonly own = new Map<string, OwnStore>();
  /** Stores created and still being waited out of CREATING, and their ARNs. */
  private readonly settling = new Map<string, Promise<void>>();
  private ended = false;
  private readonly arns = new Map<string, string>();
  private readonly gone = new Set<string>();
  private earliest: number | undefined;
  private walk: Walk | undefined;
  private walks = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly env: SuiteEnv,
    scenario: string,
    c: Case,
  ) {
    this.builder = new TraceBuilder(scenario, c);
  }

  /** The trace so far, labelled as `label`. */
  trace(label?: string): Trace<LifecycleFact> {
    const t = this.builder.trace();
    return label === undefined ? t : { ...t, case: { ...t.case, label } };
  }

  /** Ends the sequence at a step that breaks a promise of the lifecycle checks. */
  private judge(): void {
    const steps = this.builder.current;
    if (breaksAPromise(steps, steps.length - 1)) throw new SequenceStopped('a lifecycle check failed');
  }

  private note<K extends LifecycleFact['kind']>(kind: K, fact: FactOf<K>): void {
    if (this.ended) return;
    this.builder.fact({ kind, call: this.lastCall, ...fact } as unknown as LifecycleFact);
    this.judge();
  }

  private noteCall(role: string, observation: Observation): void {
    this.builder.call(role, observation);
    this.lastCall = this.builder.current.length - 1;
    this.judge();
  }

  expect(claim: ModelClaim): void {
    this.note('claim', claim);
  }

  private async call(operation: OperationName, input: Output): Promise<Output> {
    const observation = await this.env.target.call(operation, input, { timeoutMs: this.env.options.timeoutMs });
    this.noteCall(COMMAND, observation);
    return observation.client.output!;
  }

  private observe(id: string, status: unknown): void {
    const store = this.own.get(id);
    if (!store || this.gone.has(id) || typeof status !== 'string' || !knownStatus(status)) return;
    const previous = store.status;
    const actions = [...store.actions];
    store.status = status;
    store.actions.clear();
    this.note('status', { store: id, status, ...(previous !== undefined ? { previous } : {}), actions });
  }

  /** Waits until the store's CREATING has been waited out (started when it was created). */
  private async settled(id: string | undefined): Promise<void> {
    const pending = id !== undefined ? this.settling.get(id) : undefined;
    if (!pending) return;
    await pending;
    this.settling.delete(id!);
  }

  /**
   * The sequence is over: what it noted is its trace. Its stores go to the reaper, which settles and
   * deletes them; waits still under way end unnoted, so no sequence ends with a CREATING time of waiting.
   */
  end(): void {
    this.ended = true;
    for (const pending of this.settling.values()) pending.catch(() => undefined);
    this.settling.clear();
    this.releaseAll();
  }

  private idOf(arn: string): string | undefined {
    for (const [id] of this.settling) if (this.arns.get(id) === arn) return id;
    return undefined;
  }

  /** Waits out a transitional status, noting where the wait left the store. */
  private async settle(id: string, observation: Observation): Promise<void> {
    const status = await this.env.stores.settle(id, observation);
    if (status === undefined) return;
    this.observe(id, status);
    this.note('settled', { store: id, status });
  }

  private filterFloor(): Date {
    return new Date((this.earliest ?? this.startedAt - CLOCK_SKEW_MS) - FILTER_MARGIN_MS);
  }

  private lastObservation(): Observation {
    return (this.builder.current[this.lastCall] as { observation: Observation }).observation;
  }

  async create(input: Output): Promise<Output> {
    const output = await this.call('CreateSequenceStore', input);
    const observation = this.lastObservation();
    const ref = await this.env.stores.complete(observation, input);
    if (!ref) return output;
    this.own.set(ref.id, { actions: new Set() });
    const created = output.creationTime instanceof Date ? output.creationTime.getTime() : Number.NaN;
    this.earliest = Number.isFinite(created) ? Math.min(this.earliest ?? created, created) : (this.earliest ?? this.startedAt - CLOCK_SKEW_MS);
    this.observe(ref.id, output.status);
    // The store settles while the sequence goes on; a command that changes it waits for that first.
    this.arns.set(ref.id, ref.arn);
    this.settling.set(ref.id, this.settle(ref.id, observation));
    // An answer without its ARN is the output schema's to report; the sequence goes on with the ARN Get read.
    return { ...output, arn: ref.arn };
  }

  async get(id: string): Promise<Output> {
    const observation = await this.env.target.call('GetSequenceStore', { id }, { timeoutMs: this.env.options.timeoutMs });
    // A deleted store is looked up for its error: the command that asked says what it expects.
    if (this.gone.has(id)) {
      this.noteCall(GET_DELETED, observation);
      if (!observation.client.output) throw Object.assign(new Error(observation.client.error?.message ?? observation.transportError ?? 'no answer'), { name: observation.client.error?.name ?? 'TransportError' });
      return observation.client.output;
    }
    this.noteCall(COMMAND, observation);
    this.observe(id, observation.client.output!.status);
    return observation.client.output!;
  }

  /** One page. Pages without a token start a walk; every page notes the sequence's stores on it. */
  async list(input: Output): Promise<Output> {
    const filter = { createdAfter: this.filterFloor(), ...((input.filter as Output | undefined) ?? {}) };
    if (input.nextToken === undefined || !this.walk) this.walk = { index: ++this.walks, liveAtStart: this.liveIds(), removed: new Set(), pages: 0 };
    const walk = this.walk;
    const output = await this.call('ListSequenceStores', { ...input, filter });
    walk.pages++;
    const items = Array.isArray(output.sequenceStores) ? (output.sequenceStores as Output[]) : [];
    const listed = items.map((item) => item.id as string).filter((id) => this.own.has(id));
    const last = output.nextToken === undefined || output.nextToken === null;
    if (last) this.walk = undefined;
    this.note('page', { walk: walk.index, page: walk.pages, listed, liveAtStart: walk.liveAtStart, removed: [...walk.removed], last, ...(typeof input.maxResults === 'number' ? { maxResults: input.maxResults } : {}) });
    for (const item of items) if (listed.includes(item.id as string)) this.observe(item.id as string, item.status);
    return output;
  }

  async update(input: Output): Promise<Output> {
    const id = input.id as string;
    await this.settled(id);
    this.own.get(id)?.actions.add('update');
    const output = await this.call('UpdateSequenceStore', input);
    this.observe(id, output.status);
    await this.settle(id, this.lastObservation());
    return output;
  }

  /** Deletes, waits out DELETING, and confirms with Get that the store is gone. */
  async delete(id: string): Promise<Output> {
    await this.settled(id);
    this.own.get(id)?.actions.add('delete');
    this.walk?.removed.add(id);
    const output = await this.call('DeleteSequenceStore', { id });
    const still = await this.env.stores.settle(id);
    this.note('deleted', { store: id, ...(still !== undefined ? { still } : {}) });
    const confirm = await this.env.target.call('GetSequenceStore', { id }, { timeoutMs: this.env.options.timeoutMs });
    this.noteCall(CONFIRM_GONE, confirm);
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
    await this.settled(this.idOf(resourceArn));
    return this.call('TagResource', { resourceArn, tags });
  }

  async untag(resourceArn: string, tagKeys: string[]): Promise<unknown> {
    await this.settled(this.idOf(resourceArn));
    return this.call('UntagResource', { resourceArn, tagKeys });
  }

  async listTags(resourceArn: string): Promise<Output> {
    return this.call('ListTagsForResource', { resourceArn });
  }

  /** Notes a walk that would not end. */
  unended(pages: number, maxPages: number): void {
    this.note('unended', { pages, maxPages });
  }

  /** Hands the stores the sequence left to the reaper. */
  releaseAll(): void {
    for (const id of [...this.own.keys()]) {
      if (this.gone.has(id)) continue;
      this.env.stores.release(id);
      this.own.delete(id);
    }
  }
}

