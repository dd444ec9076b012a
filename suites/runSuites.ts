// Runs the selected suites against one target, then deletes every store the run created, on
// success and on failure alike.
import { coverageOf, type Coverage } from '../generators/coverage.ts';
import type { Target } from '../targets/types.ts';
import type { EngineOptions, Suite } from './engine.ts';
import { Recorder, type CheckTally } from './recorder.ts';
import { RunStores } from './stores.ts';
import { Uniquifier } from './unique.ts';

export interface SuitesResult {
  readonly tallies: readonly CheckTally[];
  readonly coverage: Coverage;
  readonly cleanup: { deleted: number; left: string[] };
  /** Set when a suite stopped on an error of the harness or the target rather than a finding. */
  readonly aborted?: string;
}

/** `checks`: the ids of the checks to judge (all of the selected suites' when absent). */
export async function runSuites(target: Target, selected: readonly Suite[], options: EngineOptions & { runId: string; settleTimeoutMs?: number; checks?: ReadonlySet<string> }): Promise<SuitesResult> {
  const recorder = new Recorder();
  const stores = new RunStores(target, options.runId, { timeoutMs: options.timeoutMs, settleTimeoutMs: options.settleTimeoutMs ?? 60_000 });
  const unique = new Uniquifier(options.seed ^ Number.parseInt(options.runId.slice(0, 8), 16));
  const env = { target, stores, recorder, options, firstArn: {}, unique };
  for (const suite of selected) recorder.register(options.checks ? suite.checks.filter((c) => options.checks!.has(c.id)) : suite.checks);
  let aborted: string | undefined;
  try {
    for (const suite of selected) await suite.run(env);
  } catch (err) {
    aborted = err instanceof Error ? err.message : String(err);
  } finally {
    options.onProgress?.({ suite: 'cleanup', phase: 'cleanup', done: 0, total: stores.count, failures: recorder.failureCount() });
  }
  const cleanup = await stores.cleanup();
  const coverage = coverageOf(recorder.covered.valid, recorder.covered.invalid);
  return { tallies: recorder.all(), coverage, cleanup, ...(aborted ? { aborted } : {}) };
}
