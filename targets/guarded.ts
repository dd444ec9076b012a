// The guard a target wears against a shared account: it lets through reads, creates within a
// budget, and changes (update, delete, tag, untag) only of stores the run's own creates made,
// as recorded in a ledger filled from their answers. Every call waits its turn in a token bucket.
import { operations, validateInput, type OperationName } from '../specs/index.ts';
import { StoreLedger } from './ledger.ts';
import { retryAfterMs, TokenBucket, realClock, type Clock } from './rateLimit.ts';
import type { CallOptions, Observation, Target } from './types.ts';

/** The error name of a refusal observation: no service sends it. */
export const GUARD_REFUSAL = 'RefusedByGuard';

const CREATE: OperationName = 'CreateSequenceStore';
const DELETE: OperationName = 'DeleteSequenceStore';
/** A create that got no answer is sent again with its token this many times, to learn the store it made. */
const RECOVERY_ATTEMPTS = 2;

export interface GuardOptions {
  readonly ledger?: StoreLedger;
  /** Most stores the run may create (default: no limit). */
  readonly maxStores?: number;
  /** Requests per second (default: no limit). */
  readonly ratePerSecond?: number;
  readonly clock?: Clock;
}

export interface GuardedTarget extends Target {
  readonly ledger: StoreLedger;
}

export function isRefusal(observation: Observation): boolean {
  return observation.refused !== undefined;
}

function labelMembers(operation: OperationName): string[] {
  return Object.entries(operations[operation].input.members)
    .filter(([, m]) => m.location === 'label')
    .map(([name]) => name);
}

/** Calls that change or remove an existing store. */
export function changesAStore(operation: OperationName): boolean {
  return !operations[operation].readonly && operation !== CREATE;
}

export const FOREIGN_STORE = 'the aws target changes, tags and deletes only stores this run created';

/**
 * Why a call that changes a store may not go out (a detail naming the store), or undefined when
 * every store it names is the run's. A label that breaks the contract's constraints (or is empty)
 * names no store at all: such requests go out, so that validation can still be tested.
 */
export function refusalReason(operation: OperationName, input: Record<string, unknown>, ledger: StoreLedger): string | undefined {
  if (!changesAStore(operation)) return undefined;
  const labels = labelMembers(operation);
  if (labels.length === 0) return `${operation} names no store`;
  const outside = new Set(validateInput(operation, input).filter((v) => v.level === 'MUST').map((v) => v.path.split(/[.[]/)[0]));
  for (const name of labels) {
    const value = input[name];
    if (value === undefined || value === null || value === '' || outside.has(name)) continue;
    if (typeof value === 'string' && (ledger.ownsId(value) || ledger.ownsArn(value))) continue;
    return `${operation} on ${String(value)}: not a store this run created`;
  }
  return undefined;
}

/** `reason` is short and the same for every refusal of a kind (it becomes the skip reason); `detail` names the call. */
function refusal(operation: OperationName, input: Record<string, unknown>, via: Observation['via'], reason: string, detail: string): Observation {
  return { operation, input, via, client: { error: { name: GUARD_REFUSAL, message: `${detail}: ${reason}` } }, refused: reason, durationMs: 0 };
}

/** The token the SDK sent with a create (it fills one when the input has none). */
function sentToken(observation: Observation): string | undefined {
  const given = observation.input.clientToken;
  if (typeof given === 'string') return given;
  for (const x of observation.wire ?? []) {
    try {
      const token = (JSON.parse(x.request.body) as Record<string, unknown>).clientToken;
      if (typeof token === 'string') return token;
    } catch {
      // not JSON: no token to read
    }
  }
  return undefined;
}

export function guardedTarget(inner: Target, options: GuardOptions = {}): GuardedTarget {
  const ledger = options.ledger ?? new StoreLedger();
  const maxStores = options.maxStores ?? Number.POSITIVE_INFINITY;
  const clock = options.clock ?? realClock;
  const bucket = options.ratePerSecond !== undefined ? new TokenBucket(options.ratePerSecond, undefined, clock) : undefined;
  let pendingCreates = 0;

  const learn = (obs: Observation) => {
    const out = obs.client.output;
    if (obs.operation === CREATE && out && typeof out.id === 'string' && typeof out.arn === 'string') ledger.record(out.id, out.arn);
    if (obs.operation === DELETE && typeof obs.input.id === 'string' && !obs.transportError && (!obs.client.error || obs.client.error.name === 'ResourceNotFoundException')) {
      ledger.markDeleted(obs.input.id);
    }
  };

  async function send(call: () => Promise<Observation>): Promise<Observation> {
    await bucket?.take();
    const obs = await call();
    const last = obs.wire?.[obs.wire.length - 1]?.response;
    const wait = retryAfterMs(last?.headers['retry-after'], clock.now());
    if (wait !== undefined) bucket?.pause(wait);
    learn(obs);
    return obs;
  }

  /** A create that got no answer may still have made a store: the same request with the same token tells which. */
  async function recover(first: Observation, callOptions: CallOptions): Promise<void> {
    // No exchange recorded: the request never left (e.g. no credentials), so no store can exist.
    if (!first.wire?.length) return;
    const token = sentToken(first);
    if (token === undefined) {
      ledger.noteUnanswered(`a CreateSequenceStore named ${JSON.stringify(first.input.name)} got no answer (${first.transportError})`);
      return;
    }
    for (let i = 0; i < RECOVERY_ATTEMPTS; i++) {
      const again = await send(() => inner.call(CREATE, { ...first.input, clientToken: token }, callOptions));
      if (!again.transportError) return;
    }
    ledger.noteUnanswered(`a CreateSequenceStore with clientToken ${token} got no answer (${first.transportError})`);
  }

  async function guard(operation: OperationName, input: Record<string, unknown>, via: Observation['via'], call: () => Promise<Observation>, callOptions: CallOptions): Promise<Observation> {
    ledger.begin();
    try {
      return await admit(operation, input, via, call, callOptions);
    } finally {
      ledger.end();
    }
  }

  async function admit(operation: OperationName, input: Record<string, unknown>, via: Observation['via'], call: () => Promise<Observation>, callOptions: CallOptions): Promise<Observation> {
    const why = refusalReason(operation, input, ledger);
    if (why) return refusal(operation, input, via, FOREIGN_STORE, why);
    if (operation !== CREATE) return send(call);
    if (ledger.sealed) return refusal(operation, input, via, 'the run is cleaning up: no new stores', operation);
    if (ledger.created + pendingCreates >= maxStores) {
      return refusal(operation, input, via, `--max-stores ${maxStores} reached (raise it to let the run create more stores)`, `${operation}: this run has created ${ledger.created} stores`);
    }
    pendingCreates++;
    const answered = ledger.createSent(`a CreateSequenceStore named ${JSON.stringify(input.name)}`);
    try {
      const obs = await send(call);
      if (obs.transportError && via === 'sdk') await recover(obs, callOptions);
      else if (obs.transportError && obs.wire?.length) ledger.noteUnanswered(`a raw CreateSequenceStore named ${JSON.stringify(input.name)} got no answer (${obs.transportError})`);
      return obs;
    } finally {
      answered();
      pendingCreates--;
    }
  }

  const sendRaw = inner.sendRaw;
  const scopedTarget = inner.scopedTarget;
  return {
    name: inner.name,
    kind: inner.kind,
    capabilities: new Set([...inner.capabilities, 'ledger']),
    ...(inner.lacking ? { lacking: inner.lacking } : {}),
    ...(inner.endpoint !== undefined ? { endpoint: inner.endpoint } : {}),
    region: inner.region,
    ...(inner.defaultAttempts !== undefined ? { defaultAttempts: inner.defaultAttempts } : {}),
    ...(inner.client !== undefined ? { client: inner.client } : {}),
    ...(inner.admin ? { admin: inner.admin } : {}),
    ...(scopedTarget ? { scopedTarget: async (allowed: readonly OperationName[]) => guardedTarget(await scopedTarget.call(inner, allowed), { ...options, ledger }) } : {}),
    ledger,
    call: (operation, input, callOptions = {}) => guard(operation, input, 'sdk', () => inner.call(operation, input, callOptions), callOptions),
    ...(sendRaw ? { sendRaw: (operation: OperationName, input: Record<string, unknown>, callOptions: CallOptions = {}) => guard(operation, input, 'wire', () => sendRaw.call(inner, operation, input, callOptions), callOptions) } : {}),
    close: () => inner.close(),
  };
}
