// What a run can change on a target beyond its API, to make it answer an error on purpose: inject
// a fault, set a store quota, slow creates down. In process on the embedded emulator and the mock
// (their core), over the admin route on an endpoint that is our emulator; elsewhere nothing, and why.
import { ADMIN_PREFIX } from '../emulator/index.ts';
import type { ErrorName, OperationName } from '../specs/index.ts';
import type { EmulatorTarget } from '../targets/emulator.ts';
import type { MockTarget } from '../targets/mock.ts';
import type { Target } from '../targets/types.ts';

type Core = MockTarget['core'];
type FaultPlan = ReturnType<Core['faults']['plan']>;
type Behaviour = Core['config']['behaviour'];
export type BehaviourChange = { -readonly [K in keyof Behaviour]?: Behaviour[K] };

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

/** How long the probe waits for `GET /_emulator/health`: an endpoint that is not our emulator may never answer it. */
export const ADMIN_PROBE_TIMEOUT_MS = 1500;

interface Controls {
  plan(): Promise<FaultPlan>;
  addScript(script: FaultPlan['script']): Promise<void>;
  replacePlan(plan: FaultPlan): Promise<void>;
  behaviour(): Promise<Behaviour>;
  setBehaviour(change: BehaviourChange): Promise<void>;
}

function inProcess(core: Core): Controls {
  return {
    plan: async () => core.faults.plan(),
    addScript: async (script) => core.faults.configure({ script }),
    replacePlan: async (plan) => {
      core.faults.clear();
      core.faults.configure(plan);
    },
    behaviour: async () => ({ ...core.config.behaviour }),
    setBehaviour: async (change) => core.setBehaviour(change),
  };
}

function adminRoute(endpoint: string, timeoutMs: number): Controls {
  const base = `${endpoint}${ADMIN_PREFIX}`;
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${base}${path}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${base}${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  };
  // JSON has no undefined: the admin route reads null as "no limit".
  const asJson = (change: BehaviourChange) => Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v === undefined ? null : v]));
  return {
    plan: async () => (await send('GET', '/faults')) as FaultPlan,
    addScript: async (script) => void (await send('POST', '/faults', { script })),
    replacePlan: async (plan) => {
      await send('DELETE', '/faults');
      await send('POST', '/faults', { rate: plan.rate, errors: plan.errors, operations: plan.operations, latencyMs: plan.latencyMs, script: plan.script });
    },
    behaviour: async () => (await send('GET', '/behaviour')) as Behaviour,
    setBehaviour: async (change) => void (await send('PATCH', '/behaviour', asJson(change))),
  };
}

/** Calls the script will still fail. */
const pending = (plan: FaultPlan) => plan.script.reduce((n, s) => n + s.count, 0);

function controlOver(via: string, controls: Controls): TargetControl {
  return {
    via,
    async withFault({ operation, error, count = 1 }, work) {
      const before = await controls.plan();
      await controls.addScript([{ operation, error, count }]);
      try {
        return await work();
      } finally {
        if (pending(await controls.plan()) > pending(before)) await controls.replacePlan(before);
      }
    },
    async withBehaviour(change, work) {
      const before = await controls.behaviour();
      const restore: BehaviourChange = Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof Behaviour]]));
      await controls.setBehaviour(change);
      try {
        return await work();
      } finally {
        await controls.setBehaviour(restore);
      }
    },
  };
}

async function exposesAdminRoute(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}${ADMIN_PREFIX}/health`, { signal: AbortSignal.timeout(ADMIN_PROBE_TIMEOUT_MS) });
    if (!res.ok) return false;
    const body = (await res.json()) as { ok?: unknown; stores?: unknown };
    return body.ok === true && typeof body.stores === 'number';
  } catch {
    return false;
  }
}

async function lookup(target: Target, timeoutMs: number): Promise<ControlLookup> {
  const core = (target as Partial<EmulatorTarget>).emulator?.core ?? (target as Partial<MockTarget>).core;
  if (core) return { control: controlOver('in process', inProcess(core)) };
  if (target.kind === 'aws') return { reason: 'the real service cannot be made to fail on purpose' };
  if (!target.endpoint) return { reason: `the ${target.kind} target has no controls to inject faults or set a quota` };
  if (await exposesAdminRoute(target.endpoint)) return { control: controlOver(`${target.endpoint}${ADMIN_PREFIX}`, adminRoute(target.endpoint, timeoutMs)) };
  return { reason: `${target.endpoint} does not expose the emulator's admin route (${ADMIN_PREFIX}): faults and quotas cannot be set there` };
}

const looked = new WeakMap<Target, Promise<ControlLookup>>();

/** The target's controls, looked up once per target. */
export function targetControl(target: Target, timeoutMs: number): Promise<ControlLookup> {
  let found = looked.get(target);
  if (!found) {
    found = lookup(target, timeoutMs);
    looked.set(target, found);
  }
  return found;
}
