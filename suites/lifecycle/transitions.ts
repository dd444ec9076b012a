// Whether a store may be seen in one status after another, given what the run did to it in between.
// Statuses seen by polling can skip steps, so a move is legal when some path of legal steps leads
// there: a transitional status moves on by itself; a settled one only through an operation of the run.
import { statusTransitions, storeStatus, transitionalStatuses } from '../../specs/index.ts';

/** What the run did to a store since its status was last seen. */
export type StoreAction = 'update' | 'delete';

/** The status each action moves a settled store into. */
const causedBy: Readonly<Record<StoreAction, string>> = { update: storeStatus.updating, delete: storeStatus.deleting };

/** Statuses the contract names; a status outside them (a newer service) is not judged. */
export function knownStatus(status: string): boolean {
  return status in statusTransitions;
}

/** Statuses reachable from `from` (itself included) through legal steps, given the actions since. */
export function reachable(from: string, actions: ReadonlySet<StoreAction>): Set<string> {
  const caused = new Set([...actions].map((a) => causedBy[a]));
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const next of statusTransitions[at] ?? []) {
      if (seen.has(next)) continue;
      if (!transitionalStatuses.includes(at) && !caused.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

export function legalMove(from: string, to: string, actions: ReadonlySet<StoreAction>): boolean {
  return reachable(from, actions).has(to);
}

/** A new store starts out creating; a target may report it further on already (ACTIVE at once). */
export function legalFirstStatus(status: string): boolean {
  return legalMove(storeStatus.creating, status, new Set());
}

/** Why a move is illegal, in words: what the status table allows from `from`. */
export function explainMove(from: string, to: string, actions: ReadonlySet<StoreAction>): string {
  const did = actions.size ? `after ${[...actions].join(' and ')}` : 'with no operation of the run in between';
  const steps = (statusTransitions[from] ?? []).map((s) => (transitionalStatuses.includes(from) ? s : `${s} (${Object.entries(causedBy).find(([, c]) => c === s)?.[0] ?? 'an operation'} only)`));
  return `${from} → ${to} ${did} is not a legal move; from ${from} the table allows ${steps.length ? steps.join(', ') : 'nothing (the store goes away)'}`;
}
