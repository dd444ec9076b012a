// Retrying transient answers — throttling, server errors (5xx), the request timeout — for targets
// that inject faults: the same request (and so the same idempotency token) sent again after a short
// backoff that honours Retry-After, as the SDK's standard retry does. One policy for both ways a call
// travels: an SDK retry strategy (the SDK resends the request it built, token included) and the loop
// of a raw send. A retry is never started when its wait would end past the call's deadline, so no
// call runs past its time limit: the last answer is the call's answer.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { errors, transientErrors, type ErrorName } from '../specs/index.ts';
import { errorTypeOf } from './errorType.ts';
import type { WireResponse } from './types.ts';

/** The ceiling of the first retry's backoff; each further retry doubles it, up to RETRY_MAX_BACKOFF_MS. */
export const RETRY_BASE_BACKOFF_MS = 10;
/** Throttling backs off from a higher ceiling, as the SDK's standard retry does. */
export const THROTTLING_BASE_BACKOFF_MS = RETRY_BASE_BACKOFF_MS * 5;
export const RETRY_MAX_BACKOFF_MS = 1000;

/** The HTTP statuses of the transient errors of the contract (throttling, the server fault, the timeout). */
const TRANSIENT_STATUSES = new Set(transientErrors.map((name) => errors[name].httpStatus));

/** The deadline (epoch ms) of the SDK call in progress, read by the retry strategy of its client. */
const callDeadline = new AsyncLocalStorage<number>();

/** Runs `send` with `deadline` as the time by which its retries must have ended. */
export function withDeadline<T>(deadline: number, send: () => Promise<T>): Promise<T> {
  return callDeadline.run(deadline, send);
}

/** Full-jitter exponential backoff before retry number `retry + 1`. */
export function backoffMs(retry: number, throttling: boolean): number {
  const base = throttling ? THROTTLING_BASE_BACKOFF_MS : RETRY_BASE_BACKOFF_MS;
  return Math.floor(Math.random() * Math.min(base * 2 ** retry, RETRY_MAX_BACKOFF_MS));
}

/**
 * How long to wait before the next attempt, or undefined when there is none: no attempt left, or the
 * wait (the backoff, or a longer Retry-After) would end at or past the deadline.
 */
export function retryWait(options: { retry: number; maxAttempts: number; throttling: boolean; retryAfterMs?: number | undefined; now: number; deadline?: number | undefined }): number | undefined {
  if (options.retry + 1 >= options.maxAttempts) return undefined;
  const wait = Math.max(backoffMs(options.retry, options.throttling), options.retryAfterMs ?? 0);
  if (options.deadline !== undefined && options.now + wait >= options.deadline) return undefined;
  return wait;
}

/** A raw answer a retry may cure, and whether it is throttling; undefined for any other answer. */
export function transientAnswer(response: WireResponse): { throttling: boolean } | undefined {
  const type = errorTypeOf(response.headers, response.body);
  const spec = type !== undefined && Object.hasOwn(errors, type) ? errors[type as ErrorName] : undefined;
  const named = spec !== undefined && (transientErrors as readonly string[]).includes(type!);
  if (!named && !TRANSIENT_STATUSES.has(response.status) && response.status < 500) return undefined;
  // Throttling by its type where the answer names one the contract knows, else by the throttling status.
  return { throttling: spec ? Boolean(spec.retryable?.throttling) : response.status === errors.ThrottlingException.httpStatus };
}

/** What the SDK classifies as worth a retry: throttling, transient errors (timeouts, 500/502/503/504, network) and other server errors. */
const RETRIED: ReadonlySet<RetryErrorInfo['errorType']> = new Set(['THROTTLING', 'TRANSIENT', 'SERVER_ERROR']);

class Token implements RetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
}

/**
 * The SDK retry strategy of this policy: up to `maxAttempts` attempts, transient errors only, no
 * retry whose wait would pass the deadline of the call (set with withDeadline). No retry quota: a
 * harness that stopped retrying after many faults would report them as the target's answers.
 */
export class TransientRetryStrategy implements RetryStrategyV2 {
  constructor(readonly maxAttempts: number) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new Token(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retry = token.getRetryCount();
    const now = Date.now();
    const wait = RETRIED.has(info.errorType)
      ? retryWait({ retry, maxAttempts: this.maxAttempts, throttling: info.errorType === 'THROTTLING', retryAfterMs: info.retryAfterHint ? Math.max(0, info.retryAfterHint.getTime() - now) : undefined, now, deadline: callDeadline.getStore() })
      : undefined;
    if (wait === undefined) throw info.error ?? new Error('not retried');
    return new Token(retry + 1, wait);
  }

  recordSuccess(): void {}
}
