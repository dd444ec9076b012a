// Command sequences over the eight operations for the lifecycle suite (fc.commands), checked
// against a model of the stores the run created. Inputs come from the spec's valid arbitraries.
import * as fc from 'fast-check';
import { operations, TagResourceRequestTags, tokenMembers } from '../specs/index.ts';
import {
  CreateStore,
  DeleteStore,
  GetDeletedStore,
  GetStore,
  ListStoreTags,
  ListStores,
  TagStore,
  UntagStore,
  UpdateStore,
} from './_internals/lifecycle/commands.ts';
import type { LifecycleModel, LifecycleSystem } from './_internals/lifecycle/model.ts';
import { labelMembers } from './_internals/cases.ts';
import { minimalValue } from './_internals/minimal.ts';
import { sizeLimit } from './_internals/paths.ts';
import { shapeValue } from './shapeValue.ts';
import { stringOf } from './stringOf.ts';
import { validInput } from './validInput.ts';

export { emptyLifecycleModel, SequenceStopped, type ClaimAspect, type LifecycleModel, type LifecycleSystem, type ModelClaim, type StoreModel } from './_internals/lifecycle/model.ts';

export interface LifecycleCommandsOptions {
  readonly maxCommands?: number;
  /** Pages ListStores reads before it stops concluding anything (a shared account holds other stores). */
  readonly pageLimit?: number;
  /** Which commands ran at each shrink step of a failure being replayed (fc.commands' `replayPath`). */
  readonly replayPath?: string;
}

/** The command creates a store (a run with a live-store cap holds it back while the model holds the cap's worth). */
export function makesAStore(cmd: unknown): boolean {
  return cmd instanceof CreateStore;
}

function without(input: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k]) => !names.includes(k)));
}

export function lifecycleCommands(options: LifecycleCommandsOptions = {}): fc.Arbitrary<Iterable<fc.AsyncCommand<LifecycleModel, LifecycleSystem, false>>> {
  // Tokens are left to the SDK (a fresh one per call), so two creates never collapse into one store.
  const createInput = validInput('CreateSequenceStore').map((i) => without(i, tokenMembers('CreateSequenceStore')));
  const updateChanges = validInput('UpdateSequenceStore').map((i) => without(i, [...labelMembers('UpdateSequenceStore'), ...tokenMembers('UpdateSequenceStore')]));
  const ref = fc.nat();
  const tagLimit = sizeLimit('TagResource', 'tags');
  const maxResults = operations.ListSequenceStores.input.members.maxResults!.target;
  return fc.commands(
    [
      createInput.map((i) => new CreateStore(i)),
      ref.map((r) => new GetStore(r)),
      ref.map((r) => new GetDeletedStore(r)),
      fc.option(shapeValue(maxResults) as fc.Arbitrary<number>, { nil: undefined }).map((n) => new ListStores(n, options.pageLimit ?? 20)),
      fc.tuple(ref, updateChanges).map(([r, c]) => new UpdateStore(r, c)),
      ref.map((r) => new DeleteStore(r)),
      fc.tuple(ref, shapeValue(TagResourceRequestTags) as fc.Arbitrary<Record<string, string>>).map(([r, t]) => new TagStore(r, t, tagLimit)),
      fc.tuple(ref, fc.array(fc.nat(), { maxLength: 5 }), fc.option(stringOf(TagResourceRequestTags.key), { nil: undefined })).map(([r, p, k]) => new UntagStore(r, p, k)),
      ref.map((r) => new ListStoreTags(r)),
    ],
    { maxCommands: options.maxCommands ?? 20, ...(options.replayPath !== undefined ? { replayPath: options.replayPath } : {}) },
  );
}

export interface LifecycleScenario {
  /** What the sequence proves, in words. */
  readonly label: string;
  readonly commands: readonly fc.AsyncCommand<LifecycleModel, LifecycleSystem, false>[];
}

/**
 * Fixed command sequences, one per behaviour a random sequence finds only by luck: tags merged with
 * overlapping keys, an update read back, a deletion looked up. They run before the random ones.
 */
/** A list member's value of one item, the smallest the contract allows. */
function oneItemOf(operation: keyof typeof operations, member: string): unknown[] {
  const shape = operations[operation].input.members[member]?.target;
  if (shape?.type !== 'list') throw new Error(`lifecycleScenarios: ${operation}.${member} is not a list`);
  return [minimalValue(shape.member)];
}

export function lifecycleScenarios(options: LifecycleCommandsOptions = {}): LifecycleScenario[] {
  const tagLimit = sizeLimit('TagResource', 'tags');
  const name = (what: string) => ({ name: `omics-conformance lifecycle ${what}` });
  const pageLimit = options.pageLimit ?? 20;
  return [
    {
      label: 'tags merge: TagResource with an overlapping key replaces that key and keeps the others; UntagResource removes one',
      commands: [new CreateStore({ ...name('tags'), tags: { a: '1', b: '2' } }), new TagStore(0, { b: '3', c: '4' }, tagLimit), new ListStoreTags(0), new UntagStore(0, [0], undefined), new ListStoreTags(0)],
    },
    {
      // Every member an update can change is changed to a value that is not its empty default, so an
      // answer that leaves one out differs from the model (an empty list left out reads as empty).
      label: 'an update is read back by Get and List',
      commands: [new CreateStore({ ...name('update'), description: 'before' }), new UpdateStore(0, { description: 'after', propagatedSetLevelTags: oneItemOf('UpdateSequenceStore', 'propagatedSetLevelTags') }), new GetStore(0), new ListStores(undefined, pageLimit)],
    },
    {
      label: 'a deleted store is gone from Get and List',
      commands: [new CreateStore(name('delete')), new CreateStore(name('kept')), new DeleteStore(0), new GetDeletedStore(0), new ListStores(undefined, pageLimit)],
    },
  ];
}
