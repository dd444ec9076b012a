// What a target whose client runs elsewhere (an SDK behind an adapter) learns and asks of our
// emulator: the exchanges the emulator logged during a call (the client's wire as the server saw
// it), and faults scripted for a call's first attempts. In process on the embedded emulator, over
// the admin route on an endpoint that is our emulator.
import { ADMIN_PREFIX, type FaultPlan, type LoggedRequest, type RunningEmulator } from '../emulator/index.ts';
import type { ErrorName, OperationName } from '../specs/index.ts';
import type { WireExchange } from './types.ts';

export interface EmulatorLink {
  /** `in process`, or the admin route's URL. */
  readonly via: string;
  /** The sequence number of the last logged request: exchanges after it belong to what comes next. */
  mark(): Promise<number>;
  /** The exchanges logged after `seq`, in order. */
  exchangesSince(seq: number): Promise<WireExchange[]>;
  /**
   * Runs `work` while the next calls of `operation` are answered with `errors`, one each; a fault
   * `work` did not use up is withdrawn afterwards, so it cannot meet a later call.
   */
  withFirstAttemptsFailing<T>(operation: OperationName, errors: readonly ErrorName[], work: () => Promise<T>): Promise<T>;
}

/** How long one admin request may take. */
const ADMIN_TIMEOUT_MS = 5000;

function flatHeaders(headers: LoggedRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** A logged request and its answer as a wire exchange: the path as sent (origin form), the body as text. */
export function exchangeOf(entry: LoggedRequest): WireExchange {
  const request = { method: entry.method, path: entry.query ? `${entry.path}?${entry.query}` : entry.path, headers: flatHeaders(entry.headers), body: entry.body ?? '' };
  const r = entry.response;
  return r ? { request, response: { status: r.status, headers: r.headers ?? {}, body: r.body ?? '' } } : { request };
}

interface Controls {
  entries(since: number): Promise<readonly LoggedRequest[]>;
  plan(): Promise<FaultPlan>;
  addScript(script: FaultPlan['script']): Promise<void>;
  replacePlan(plan: FaultPlan): Promise<void>;
}

const pending = (plan: FaultPlan) => plan.script.reduce((n, s) => n + s.count, 0);

function linkOver(via: string, controls: Controls): EmulatorLink {
  let seen = 0;
  return {
    via,
    async mark() {
      const entries = await controls.entries(seen);
      seen = Math.max(seen, ...entries.map((e) => e.seq));
      return seen;
    },
    async exchangesSince(seq) {
      const entries = await controls.entries(seq);
      seen = Math.max(seen, ...entries.map((e) => e.seq));
      return entries.map(exchangeOf);
    },
    async withFirstAttemptsFailing(operation, errors, work) {
      const before = await controls.plan();
      await controls.addScript(errors.map((error) => ({ operation, error, count: 1 })));
      try {
        return await work();
      } finally {
        if (pending(await controls.plan()) > pending(before)) await controls.replacePlan(before);
      }
    },
  };
}

export function inProcessLink(emulator: RunningEmulator): EmulatorLink {
  const { core, requestLog } = emulator;
  return linkOver('in process', {
    entries: async (since) => requestLog.entries({ since }),
    plan: async () => core.faults.plan(),
    addScript: async (script) => core.faults.configure({ script }),
    replacePlan: async (plan) => {
      core.faults.clear();
      core.faults.configure(plan);
    },
  });
}

/** The link over `endpoint`'s admin route; undefined when the endpoint does not answer it as our emulator. */
export async function adminRouteLink(endpoint: string): Promise<EmulatorLink | undefined> {
  const base = `${endpoint}${ADMIN_PREFIX}`;
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${base}${path}`, { method, signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS), ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${base}${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  };
  try {
    const health = (await send('GET', '/health')) as { ok?: unknown };
    if (health?.ok !== true) return undefined;
  } catch {
    return undefined;
  }
  return linkOver(base, {
    entries: async (since) => ((await send('GET', `/requests?since=${since}`)) as { requests: LoggedRequest[] }).requests,
    plan: async () => (await send('GET', '/faults')) as FaultPlan,
    addScript: async (script) => void (await send('POST', '/faults', { script })),
    replacePlan: async (plan) => {
      await send('DELETE', '/faults');
      await send('POST', '/faults', { rate: plan.rate, errors: plan.errors, operations: plan.operations, latencyMs: plan.latencyMs, script: plan.script });
    },
  });
}
