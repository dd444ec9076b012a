import { canMove, storeStatus } from '../lifecycle.ts';
import { ServiceError } from '../serviceError.ts';
import { statusAt } from '../storeRecord.ts';
import { requireStore, type Handler } from './context.ts';

export const deleteSequenceStore: Handler = (input, context) => {
  const { state, now, config } = context;
  const store = requireStore(context, input.id as string);
  const status = statusAt(store, now)!;
  if (status === storeStatus.deleting) return {};
  if (!canMove(status, storeStatus.deleting)) {
    throw new ServiceError('ConflictException', `id: sequence store ${store.id} is ${status} and cannot be deleted until it is ${storeStatus.active}`);
  }
  if (config.behaviour.deleteDelayMs === 0) {
    state.remove(store.id);
    return {};
  }
  store.phase = storeStatus.deleting;
  store.phaseEndsAt = now + config.behaviour.deleteDelayMs;
  state.markDeleting(store);
  return {};
};
