// A target whose calls go through an SDK in another process, behind the adapter protocol. It has no
// wire of its own: where the service is our emulator, the exchanges the emulator logged during a
// call are its wire, and scripted faults let a call's first attempts fail. Calls go one at a time,
// so that what the emulator logged in a call's time is that call's.
import type { OperationName } from '../specs/index.ts';
import type { AdapterAnswer } from './adapterProtocol.ts';
import { viewOf } from './adapterProtocol.ts';
import { startAdapter, type AdapterCommand, type AdapterFailure, type AdapterProcess } from './adapterProcess.ts';
import type { EmulatorAdmin } from './emulatorAdmin.ts';
import type { EmulatorLink } from './emulatorLink.ts';
import { DEFAULT_TIMEOUT_MS } from './sdkClient.ts';
import type { CallOptions, Capability, Observation, Target } from './types.ts';

export interface AdapterTargetOptions {
  readonly adapter: AdapterCommand;
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** What the service side is: the embedded emulator, or an endpoint. */
  readonly kind: Target['kind'];
  /** The service side's name, e.g. `embedded emulator`. */
  readonly name: string;
  /** Where the endpoint is our emulator: its request log and faults. */
  readonly link?: EmulatorLink;
  /** Where the endpoint is our emulator: its controls (the `admin` capability). */
  readonly admin?: EmulatorAdmin;
  /** Why the target lacks a capability, where there is more to say (e.g. no admin route there). */
  readonly lacking?: Target['lacking'];
  readonly timeoutMs?: number;
  /** Retries of a transient answer for a call whose options name no maxAttempts (default 0). */
  readonly retries?: number;
  readonly onClose?: () => Promise<void>;
  /** A service like this one that checks signatures, with a key limited to `allowed` (the `scoped-credentials` capability). */
  readonly scopedService?: (allowed: readonly OperationName[]) => Promise<ScopedService>;
}

export interface ScopedService {
  readonly endpoint: string;
  readonly credentials: AdapterTargetOptions['credentials'];
  readonly close: () => Promise<void>;
}

export interface AdapterTarget extends Target {
  readonly client: string;
  /** Set once the adapter broke: the run's results cannot be trusted and it ends with this. */
  failure(): AdapterFailure | undefined;
}

/** One at a time, in the order asked. */
function serial(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = tail.then(work);
    tail = next.catch(() => undefined);
    return next;
  };
}

/** Why an SDK behind an adapter sends no raw-wire case. */
export const noRawSends = (client: string) => `raw-wire cases go around the SDK under test (${client}): they are the in-process run's to send`;

export async function adapterTarget(options: AdapterTargetOptions): Promise<AdapterTarget> {
  return over(await startAdapter(options.adapter), serial(), options, true);
}

/** The target over a started adapter; `owns`: closing it stops the adapter (a scoped view shares its parent's). */
function over(process: AdapterProcess, inTurn: <T>(work: () => Promise<T>) => Promise<T>, options: AdapterTargetOptions, owns: boolean): AdapterTarget {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const defaultAttempts = 1 + (options.retries ?? 0);
  const link = options.link;
  const scopedService = options.scopedService;

  async function call(operation: OperationName, input: Record<string, unknown>, callOptions: CallOptions = {}): Promise<Observation> {
    const limit = callOptions.timeoutMs ?? timeoutMs;
    const faults = link && callOptions.failFirstAttempts?.length ? callOptions.failFirstAttempts : undefined;
    const send = () =>
      process.call({
        op: operation,
        input,
        endpoint: options.endpoint,
        region: options.region,
        credentials: options.credentials,
        retry: { maxAttempts: callOptions.maxAttempts ?? defaultAttempts },
        timeoutMs: limit,
      });
    return inTurn(async () => {
      const mark = await link?.mark();
      const started = performance.now();
      const answer: AdapterAnswer = faults ? await link!.withFirstAttemptsFailing(operation, faults, send) : await send();
      const durationMs = performance.now() - started;
      const wire = link && mark !== undefined ? await link.exchangesSince(mark) : undefined;
      const base = { operation, input, via: 'sdk' as const, ...(wire ? { wire } : {}), durationMs };
      const view = viewOf(operation, answer);
      if ('transportError' in view) return { ...base, client: {}, transportError: view.transportError };
      if ('unsupported' in view) return { ...base, client: { error: { name: 'UnsupportedByClient', message: view.unsupported } }, refused: `${process.client} cannot send it: ${view.unsupported}` };
      return { ...base, client: view.client };
    });
  }

  return {
    name: `${options.name} through ${process.client}`,
    kind: options.kind,
    capabilities: new Set<Capability>(['client-view', ...(link ? (['wire-capture', 'fail-first-attempts'] as const) : []), ...(options.admin ? (['admin'] as const) : []), ...(scopedService ? (['scoped-credentials'] as const) : [])]),
    lacking: {
      ...options.lacking,
      'raw-send': noRawSends(process.client),
      ...(link ? {} : { 'wire-capture': `no wire on the ${options.kind} target: ${process.client} runs in another process and ${options.endpoint} keeps no log of its requests` }),
    },
    endpoint: options.endpoint,
    region: options.region,
    defaultAttempts,
    ...(options.admin ? { admin: options.admin } : {}),
    client: process.client,
    failure: () => process.failure,
    call,
    // The same client, its calls signed with a key limited to some operations, to a service that checks it.
    ...(scopedService
      ? {
          scopedTarget: async (allowed: readonly OperationName[]) => {
            const service = await scopedService(allowed);
            const { link: _ownLog, admin: _ownControls, scopedService: _once, ...rest } = options;
            return over(process, inTurn, { ...rest, endpoint: service.endpoint, credentials: service.credentials, name: `${options.name} (a key limited to ${allowed.length} operations)`, onClose: service.close }, false);
          },
        }
      : {}),
    close: async () => {
      if (owns) await process.stop();
      await options.onClose?.();
    },
  };
}

