// What every operation handler gets: the state, the configuration, and the time of the call.
import type { CoreConfig } from '../../config.ts';
import { parseSequenceStoreArn } from '../../../specs/index.ts';
import { ServiceError } from '../serviceError.ts';
import type { CoreState } from '../state.ts';
import type { StoreRecord } from '../storeRecord.ts';

export interface OperationContext {
  readonly state: CoreState;
  readonly config: CoreConfig;
  readonly now: number;
}

export type Input = Readonly<Record<string, unknown>>;
export type Output = Record<string, unknown>;
export type Handler = (input: Input, context: OperationContext) => Output;

export function requireStore(context: OperationContext, id: string): StoreRecord {
  const store = context.state.live(id, context.now);
  if (!store) throw new ServiceError('ResourceNotFoundException', `id: no sequence store with id ${id}`);
  return store;
}

/** The store a tag operation's resourceArn names; only ARNs of this emulator's partition, region and account resolve. */
export function storeByArn(context: OperationContext, arn: string): StoreRecord {
  const parts = parseSequenceStoreArn(arn);
  const { partition, region, account } = context.config;
  const store = parts && parts.partition === partition && parts.region === region && parts.account === account ? context.state.live(parts.id, context.now) : undefined;
  if (!store || store.arn !== arn) throw new ServiceError('ResourceNotFoundException', `resourceArn: no resource with ARN ${arn}`);
  return store;
}

export function timeOf(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return Date.parse(value);
  return undefined;
}
