// A target at any URL: another emulator, ours started separately, or a proxy in front of AWS.
import type { AwsCredentialIdentity } from '@smithy/types';
import type { EmulatorAdmin } from './emulatorAdmin.ts';
import { callRaw } from './rawCall.ts';
import { callThroughSdk, createOmicsClient, DEFAULT_TIMEOUT_MS } from './sdkClient.ts';
import type { ClientDeviations } from './clientDeviations.ts';
import type { Capability, Target } from './types.ts';

export interface EndpointTargetOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: AwsCredentialIdentity;
  readonly timeoutMs?: number;
  readonly name?: string;
  readonly kind?: Target['kind'];
  readonly onClose?: () => Promise<void>;
  /** A client that departs from the binding on purpose (for proving the wire checks). */
  readonly clientDeviations?: ClientDeviations;
  /**
   * Retries of a transient answer (throttling, 5xx, the request timeout) for a call whose options
   * name no maxAttempts, SDK and raw alike (default 0): for targets that inject faults.
   */
  readonly retries?: number;
  /** Where the endpoint is our emulator: its controls (the `admin` capability). */
  readonly admin?: EmulatorAdmin;
  /** Why the target lacks a capability, where there is more to say (e.g. no admin route there). */
  readonly lacking?: Target['lacking'];
}

/** What a target over HTTP through the JS SDK in this process can do, besides our emulator's controls. */
const OVER_HTTP: readonly Capability[] = ['raw-send', 'wire-capture', 'client-view', 'lose-first-answer'];

export function endpointTarget(options: EndpointTargetOptions): Target {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = options.retries ?? 0;
  const defaultAttempts = 1 + retries;
  const clients = new Map<number, ReturnType<typeof createOmicsClient>>();
  const clientFor = (maxAttempts: number) => {
    let client = clients.get(maxAttempts);
    if (!client) {
      // Given retries, every retry follows targets/retry.ts; without, a case that asks for attempts gets the SDK's standard retry.
      client = createOmicsClient({ region: options.region, endpoint: options.endpoint, credentials: options.credentials, maxAttempts, requestTimeoutMs: timeoutMs, ...(retries > 0 ? { transientRetry: true } : {}) });
      clients.set(maxAttempts, client);
    }
    return client;
  };
  return {
    name: options.name ?? `endpoint ${options.endpoint}`,
    kind: options.kind ?? 'endpoint',
    capabilities: new Set<Capability>([...OVER_HTTP, ...(options.admin ? (['admin'] as const) : [])]),
    ...(options.lacking ? { lacking: options.lacking } : {}),
    endpoint: options.endpoint,
    region: options.region,
    defaultAttempts,
    ...(options.admin ? { admin: options.admin } : {}),
    call: (operation, input, callOptions = {}) =>
      callThroughSdk(clientFor(callOptions.maxAttempts ?? defaultAttempts), operation, input, { timeoutMs: callOptions.timeoutMs ?? timeoutMs, captureWire: true, ...(callOptions.loseFirstAnswer ? { loseFirstAnswer: true } : {}), ...(options.clientDeviations ? { deviations: options.clientDeviations } : {}) }),
    sendRaw: (operation, input, callOptions = {}) =>
      callRaw(operation, input, { endpoint: options.endpoint, region: options.region, credentials: options.credentials, timeoutMs: callOptions.timeoutMs ?? timeoutMs, maxAttempts: callOptions.maxAttempts ?? defaultAttempts }),
    close: async () => {
      for (const c of clients.values()) c.destroy();
      await options.onClose?.();
    },
  };
}
