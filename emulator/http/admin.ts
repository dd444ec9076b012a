// The admin routes, under a prefix no AWS operation uses: the request log, faults, behaviour
// switches and the state. They are not logged, not faulted and not signed.
import { anyOperationPathStartsWith } from '../../specs/index.ts';
import type { EmulatorCore } from '../core/core.ts';
import { faultChangeFromJson } from '../core/faultSpec.ts';
import type { RequestLog } from '../requestLog.ts';
import type { BehaviourConfig } from '../config.ts';

export const ADMIN_PREFIX = '/_emulator';

if (anyOperationPathStartsWith(ADMIN_PREFIX)) throw new Error(`emulator: an operation's path starts with the admin prefix ${ADMIN_PREFIX}; choose another prefix`);

export interface AdminResult {
  readonly status: number;
  readonly body?: unknown;
}

export interface AdminContext {
  readonly core: EmulatorCore;
  readonly requestLog: RequestLog;
}

/** Routes: documented in emulator/README.md. Throws Error with a message for a bad request body. */
export function handleAdmin(method: string, path: string, query: URLSearchParams, body: unknown, { core, requestLog }: AdminContext): AdminResult | undefined {
  const sub = path.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
  switch (`${method} ${sub}`) {
    case 'GET /health':
      return { status: 200, body: { ok: true, stores: core.storeCount() } };
    case 'GET /requests': {
      const since = query.get('since');
      const operation = query.get('operation') ?? undefined;
      return { status: 200, body: { requests: requestLog.entries({ ...(since !== null ? { since: Number(since) } : {}), ...(operation ? { operation } : {}) }) } };
    }
    case 'DELETE /requests':
      requestLog.clear();
      return { status: 204 };
    case 'GET /faults':
      return { status: 200, body: core.faults.plan() };
    case 'POST /faults':
      core.faults.configure(faultChangeFromJson(body));
      return { status: 200, body: core.faults.plan() };
    case 'DELETE /faults':
      core.faults.clear();
      return { status: 204 };
    case 'GET /behaviour':
      return { status: 200, body: core.config.behaviour };
    case 'PATCH /behaviour':
    case 'POST /behaviour':
      core.setBehaviour(behaviourChange(body, core.config.behaviour));
      return { status: 200, body: core.config.behaviour };
    case 'GET /state':
      return { status: 200, body: core.snapshot() };
    case 'PUT /state':
      core.restore(body);
      return { status: 204 };
    case 'DELETE /state':
      core.reset();
      return { status: 204 };
    default:
      return undefined;
  }
}

/** Known switches only; null clears an optional limit (quota, maxTagsPerResource). */
function behaviourChange(body: unknown, current: BehaviourConfig): Partial<BehaviourConfig> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the body must be a JSON object of behaviour switches');
  const known = Object.keys(current);
  const change: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!known.includes(key)) throw new Error(`unknown behaviour switch '${key}'; known: ${known.join(', ')}`);
    change[key] = value === null ? undefined : value;
  }
  return change as Partial<BehaviourConfig>;
}
