import { operations } from '../../../specs/index.ts';
import { canMove, storeStatus } from '../lifecycle.ts';
import { ServiceError } from '../serviceError.ts';
import { project, statusAt, storeView } from '../storeRecord.ts';
import { requireStore, type Handler } from './context.ts';

export const updateSequenceStore: Handler = (input, context) => {
  const { now, config } = context;
  const store = requireStore(context, input.id as string);
  const status = statusAt(store, now)!;
  if (!canMove(status, storeStatus.updating)) {
    throw new ServiceError('ConflictException', `id: sequence store ${store.id} is ${status} and cannot be updated until it is ${storeStatus.active}`);
  }
  if (input.name !== undefined && input.name !== null) store.name = input.name as string;
  if (input.description !== undefined && input.description !== null) store.description = input.description as string;
  if (input.fallbackLocation !== undefined && input.fallbackLocation !== null) store.fallbackLocation = input.fallbackLocation as string;
  if (Array.isArray(input.propagatedSetLevelTags)) store.propagatedSetLevelTags = [...(input.propagatedSetLevelTags as string[])];
  const access = input.s3AccessConfig as { accessLogLocation?: string } | undefined | null;
  if (access && typeof access.accessLogLocation === 'string') store.accessLogLocation = access.accessLogLocation;
  store.updateTime = now;
  store.phase = storeStatus.updating;
  store.phaseEndsAt = now + config.behaviour.updateDelayMs;
  return project(storeView(store, now), operations.UpdateSequenceStore.output);
};
