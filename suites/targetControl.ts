// What a run can change on a target beyond its API, to make it answer an error on purpose: inject
// a fault, set a store quota, slow creates down. Only a target with the `admin` capability has
// controls; elsewhere nothing, and why.
import type { ErrorName, OperationName } from '../specs/index.ts';
import { can, lacks } from '../targets/capabilities.ts';
import type { BehaviourChange, EmulatorAdmin } from '../targets/emulatorAdmin.ts';
import type { Target } from '../targets/types.ts';

export interface TargetControl {
  /** How the controls are reached: `in process`, or the admin route's URL. */
  readonly via: string;
  /**
   * Runs `work` while the next `count` calls of `operation` fail with `error`; afterwards a fault
   * `work` did not use up is withdrawn, so it cannot strike a later call.
   */
  withFault<T>(fault: { operation: OperationName; error: ErrorName; count?: number }, work: () => Promise<T>): Promise<T>;
  /** Runs `work` with behaviour switches changed, and puts them back after. */
  withBehaviour<T>(change: BehaviourChange, work: () => Promise<T>): Promise<T>;
}

export type ControlLookup = { readonly control: TargetControl } | { readonly reason: string };

/** Calls the script will still fail. */
const pending = (plan: Awaited<ReturnType<EmulatorAdmin['plan']>>) => plan.script.reduce((n, s) => n + s.count, 0);

function controlOver(admin: EmulatorAdmin): TargetControl {
  return {
    via: admin.via,
    async withFault({ operation, error, count = 1 }, work) {
      const before = await admin.plan();
      await admin.addScript([{ operation, error, count }]);
      try {
        return await work();
      } finally {
        if (pending(await admin.plan()) > pending(before)) await admin.replacePlan(before);
      }
    },
    async withBehaviour(change, work) {
      const before = await admin.behaviour();
      const restore: BehaviourChange = Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof typeof before]]));
      await admin.setBehaviour(change);
      try {
        return await work();
      } finally {
        await admin.setBehaviour(restore);
      }
    },
  };
}

/** The target's controls, or why it has none. */
export function targetControl(target: Target): ControlLookup {
  if (!can(target, 'admin') || !target.admin) return { reason: lacks(target, 'admin') };
  return { control: controlOver(target.admin) };
}
