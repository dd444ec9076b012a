// One sequence store as the core keeps it: plain JSON (times in epoch milliseconds) so the whole
// state can be written to a file and read back.
import { toDateTimeString, type StructureShape } from '../../specs/index.ts';
import { storeStatus } from './lifecycle.ts';

export interface StoreRecord {
  /** Creation order; lists are in this order and page tokens point into it. */
  readonly seq: number;
  readonly id: string;
  readonly arn: string;
  name?: string;
  description?: string;
  sseConfig?: { type: string; keyArn?: string };
  readonly creationTime: number;
  updateTime: number;
  fallbackLocation?: string;
  eTagAlgorithmFamily: string;
  propagatedSetLevelTags?: string[];
  accessLogLocation?: string;
  readonly s3Uri: string;
  readonly s3AccessPointArn: string;
  tags: Record<string, string>;
  /** The status the store is in until `phaseEndsAt`; CREATING and UPDATING then become ACTIVE, DELETING becomes gone. */
  phase: string;
  phaseEndsAt: number;
}

/** The status a client sees at `now`, or undefined when the store is gone. */
export function statusAt(store: StoreRecord, now: number): string | undefined {
  if (now < store.phaseEndsAt) return store.phase;
  if (store.phase === storeStatus.deleting) return undefined;
  if (store.phase === storeStatus.creating || store.phase === storeStatus.updating) return storeStatus.active;
  return store.phase;
}

/** Every member a response may carry, in wire form (date-time strings). */
export function storeView(store: StoreRecord, now: number): Record<string, unknown> {
  return {
    id: store.id,
    arn: store.arn,
    name: store.name,
    description: store.description,
    sseConfig: store.sseConfig,
    creationTime: toDateTimeString(new Date(store.creationTime)),
    updateTime: toDateTimeString(new Date(store.updateTime)),
    fallbackLocation: store.fallbackLocation,
    eTagAlgorithmFamily: store.eTagAlgorithmFamily,
    status: statusAt(store, now),
    propagatedSetLevelTags: store.propagatedSetLevelTags,
    s3Access: { s3Uri: store.s3Uri, s3AccessPointArn: store.s3AccessPointArn, accessLogLocation: store.accessLogLocation },
  };
}

/** Keep only the members the output shape names, dropping absent ones: each operation echoes what its model says. */
export function project(view: Record<string, unknown>, shape: StructureShape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    const value = view[name];
    if (value === undefined) continue;
    if (member.target.type === 'structure' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const inner = project(value as Record<string, unknown>, member.target);
      if (Object.keys(inner).length) out[name] = inner;
    } else out[name] = value;
  }
  return out;
}
