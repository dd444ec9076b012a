// The real AWS HealthOmics service as a target: region and credentials from the standard AWS chain,
// the SDK's adaptive retry on throttling (Retry-After honoured), behind the guard (targets/guarded.ts).
// An explicit endpoint means "the real-service rules, at this URL" (how the tests pose the emulator
// as AWS); a local URL takes no host prefix, so the prefix is off whenever an endpoint is given.
import type { OmicsClient } from '@aws-sdk/client-omics';
import { operations, type OperationName } from '../specs/index.ts';
import { guardedTarget, type GuardedTarget, type GuardOptions } from './guarded.ts';
import { callRaw } from './rawCall.ts';
import { callThroughSdk, createOmicsClient, DEFAULT_TIMEOUT_MS } from './sdkClient.ts';
import type { Capability, Observation, Target } from './types.ts';

/** SDK attempts per call when a suite does not ask for a number: throttling and 5xx are retried. */
export const AWS_DEFAULT_MAX_ATTEMPTS = 3;

export interface AwsTargetOptions {
  readonly region: string;
  /** For testing the harness only: the real-service rules at this URL, host prefix off. */
  readonly endpoint?: string;
  readonly timeoutMs?: number;
  /** SDK attempts of a call that names none (default AWS_DEFAULT_MAX_ATTEMPTS, adaptive); given, raw sends make as many. */
  readonly maxAttempts?: number;
  readonly guard?: GuardOptions;
}

/** The URL a raw request of `operation` goes to on the service: the SDK's regional endpoint with the operation's host prefix. */
export function serviceUrl(client: OmicsClient, operation: OperationName, region: string): string {
  const url = new URL(client.config.endpointProvider({ Region: region }).url);
  url.hostname = `${operations[operation].http.hostPrefix}${url.hostname}`;
  return url.toString().replace(/\/$/, '');
}

function serviceTarget(options: AwsTargetOptions): Target {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const defaultAttempts = options.maxAttempts ?? AWS_DEFAULT_MAX_ATTEMPTS;
  const clients = new Map<number, ReturnType<typeof createOmicsClient>>();
  const clientFor = (maxAttempts: number) => {
    let client = clients.get(maxAttempts);
    if (!client) {
      // No credentials given: the SDK's default provider chain (environment, profile, SSO, instance role).
      client = createOmicsClient({ region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}), maxAttempts, retryMode: 'adaptive', requestTimeoutMs: timeoutMs });
      clients.set(maxAttempts, client);
    }
    return client;
  };
  return {
    name: options.endpoint ? `AWS HealthOmics rules at ${options.endpoint}` : `AWS HealthOmics ${options.region}`,
    kind: 'aws',
    capabilities: new Set<Capability>(['raw-send', 'wire-capture', 'client-view', 'lose-first-answer']),
    lacking: { admin: 'the real service cannot be made to fail on purpose' },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    region: options.region,
    defaultAttempts,
    call: (operation, input, callOptions = {}) =>
      callThroughSdk(clientFor(callOptions.maxAttempts ?? defaultAttempts), operation, input, { timeoutMs: callOptions.timeoutMs ?? timeoutMs, captureWire: true, ...(callOptions.loseFirstAnswer ? { loseFirstAnswer: true } : {}) }),
    async sendRaw(operation, input, callOptions = {}): Promise<Observation> {
      const started = performance.now();
      try {
        const client = clientFor(1);
        const credentials = await client.config.credentials();
        const endpoint = options.endpoint ?? serviceUrl(client, operation, options.region);
        return await callRaw(operation, input, { endpoint, region: options.region, credentials, timeoutMs: callOptions.timeoutMs ?? timeoutMs, maxAttempts: callOptions.maxAttempts ?? options.maxAttempts ?? 1 });
      } catch (err) {
        return { operation, input, via: 'wire', client: {}, transportError: (err as Error).message, durationMs: performance.now() - started };
      }
    },
    close: async () => {
      for (const c of clients.values()) c.destroy();
    },
  };
}

export function awsTarget(options: AwsTargetOptions): GuardedTarget {
  return guardedTarget(serviceTarget(options), options.guard);
}
