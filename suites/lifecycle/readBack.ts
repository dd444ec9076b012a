// "After each command the target agrees with the model": a command that changed a store in the
// model is followed by reading that store back (Get and ListTags), so a change that did not take,
// or took differently, shows at once rather than only when a later command happens to look.
import type { LifecycleModel, StoreModel } from '../../generators/index.ts';
import type { TargetSystem } from './targetSystem.ts';

/** Each live store of the model as text, to see which ones a command changed. */
export function snapshot(m: Readonly<LifecycleModel>): Map<string, string> {
  return new Map(m.stores.map((s) => [s.id, JSON.stringify(s)]));
}

const sortedEntries = (tags: unknown) => Object.entries((tags ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const sorted = (list: unknown) => [...((list as string[] | undefined) ?? [])].sort();


async function agrees(system: TargetSystem, s: StoreModel, after: string): Promise<void> {
  const view = await system.get(s.id);
  const what = (member: string) => `after ${after}, GetSequenceStore ${member} of ${s.id}`;
  const expectSame = (what: string, received: unknown, expected: unknown) => system.expect({ aspect: 'state', what, expected, received });
  expectSame(what('name'), view.name, s.name);
  expectSame(what('description'), view.description, s.description);
  expectSame(what('eTagAlgorithmFamily'), view.eTagAlgorithmFamily, s.eTagAlgorithmFamily);
  expectSame(what('propagatedSetLevelTags'), sorted(view.propagatedSetLevelTags), sorted(s.propagatedSetLevelTags));
  const tags = await system.listTags(s.arn);
  expectSame(`after ${after}, ListTagsForResource of ${s.id}`, sortedEntries(tags.tags), sortedEntries(s.tags));
}

/** Reads back every store the command created or changed in the model. */
export async function readBackChanged(before: ReadonlyMap<string, string>, m: Readonly<LifecycleModel>, system: TargetSystem, after: string): Promise<void> {
  for (const s of m.stores) {
    if (before.get(s.id) !== JSON.stringify(s)) await agrees(system, s, after);
  }
}
