// What clients sent, exactly, and what they got: for wire-level checks. Bounded; oldest dropped first.
import type { OperationName } from '../specs/index.ts';

export interface LoggedRequest {
  /** Increases by one per request; `since` reads the ones after a given seq. */
  readonly seq: number;
  readonly receivedAt: string;
  readonly requestId: string;
  readonly method: string;
  /** The request target exactly as in the request line (absolute form included). */
  readonly target: string;
  readonly path: string;
  readonly query: string;
  /** Header names and values as sent, in order, names in their original case. */
  readonly rawHeaders: readonly string[];
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as UTF-8 text, its first LOGGED_BODY_BYTES only; absent when it was refused for size. */
  readonly body?: string;
  readonly bodyBytes: number;
  /** The body was longer than LOGGED_BODY_BYTES; `body` holds its start. */
  readonly bodyTruncated?: true;
  readonly operation?: OperationName;
  /** The answer: its status and error type, its headers (names in lower case) and its body's first LOGGED_BODY_BYTES. */
  response?: { status: number; errorType?: string; headers?: Readonly<Record<string, string>>; body?: string; durationMs: number };
}

/**
 * The most of a body the log keeps. The log holds up to twice its limit of entries between trims;
 * bodies of the body limit each (1 MiB by default) would hold gigabytes. Every request the API
 * models is far smaller.
 */
export const LOGGED_BODY_BYTES = 64 * 1024;

/** A body as the log keeps it. */
export function loggedBody(body: Buffer): Pick<LoggedRequest, 'body' | 'bodyBytes' | 'bodyTruncated'> {
  if (body.length <= LOGGED_BODY_BYTES) return { body: body.toString('utf8'), bodyBytes: body.length };
  return { body: body.subarray(0, LOGGED_BODY_BYTES).toString('utf8'), bodyBytes: body.length, bodyTruncated: true };
}

export interface RequestLog {
  record(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest;
  /** Entries in arrival order, optionally only those after `since` or of one operation. */
  entries(filter?: { since?: number; operation?: string }): LoggedRequest[];
  last(): LoggedRequest | undefined;
  clear(): void;
}

export function createRequestLog(limit: number): RequestLog {
  let entries: LoggedRequest[] = [];
  let seq = 0;
  return {
    record(entry) {
      const logged: LoggedRequest = { seq: ++seq, ...entry };
      entries.push(logged);
      // Trimmed in batches so recording stays O(1) amortised.
      if (entries.length > limit * 2) entries = entries.slice(entries.length - limit);
      return logged;
    },
    entries(filter = {}) {
      return entries.slice(-limit).filter((e) => (filter.since === undefined || e.seq > filter.since) && (filter.operation === undefined || e.operation === filter.operation));
    },
    last: () => entries[entries.length - 1],
    clear() {
      entries = [];
    },
  };
}
