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
  /** The body as UTF-8 text; absent when it was refused for size. */
  readonly body?: string;
  readonly bodyBytes: number;
  readonly operation?: OperationName;
  response?: { status: number; errorType?: string; durationMs: number };
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
