import { operations, sequenceStoreArn } from '../../../specs/index.ts';
import { storeStatus } from '../lifecycle.ts';
import { ServiceError } from '../serviceError.ts';
import { project, storeView, type StoreRecord } from '../storeRecord.ts';
import type { Handler } from './context.ts';

export const createSequenceStore: Handler = (input, { state, config, now }) => {
  const { quota, createDelayMs, defaultETagAlgorithmFamily } = config.behaviour;
  if (quota !== undefined && state.stores.size >= quota) {
    throw new ServiceQuotaError(quota);
  }
  const id = state.newId(config.behaviour.idDigits);
  const { partition, region, account } = config;
  const s3AccessConfig = input.s3AccessConfig as { accessLogLocation?: string } | undefined;
  const store: StoreRecord = {
    seq: state.nextSeq++,
    id,
    arn: sequenceStoreArn(partition, region, account, id),
    name: input.name as string,
    description: input.description as string | undefined,
    sseConfig: input.sseConfig ? structuredClone(input.sseConfig as StoreRecord['sseConfig']) : undefined,
    creationTime: now,
    updateTime: now,
    fallbackLocation: input.fallbackLocation as string | undefined,
    eTagAlgorithmFamily: (input.eTagAlgorithmFamily as string | undefined) ?? defaultETagAlgorithmFamily,
    propagatedSetLevelTags: input.propagatedSetLevelTags ? [...(input.propagatedSetLevelTags as string[])] : undefined,
    accessLogLocation: s3AccessConfig?.accessLogLocation,
    s3Uri: `s3://${account}-${id}-s3alias/${account}/sequenceStore/${id}/`,
    s3AccessPointArn: `arn:${partition}:s3:${region}:${account}:accesspoint/${account}-${id}`,
    tags: { ...((input.tags as Record<string, string> | undefined) ?? {}) },
    phase: storeStatus.creating,
    phaseEndsAt: now + createDelayMs,
  };
  for (const key of Object.keys(store) as (keyof StoreRecord)[]) if (store[key] === undefined) delete store[key];
  state.add(store);
  return project(storeView(store, now), operations.CreateSequenceStore.output);
};

class ServiceQuotaError extends ServiceError {
  constructor(quota: number) {
    super('ServiceQuotaExceededException', `The account already has the maximum of ${quota} sequence stores; delete one before creating another`);
  }
}
