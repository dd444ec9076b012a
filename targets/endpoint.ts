// A target at any URL: another emulator, ours started separately, or a proxy in front of AWS.
import type { AwsCredentialIdentity } from '@smithy/types';
import { callRaw } from './rawCall.ts';
import { callThroughSdk, createOmicsClient, DEFAULT_TIMEOUT_MS } from './sdkClient.ts';
import type { ClientDeviations } from './clientDeviations.ts';
import type { Target } from './types.ts';

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
}

export function endpointTarget(options: EndpointTargetOptions): Target {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clients = new Map<number, ReturnType<typeof createOmicsClient>>();
  const clientFor = (maxAttempts: number) => {
    let client = clients.get(maxAttempts);
    if (!client) {
      client = createOmicsClient({ region: options.region, endpoint: options.endpoint, credentials: options.credentials, maxAttempts, requestTimeoutMs: timeoutMs });
      clients.set(maxAttempts, client);
    }
    return client;
  };
  return {
    name: options.name ?? `endpoint ${options.endpoint}`,
    kind: options.kind ?? 'endpoint',
    hasWire: true,
    endpoint: options.endpoint,
    region: options.region,
    call: (operation, input, callOptions = {}) =>
      callThroughSdk(clientFor(callOptions.maxAttempts ?? 1), operation, input, { timeoutMs: callOptions.timeoutMs ?? timeoutMs, captureWire: true, ...(options.clientDeviations ? { deviations: options.clientDeviations } : {}) }),
    sendRaw: (operation, input, callOptions = {}) =>
      callRaw(operation, input, { endpoint: options.endpoint, region: options.region, credentials: options.credentials, timeoutMs: callOptions.timeoutMs ?? timeoutMs }),
    close: async () => {
      for (const c of clients.values()) c.destroy();
      await options.onClose?.();
    },
  };
}
