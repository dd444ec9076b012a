// The lifecycle commands: each runs one operation on the real system and checks its answer against
// the model, then moves the model on. A command picks its store by an index wrapped to the live
// stores, so commands are generated before the ids exist.
import type { AsyncCommand } from 'fast-check';
import { errors, parseSequenceStoreArn, validateInput } from '../../../specs/index.ts';
import { defaultETagAlgorithmFamily, SequenceStopped, type ClaimAspect, type LifecycleModel, type LifecycleSystem, type StoreModel } from './model.ts';

type Cmd = AsyncCommand<LifecycleModel, LifecycleSystem, false>;

const NOT_FOUND = errors.ResourceNotFoundException.name;

function expectEqual(r: LifecycleSystem, what: string, received: unknown, expected: unknown, aspect: ClaimAspect = 'state'): void {
  r.expect({ aspect, what, expected, received });
}

function sortedTags(tags: unknown): Array<[string, unknown]> {
  return Object.entries((tags ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function storeAt(m: Readonly<LifecycleModel>, ref: number): StoreModel | undefined {
  return m.stores.length ? m.stores[ref % m.stores.length] : undefined;
}

function checkStoreView(r: LifecycleSystem, what: string, out: Record<string, unknown>, s: StoreModel): void {
  expectEqual(r, `${what} id`, out.id, s.id);
  expectEqual(r, `${what} arn`, out.arn, s.arn);
  expectEqual(r, `${what} name`, out.name, s.name);
  expectEqual(r, `${what} description`, out.description, s.description);
  expectEqual(r, `${what} eTagAlgorithmFamily`, out.eTagAlgorithmFamily, s.eTagAlgorithmFamily);
  expectEqual(r, `${what} propagatedSetLevelTags`, [...((out.propagatedSetLevelTags as string[] | undefined) ?? [])].sort(), [...s.propagatedSetLevelTags].sort());
}

export class CreateStore implements Cmd {
  constructor(readonly input: Record<string, unknown>) {}
  check = () => true;
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const out = await r.create(this.input);
    const id = out.id as string;
    const parsed = typeof out.arn === 'string' ? parseSequenceStoreArn(out.arn) : undefined;
    expectEqual(r, `create: the store the arn ${JSON.stringify(out.arn)} names`, parsed?.id, id);
    expectEqual(r, `create: id ${id} issued before`, m.stores.some((s) => s.id === id) || m.deleted.some((s) => s.id === id), false);
    const store: StoreModel = {
      id,
      arn: out.arn as string,
      name: this.input.name as string,
      ...(this.input.description !== undefined ? { description: this.input.description as string } : {}),
      eTagAlgorithmFamily: (this.input.eTagAlgorithmFamily as string | undefined) ?? (defaultETagAlgorithmFamily as string),
      propagatedSetLevelTags: [...((this.input.propagatedSetLevelTags as string[] | undefined) ?? [])],
      tags: { ...((this.input.tags as Record<string, string> | undefined) ?? {}) },
    };
    expectEqual(r, 'create name', out.name, store.name);
    m.stores.push(store);
  }
  toString = () => `create(${JSON.stringify(this.input).slice(0, 80)})`;
}

export class GetStore implements Cmd {
  constructor(readonly ref: number) {}
  check = (m: Readonly<LifecycleModel>) => m.stores.length > 0;
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const s = storeAt(m, this.ref)!;
    checkStoreView(r, 'get', await r.get(s.id), s);
  }
  toString = () => `get(#${this.ref})`;
}

export class GetDeletedStore implements Cmd {
  constructor(readonly ref: number) {}
  check = (m: Readonly<LifecycleModel>) => m.deleted.length > 0;
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const s = m.deleted[this.ref % m.deleted.length]!;
    let received: unknown;
    try {
      received = await r.get(s.id);
    } catch (e) {
      if (e instanceof SequenceStopped) throw e;
      received = (e as Error).name;
    }
    expectEqual(r, `get of deleted store ${s.id}`, received, NOT_FOUND, 'deleted');
  }
  toString = () => `getDeleted(#${this.ref})`;
}

export class ListStores implements Cmd {
  constructor(readonly maxResults: number | undefined, readonly pageLimit: number) {}
  check = () => true;
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const seen = new Map<string, Record<string, unknown>>();
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const out = await r.list({ ...(this.maxResults !== undefined ? { maxResults: this.maxResults } : {}), ...(nextToken ? { nextToken } : {}) });
      const items = (out.sequenceStores ?? []) as Array<Record<string, unknown>>;
      if (this.maxResults !== undefined) expectEqual(r, `list: a page of at most ${this.maxResults} holds no more`, items.length <= this.maxResults, true, 'pages');
      for (const item of items) seen.set(item.id as string, item);
      nextToken = out.nextToken as string | undefined;
    } while (nextToken && ++pages < this.pageLimit);
    if (nextToken) return; // more stores than the bound allows to read: nothing to conclude
    for (const s of m.stores) {
      const item = seen.get(s.id);
      expectEqual(r, `list: store ${s.id} created by this run is listed`, item !== undefined, true);
      expectEqual(r, `list name of ${s.id}`, item?.name, s.name);
    }
    for (const d of m.deleted) expectEqual(r, `list: deleted store ${d.id} is listed`, seen.has(d.id), false, 'deleted');
  }
  toString = () => `list(maxResults=${this.maxResults})`;
}

export class UpdateStore implements Cmd {
  constructor(readonly ref: number, readonly changes: Record<string, unknown>) {}
  check = (m: Readonly<LifecycleModel>) => m.stores.length > 0;
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const s = storeAt(m, this.ref)!;
    const input = { ...this.changes, id: s.id };
    if (validateInput('UpdateSequenceStore', input).length) throw new Error(`UpdateStore: generated an invalid update ${JSON.stringify(input)}`);
    const out = await r.update(input);
    if (this.changes.name !== undefined) s.name = this.changes.name as string;
    if (this.changes.description !== undefined) s.description = this.changes.description as string;
    if (this.changes.propagatedSetLevelTags !== undefined) s.propagatedSetLevelTags = [...(this.changes.propagatedSetLevelTags as string[])];
    checkStoreView(r, 'update', out, s);
  }
  toString = () => `update(#${this.ref}, ${JSON.stringify(this.changes).slice(0, 80)})`;
}

export class DeleteStore implements Cmd {
  constructor(readonly ref: number) {}
  check = (m: Readonly<LifecycleModel>) => m.stores.length > 0;
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const s = storeAt(m, this.ref)!;
    await r.delete(s.id);
    m.stores = m.stores.filter((x) => x !== s);
    m.deleted.push({ id: s.id, arn: s.arn });
  }
  toString = () => `delete(#${this.ref})`;
}

export class TagStore implements Cmd {
  constructor(readonly ref: number, readonly tags: Record<string, string>, readonly limit: number) {}
  check = (m: Readonly<LifecycleModel>) => {
    const s = storeAt(m, this.ref);
    return s !== undefined && Object.keys({ ...s.tags, ...this.tags }).length <= this.limit;
  };
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const s = storeAt(m, this.ref)!;
    await r.tag(s.arn, this.tags);
    s.tags = { ...s.tags, ...this.tags };
  }
  toString = () => `tag(#${this.ref}, ${Object.keys(this.tags).length} tags)`;
}

export class UntagStore implements Cmd {
  constructor(readonly ref: number, readonly picks: number[], readonly unknownKey: string | undefined) {}
  /** The keys sent: picked among the store's tags, plus the unknown key where it is one. */
  private keysFor(s: StoreModel): string[] {
    const keys = Object.keys(s.tags);
    const chosen = keys.length ? [...new Set(this.picks.map((p) => keys[p % keys.length]!))] : [];
    return this.unknownKey !== undefined && !(this.unknownKey in s.tags) ? [...chosen, this.unknownKey] : chosen;
  }
  // Some key to send: an empty list leaves the required query parameter out of the request.
  check = (m: Readonly<LifecycleModel>) => {
    const s = storeAt(m, this.ref);
    return s !== undefined && this.keysFor(s).length > 0;
  };
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const s = storeAt(m, this.ref)!;
    const all = this.keysFor(s);
    await r.untag(s.arn, all);
    s.tags = Object.fromEntries(Object.entries(s.tags).filter(([k]) => !all.includes(k)));
  }
  toString = () => `untag(#${this.ref}, ${this.picks.length} keys${this.unknownKey !== undefined ? ' + 1 unknown' : ''})`;
}

export class ListStoreTags implements Cmd {
  constructor(readonly ref: number) {}
  check = (m: Readonly<LifecycleModel>) => m.stores.length > 0;
  async run(m: LifecycleModel, r: LifecycleSystem): Promise<void> {
    const s = storeAt(m, this.ref)!;
    const out = await r.listTags(s.arn);
    expectEqual(r, `tags of ${s.id}`, sortedTags(out.tags), sortedTags(s.tags));
  }
  toString = () => `listTags(#${this.ref})`;
}
