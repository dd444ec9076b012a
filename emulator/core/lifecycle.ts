// The store statuses by role, read from the transition table in specs/ rather than spelled here:
// the initial status is the one nothing moves to; the deleting status is the one nothing leaves.
import { statusTransitions } from '../../specs/index.ts';

function deriveStatuses() {
  const all = Object.keys(statusTransitions);
  const targets = new Set(Object.values(statusTransitions).flat());
  const creating = all.find((s) => !targets.has(s) && statusTransitions[s]!.length > 0);
  const deleting = all.find((s) => statusTransitions[s]!.length === 0);
  const active = creating !== undefined ? statusTransitions[creating]![0] : undefined;
  const failed = creating !== undefined ? statusTransitions[creating]![1] : undefined;
  const updating = active !== undefined ? statusTransitions[active]!.find((s) => s !== deleting) : undefined;
  if (!creating || !deleting || !active || !updating || !failed) {
    throw new Error('emulator: specs/behaviours.ts statusTransitions no longer has the shape CREATING → ACTIVE ⇄ UPDATING, → DELETING');
  }
  return { creating, active, updating, deleting, failed } as const;
}

export const storeStatus = deriveStatuses();

/** Whether the status table lets a store in `from` move to `to`. */
export function canMove(from: string, to: string): boolean {
  return statusTransitions[from]?.includes(to) ?? false;
}
