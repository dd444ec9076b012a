// Command sequences against an in-memory fake system: a correct fake passes every sequence; a fake
// with one deliberate bug is caught by some sequence, shrunk to a few commands.
import * as fc from 'fast-check';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { emptyLifecycleModel, lifecycleCommands, type LifecycleSystem } from '../../generators/index.ts';
import { sameValue, sequenceStoreArn } from '../../specs/index.ts';

const lifecycle = suite('generators: lifecycle command sequences');

function notFound(): Error {
  const e = new Error('store not found');
  e.name = 'ResourceNotFoundException';
  return e;
}

interface FakeBugs {
  /** TagResource replaces the tag set instead of merging into it. */
  tagReplaces?: boolean;
}

function fakeSystem(bugs: FakeBugs = {}): LifecycleSystem {
  const stores = new Map<string, Record<string, unknown> & { tags: Record<string, string> }>();
  let next = 1_000_000_000;
  const byArn = (arn: string) => [...stores.values()].find((s) => s.arn === arn) ?? (() => { throw notFound(); })();
  const view = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'tags'));
  return {
    async create(input) {
      const id = String(next++);
      const { tags, clientToken: _token, ...rest } = input;
      const s = { ...rest, eTagAlgorithmFamily: input.eTagAlgorithmFamily ?? 'MD5up', id, arn: sequenceStoreArn('aws', 'us-east-1', '123456789012', id), tags: { ...(tags as Record<string, string>) } };
      stores.set(id, s);
      return view(s);
    },
    async get(id) {
      const s = stores.get(id);
      if (!s) throw notFound();
      return view(s);
    },
    async list(input) {
      const all = [...stores.values()].map(view);
      const start = input.nextToken ? Number(input.nextToken) : 0;
      const size = (input.maxResults as number | undefined) ?? 100;
      const page = all.slice(start, start + size);
      return { sequenceStores: page, ...(start + size < all.length ? { nextToken: String(start + size) } : {}) };
    },
    async update(input) {
      const s = stores.get(input.id as string);
      if (!s) throw notFound();
      for (const k of ['name', 'description', 'propagatedSetLevelTags', 'fallbackLocation']) if (input[k] !== undefined) s[k] = input[k];
      return view(s);
    },
    async delete(id) {
      if (!stores.delete(id)) throw notFound();
      return {};
    },
    async tag(arn, tags) {
      const s = byArn(arn);
      s.tags = bugs.tagReplaces ? { ...tags } : { ...s.tags, ...tags };
      return {};
    },
    async untag(arn, keys) {
      const s = byArn(arn);
      s.tags = Object.fromEntries(Object.entries(s.tags).filter(([k]) => !keys.includes(k)));
      return {};
    },
    async listTags(arn) {
      return { tags: { ...byArn(arn).tags } };
    },
    expect(claim) {
      if (!sameValue(claim.received, claim.expected)) throw new Error(`${claim.aspect}: ${claim.what}: expected ${JSON.stringify(claim.expected)}, received ${JSON.stringify(claim.received)}`);
    },
  };
}

lifecycle('a correct system passes 150 command sequences', async () => {
  await fc.assert(
    fc.asyncProperty(lifecycleCommands({ maxCommands: 15 }), (cmds) => fc.asyncModelRun(() => ({ model: emptyLifecycleModel(), real: fakeSystem() }), cmds)),
    { numRuns: 150, seed: 12 },
  );
});

lifecycle('a system whose TagResource replaces instead of merging is caught and shrunk to a short sequence', async () => {
  const details = await fc.check(
    fc.asyncProperty(lifecycleCommands({ maxCommands: 15 }), (cmds) => fc.asyncModelRun(() => ({ model: emptyLifecycleModel(), real: fakeSystem({ tagReplaces: true }) }), cmds)),
    { numRuns: 300, seed: 13 },
  );
  assert.ok(details.failed, 'the bug was found');
  const shown = String(details.counterexample?.[0]);
  assert.match(String(details.errorInstance), /tags of/);
  assert.match(shown, /tag\(/);
  assert.ok(shown.split(',').length <= 8, `shrunk: ${shown}`);
});

lifecycle.run();
