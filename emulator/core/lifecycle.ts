// The store statuses by the part they play, as specs/ names them.
import { statusTransitions, storeStatus } from '../../specs/index.ts';

export { storeStatus };

/** Whether the status table lets a store in `from` move to `to`. */
export function canMove(from: string, to: string): boolean {
  return statusTransitions[from]?.includes(to) ?? false;
}
