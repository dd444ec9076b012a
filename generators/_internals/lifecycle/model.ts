// The expected state of a run's stores, and the small interface a real system offers the
// lifecycle commands. A suite implements LifecycleSystem on top of a target.
import { operations } from '../../../specs/index.ts';

export interface StoreModel {
  readonly id: string;
  readonly arn: string;
  name: string;
  description?: string;
  readonly eTagAlgorithmFamily: string;
  propagatedSetLevelTags: string[];
  tags: Record<string, string>;
}

export interface LifecycleModel {
  /** Live stores this run created, oldest first. Stores the run did not create are never looked at. */
  stores: StoreModel[];
  /** Stores this run deleted. */
  deleted: Array<{ id: string; arn: string }>;
}

export function emptyLifecycleModel(): LifecycleModel {
  return { stores: [], deleted: [] };
}

type Output = Record<string, unknown>;

/** Which promise of the contract a claim is about: the store's state, a deleted store being gone, or paging. */
export type ClaimAspect = 'state' | 'deleted' | 'pages';

/** What the model expects of one answer, and what came: the system notes it; a check judges it. */
export interface ModelClaim {
  readonly aspect: ClaimAspect;
  /** The answer, in words: `get description of 0123456789`. */
  readonly what: string;
  readonly expected: unknown;
  readonly received: unknown;
}

/** Thrown by a system to end a sequence that has already shown what it had to: commands let it through. */
export class SequenceStopped extends Error {
  override readonly name = 'SequenceStopped';
}

/**
 * One method per operation. Each resolves with the operation's output once its effect is visible
 * (a real target waits for the store's status to settle) and rejects with an error whose `name`
 * is the contract's error name (as SDK errors carry it).
 */
export interface LifecycleSystem {
  create(input: Output): Promise<Output>;
  get(id: string): Promise<Output>;
  list(input: Output): Promise<Output>;
  update(input: Output): Promise<Output>;
  delete(id: string): Promise<Output>;
  tag(resourceArn: string, tags: Record<string, string>): Promise<unknown>;
  untag(resourceArn: string, tagKeys: string[]): Promise<unknown>;
  listTags(resourceArn: string): Promise<Output>;
  /** Notes what the model expects of an answer; may end the sequence (SequenceStopped) where it does not hold. */
  expect(claim: ModelClaim): void;
}

/** The documented eTagAlgorithmFamily of a store created without one. */
export const defaultETagAlgorithmFamily = operations.CreateSequenceStore.input.members.eTagAlgorithmFamily?.documented?.default;
