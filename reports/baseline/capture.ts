// What one case of a recording run did, as the calls it made in order: each observation once (a
// scenario's trace repeats calls the case also handed over on their own), under the role its trace
// gave it. The case was skipped when no call of it reached the target.
import type { Executed, RecordedExecution } from '../../suites/engine.ts';
import type { Observation } from '../../targets/types.ts';

export interface CapturedCall {
  readonly role?: string;
  readonly observation: Observation;
  /** Milliseconds since the epoch when the call was sent. */
  readonly startedAt: number;
}

export interface CapturedCase {
  readonly suite: string;
  readonly key: string;
  readonly label: string;
  readonly calls: readonly CapturedCall[];
  /** Why no call of the case reached the target. */
  readonly skipped?: string;
}

function labelOf(executed: readonly Executed[]): string {
  const first = executed[0];
  if (!first) return '';
  return 'trace' in first ? first.trace.case.label : first.case.label;
}

/** `sentAt`: when the target sent a call, where it noted it; a call it did not note takes the time of the call before. */
export function capturedCase(execution: RecordedExecution, sentAt: (o: Observation) => number | undefined): CapturedCase {
  const calls: CapturedCall[] = [];
  const seen = new Map<Observation, number>();
  const skips: string[] = [];
  const add = (observation: Observation, role: string | undefined) => {
    const at = seen.get(observation);
    if (at === undefined) {
      seen.set(observation, calls.length);
      const startedAt = sentAt(observation) ?? calls[calls.length - 1]?.startedAt ?? 0;
      calls.push({ ...(role !== undefined ? { role } : {}), observation, startedAt });
    } else if (role !== undefined && calls[at]!.role === undefined) calls[at] = { ...calls[at]!, role };
  };
  for (const x of execution.executed) {
    if ('trace' in x) {
      if (x.trace.skipped !== undefined) skips.push(x.trace.skipped);
      for (const step of x.trace.steps) {
        const call = step as { kind?: string; role?: string; observation?: Observation };
        if (call.kind === 'call' && call.observation) add(call.observation, call.role);
      }
    } else if (x.skipped !== undefined) skips.push(x.skipped);
    else add(x.observation, undefined);
  }
  const skipped = calls.length === 0 && skips.length ? [...new Set(skips)].join('; ') : undefined;
  return { suite: execution.suite, key: execution.key, label: labelOf(execution.executed), calls, ...(skipped !== undefined ? { skipped } : {}) };
}
