// The core's whole state, and its plain-JSON snapshot for --state-file. Gone stores (DELETING past
// its delay) are purged lazily, so no timers run and a moved clock is all a test needs.
import { storeStatus } from './lifecycle.ts';
import type { Random } from './random.ts';
import { StoreIndex } from './storeIndex.ts';
import { statusAt, type StoreRecord } from './storeRecord.ts';

export interface RememberedCall {
  /** The request without its clientToken, canonical JSON. */
  readonly fingerprint: string;
  /** The response the first call got, in wire form. */
  readonly response: Record<string, unknown>;
}

export interface StateSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: 1;
  readonly nextSeq: number;
  readonly stores: readonly StoreRecord[];
  readonly idempotency: readonly { readonly key: string; readonly call: RememberedCall }[];
  /** How many numbers the id generator has drawn (absent in files written before it was kept). */
  readonly idDraws?: number;
}

export const SNAPSHOT_FORMAT = 'omics-conformance-emulator-state';

export class CoreState {
  readonly stores = new Map<string, StoreRecord>();
  readonly index = new StoreIndex();
  readonly calls = new Map<string, RememberedCall>();
  private readonly deleting = new Set<string>();
  nextSeq = 1;
  idDraws = 0;

  constructor(private readonly random: Random) {}

  /** A new store id of `digits` digits. */
  newId(digits: number): string {
    const draw = (min: number, max: number) => {
      this.idDraws++;
      return this.random.int(min, max);
    };
    for (;;) {
      let id = String(draw(1, 9));
      while (id.length < digits) id += String(draw(0, 9));
      if (!this.stores.has(id)) return id;
    }
  }

  add(store: StoreRecord): void {
    this.stores.set(store.id, store);
    this.index.add(store.seq, store.id);
    if (store.phase === storeStatus.deleting) this.deleting.add(store.id);
  }

  markDeleting(store: StoreRecord): void {
    this.deleting.add(store.id);
  }

  remove(id: string): void {
    this.stores.delete(id);
    this.index.remove(id);
    this.deleting.delete(id);
  }

  /** Drop the stores whose deletion has finished by `now`. */
  purge(now: number): void {
    for (const id of this.deleting) {
      const store = this.stores.get(id);
      if (!store || statusAt(store, now) === undefined) this.remove(id);
    }
  }

  /** The store with this id, unless it is gone by `now`. */
  live(id: string, now: number): StoreRecord | undefined {
    const store = this.stores.get(id);
    return store && statusAt(store, now) !== undefined ? store : undefined;
  }

  clear(): void {
    this.stores.clear();
    this.index.clear();
    this.calls.clear();
    this.deleting.clear();
    this.nextSeq = 1;
  }

  snapshot(): StateSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      version: 1,
      nextSeq: this.nextSeq,
      stores: [...this.stores.values()],
      idempotency: [...this.calls].map(([key, call]) => ({ key, call })),
      idDraws: this.idDraws,
    };
  }

  restore(value: unknown): void {
    const snapshot = readSnapshot(value);
    this.clear();
    for (const store of [...snapshot.stores].sort((a, b) => a.seq - b.seq)) this.add(structuredClone(store));
    for (const { key, call } of snapshot.idempotency) this.calls.set(key, call);
    this.nextSeq = snapshot.stores.reduce((next, s) => Math.max(next, s.seq + 1), Math.max(snapshot.nextSeq, 1));
    // The ids of stores deleted before the snapshot are not in it: the generator moves past every id it
    // issued (never back), or a restarted emulator would give a deleted store's id to a new one.
    const drawn = snapshot.idDraws ?? 0;
    if (drawn > this.idDraws) {
      this.random.skip(drawn - this.idDraws);
      this.idDraws = drawn;
    }
  }
}

/** Check that a value read from a file is a snapshot this version wrote; say what is wrong if not. */
export function readSnapshot(value: unknown): StateSnapshot {
  const bad = (what: string): never => {
    throw new Error(`emulator state: ${what}; the file was not written by this emulator version (remove it to start empty)`);
  };
  if (typeof value !== 'object' || value === null) return bad('not a JSON object');
  const s = value as Partial<StateSnapshot>;
  if (s.format !== SNAPSHOT_FORMAT) return bad(`format is ${JSON.stringify(s.format)}, expected ${JSON.stringify(SNAPSHOT_FORMAT)}`);
  if (s.version !== 1) return bad(`version ${JSON.stringify(s.version)} is not 1`);
  if (typeof s.nextSeq !== 'number' || !Array.isArray(s.stores) || !Array.isArray(s.idempotency)) return bad('nextSeq, stores or idempotency missing');
  if (s.idDraws !== undefined && !(Number.isSafeInteger(s.idDraws) && s.idDraws >= 0)) return bad('idDraws is not a whole number');
  for (const [i, store] of s.stores.entries()) {
    const r = store as Partial<StoreRecord> | null;
    if (!r || typeof r.id !== 'string' || typeof r.seq !== 'number' || typeof r.arn !== 'string' || typeof r.creationTime !== 'number' || typeof r.phase !== 'string' || typeof r.phaseEndsAt !== 'number' || typeof r.tags !== 'object') {
      return bad(`stores[${i}] is not a store record`);
    }
  }
  for (const [i, entry] of s.idempotency.entries()) {
    const e = entry as { key?: unknown; call?: { fingerprint?: unknown; response?: unknown } } | null;
    if (!e || typeof e.key !== 'string' || typeof e.call?.fingerprint !== 'string' || typeof e.call.response !== 'object') return bad(`idempotency[${i}] is not a remembered call`);
  }
  return s as StateSnapshot;
}
