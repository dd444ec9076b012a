// The real @aws-sdk/client-omics client, set up for a target, and one call through it as an observation.
import * as Omics from '@aws-sdk/client-omics';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity } from '@smithy/types';
import { operations, type OperationName } from '../specs/index.ts';
import type { CallOptions, ObservedError, Observation, WireExchange } from './types.ts';
import { clientDeviations, type ClientDeviations } from './clientDeviations.ts';
import { loseFirstAnswer } from './lostAnswer.ts';
import { TransientRetryStrategy, withDeadline } from './retry.ts';
import { toSdkForm } from './sdkForm.ts';
import { wireCapture } from './wireCapture.ts';

export interface ClientSettings {
  readonly region: string;
  /** A local endpoint; absent for the real service. */
  readonly endpoint?: string;
  /** Dummy credentials suit an emulator; absent means the standard AWS chain. */
  readonly credentials?: AwsCredentialIdentity;
  readonly maxAttempts?: number;
  /** The SDK's retry mode (default standard); `adaptive` also slows the client down after throttling. */
  readonly retryMode?: 'standard' | 'adaptive';
  /** Retry transient answers by targets/retry.ts (short backoff, Retry-After, within the call's deadline) instead of the retry mode. */
  readonly transientRetry?: boolean;
  /** Per-attempt socket time limit. */
  readonly requestTimeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

const NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * The SDK warns once per process, as it makes a client, that its releases from 2027 need Node 22.
 * The harness used as a library must not print that into its user's test output: the switch the
 * SDK documents is set for the making of our clients only, and put back as it was.
 */
function withoutNodeWarning<T>(make: () => T): T {
  const before = process.env[NODE_WARNING_SWITCH];
  process.env[NODE_WARNING_SWITCH] = 'true';
  try {
    return make();
  } finally {
    if (before === undefined) delete process.env[NODE_WARNING_SWITCH];
    else process.env[NODE_WARNING_SWITCH] = before;
  }
}

/**
 * A connection idle this long is closed by the client, before a server's keep-alive of 5 s (Node's
 * default, the emulator's) closes it: a request written just as the server closes its end gets no
 * answer (socket hang up, ECONNRESET), more often the fewer calls a run makes.
 */
const IDLE_CONNECTION_MS = 4000;

export function createOmicsClient(settings: ClientSettings): Omics.OmicsClient {
  const timeout = settings.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  return withoutNodeWarning(() => new Omics.OmicsClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint, disableHostPrefix: true } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    maxAttempts: settings.maxAttempts ?? 1,
    ...(settings.retryMode ? { retryMode: settings.retryMode } : {}),
    ...(settings.transientRetry && (settings.maxAttempts ?? 1) > 1 ? { retryStrategy: new TransientRetryStrategy(settings.maxAttempts!) } : {}),
    requestHandler: new NodeHttpHandler({ connectionTimeout: timeout, requestTimeout: timeout, httpAgent: { timeout: IDLE_CONNECTION_MS } }),
  }));
}

type CommandClass = new (input: object) => Omics.OmicsClient extends { send(c: infer C): unknown } ? C : never;

function commandClass(operation: OperationName): CommandClass {
  const ctor = (Omics as unknown as Record<string, unknown>)[`${operation}Command`];
  if (typeof ctor !== 'function') throw new Error(`@aws-sdk/client-omics has no ${operation}Command`);
  return ctor as CommandClass;
}

function isModeledClass(err: Error): boolean {
  const ctor = (Omics as unknown as Record<string, unknown>)[err.name];
  return typeof ctor === 'function' && err instanceof (ctor as new (...a: never[]) => Error) && err instanceof Omics.OmicsServiceException;
}

export function observedError(err: unknown): ObservedError {
  const e = err as Error & {
    $fault?: 'client' | 'server';
    $retryable?: { throttling?: boolean };
    $metadata?: { httpStatusCode?: number };
  };
  return {
    name: e?.name ?? 'Error',
    message: e?.message ?? String(err),
    ...(e?.$fault ? { fault: e.$fault } : {}),
    ...(e?.$retryable ? { retryable: { ...e.$retryable } } : {}),
    ...(e?.$metadata?.httpStatusCode !== undefined ? { httpStatus: e.$metadata.httpStatusCode } : {}),
    isModeledClass: e instanceof Error && isModeledClass(e),
  };
}

/** An error raised before any answer came: the SDK's own timeouts and connection errors. */
function isTransportError(err: unknown, exchanges: readonly WireExchange[]): boolean {
  const e = err as { $metadata?: { httpStatusCode?: number }; name?: string };
  return e?.$metadata?.httpStatusCode === undefined && (exchanges.length === 0 || exchanges.every((x) => !x.response));
}

/**
 * A success answer the SDK could not read (a member of another type than the model's, a timestamp
 * as a number): its output as the wire carried it, so that the run goes on and the response-shape
 * checks name the member; undefined for anything else (a service error, a body that is not JSON).
 */
function unreadableSuccess(operation: OperationName, err: unknown, exchanges: readonly WireExchange[]): { output: Record<string, unknown>; unreadable: string } | undefined {
  const e = err as { $fault?: unknown; message?: string } | undefined;
  const response = exchanges[exchanges.length - 1]?.response;
  if (!response || e?.$fault !== undefined || response.status < 200 || response.status >= 300) return undefined;
  let body: unknown;
  try {
    body = response.body ? JSON.parse(response.body) : {};
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const output = toSdkForm(operations[operation].output, body) as Record<string, unknown>;
  return { output, unreadable: `${(err as Error)?.name ?? 'Error'}: ${(e?.message ?? String(err)).split('\n')[0]}` };
}

export async function callThroughSdk(
  client: Omics.OmicsClient,
  operation: OperationName,
  input: Record<string, unknown>,
  options: CallOptions & { captureWire: boolean; deviations?: ClientDeviations },
): Promise<Observation> {
  const exchanges: WireExchange[] = [];
  const Command = commandClass(operation);
  const command = new Command(structuredClone(input)) as unknown as { middlewareStack: { use(p: unknown): void } };
  if (options.deviations) command.middlewareStack.use(clientDeviations(operation, options.deviations));
  if (options.loseFirstAnswer) command.middlewareStack.use(loseFirstAnswer());
  if (options.captureWire) command.middlewareStack.use(wireCapture(exchanges));
  const abort = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  const base = { operation, input, via: 'sdk' as const, ...(options.captureWire ? { wire: exchanges } : {}) };
  try {
    // Retries by targets/retry.ts start only where they end before the deadline; the timer is the backstop.
    const result = (await withDeadline(deadline, () => client.send(command as never, { abortSignal: abort.signal }))) as unknown as Record<string, unknown>;
    const { $metadata: _metadata, ...output } = result;
    return { ...base, client: { output }, durationMs: performance.now() - started };
  } catch (err) {
    const durationMs = performance.now() - started;
    if (abort.signal.aborted) return { ...base, client: {}, transportError: `no answer within ${timeoutMs} ms`, durationMs };
    if (options.captureWire && isTransportError(err, exchanges)) {
      return { ...base, client: {}, transportError: (err as Error)?.message ?? String(err), durationMs };
    }
    const read = options.captureWire ? unreadableSuccess(operation, err, exchanges) : undefined;
    if (read) return { ...base, client: read, durationMs };
    return { ...base, client: { error: observedError(err) }, durationMs };
  } finally {
    clearTimeout(timer);
  }
}
