// What a target whose client runs elsewhere (an SDK behind an adapter) learns and asks of our
// emulator: the exchanges the emulator logged during a call (the client's wire as the server saw
// it), and faults scripted for a call's first attempts. In process on the embedded emulator, over
// the admin route on an endpoint that is our emulator.
import { type FaultPlan, type LoggedRequest, type RunningEmulator } from '../emulator/index.ts';
import type { ErrorName, OperationName } from '../specs/index.ts';
import type { WireExchange } from './types.ts';
import { adminRoute, adminSender, exposesAdminRoute, inProcessAdmin, type EmulatorAdmin } from './emulatorAdmin.ts';

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

/** The fault controls a link scripts first attempts with: our emulator's admin, in process or over its route. */
type FaultControls = Pick<EmulatorAdmin, 'plan' | 'addScript' | 'replacePlan'>;

const pending = (plan: FaultPlan) => plan.script.reduce((n, s) => n + s.count, 0);

function linkOver(via: string, faults: FaultControls, entries: (since: number) => Promise<readonly LoggedRequest[]>): EmulatorLink {
  let seen = 0;
  return {
    via,
    async mark() {
      const logged = await entries(seen);
      seen = Math.max(seen, ...logged.map((e) => e.seq));
      return seen;
    },
    async exchangesSince(seq) {
      const logged = await entries(seq);
      seen = Math.max(seen, ...logged.map((e) => e.seq));
      return logged.map(exchangeOf);
    },
    async withFirstAttemptsFailing(operation, errors, work) {
      const before = await faults.plan();
      await faults.addScript(errors.map((error) => ({ operation, error, count: 1 })));
      try {
        return await work();
      } finally {
        if (pending(await faults.plan()) > pending(before)) await faults.replacePlan(before);
      }
    },
  };
}

export function inProcessLink(emulator: RunningEmulator): EmulatorLink {
  return linkOver('in process', inProcessAdmin(emulator.core), async (since) => emulator.requestLog.entries({ since }));
}

/** The link over the admin route of `endpoint`, known to be our emulator, whose controls `admin` are. */
export function routeLink(endpoint: string, admin: EmulatorAdmin): EmulatorLink {
  const send = adminSender(endpoint, ADMIN_TIMEOUT_MS);
  return linkOver(admin.via, admin, async (since) => ((await send('GET', `/requests?since=${since}`)) as { requests: LoggedRequest[] }).requests);
}

/** The link over `endpoint`'s admin route; undefined when the endpoint does not answer it as our emulator. */
export async function adminRouteLink(endpoint: string): Promise<EmulatorLink | undefined> {
  return (await exposesAdminRoute(endpoint)) ? routeLink(endpoint, adminRoute(endpoint, ADMIN_TIMEOUT_MS)) : undefined;
}
