// Our emulator's controls beyond its API: the fault plan and the behaviour switches (quota, create
// delay). In process on the embedded emulator and the mock (their core), over the admin route on an
// endpoint that is our emulator.
import { ADMIN_PREFIX, type EmulatorCore, type FaultPlan } from '../emulator/index.ts';

export type Behaviour = EmulatorCore['config']['behaviour'];
export type BehaviourChange = { -readonly [K in keyof Behaviour]?: Behaviour[K] };

export interface EmulatorAdmin {
  /** How the controls are reached: `in process`, or the admin route's URL. */
  readonly via: string;
  plan(): Promise<FaultPlan>;
  addScript(script: FaultPlan['script']): Promise<void>;
  replacePlan(plan: FaultPlan): Promise<void>;
  behaviour(): Promise<Behaviour>;
  setBehaviour(change: BehaviourChange): Promise<void>;
}

/** How long the probe waits for `GET /_emulator/health`: an endpoint that is not our emulator may never answer it. */
export const ADMIN_PROBE_TIMEOUT_MS = 1500;

export function inProcessAdmin(core: EmulatorCore): EmulatorAdmin {
  return {
    via: 'in process',
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

/** One request to `endpoint`'s admin route, within `timeoutMs`: its JSON answer; an error for any status but 2xx. */
export type AdminSend = (method: string, path: string, body?: unknown) => Promise<unknown>;

export function adminSender(endpoint: string, timeoutMs: number): AdminSend {
  const base = `${endpoint}${ADMIN_PREFIX}`;
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${base}${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** The controls over `endpoint`'s admin route (see emulatorAdminAt for whether it has one). */
export function adminRoute(endpoint: string, timeoutMs: number): EmulatorAdmin {
  const send = adminSender(endpoint, timeoutMs);
  // JSON has no undefined: the admin route reads null as "no limit".
  const asJson = (change: BehaviourChange) => Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v === undefined ? null : v]));
  return {
    via: `${endpoint}${ADMIN_PREFIX}`,
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

/** Whether `endpoint` answers `GET /_emulator/health` as our emulator does. */
export async function exposesAdminRoute(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}${ADMIN_PREFIX}/health`, { signal: AbortSignal.timeout(ADMIN_PROBE_TIMEOUT_MS) });
    if (!res.ok) return false;
    const body = (await res.json()) as { ok?: unknown; stores?: unknown };
    return body.ok === true && typeof body.stores === 'number';
  } catch {
    return false;
  }
}

/** The controls over `endpoint`'s admin route when it answers as our emulator; else why there are none. */
export async function emulatorAdminAt(endpoint: string, timeoutMs: number): Promise<{ readonly admin: EmulatorAdmin } | { readonly reason: string }> {
  if (await exposesAdminRoute(endpoint)) return { admin: adminRoute(endpoint, timeoutMs) };
  return { reason: `${endpoint} does not expose the emulator's admin route (${ADMIN_PREFIX}): faults and quotas cannot be set there` };
}
