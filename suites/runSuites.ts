// Runs the selected suites against one target, then deletes every store the run created, on
// success and on failure alike.
import { CreateAnswers } from './createAnswers.ts';
import { coverageOf, type Coverage } from '../generators/coverage.ts';
import type { Target } from '../targets/types.ts';
import { concurrently, type EngineOptions, type Suite, type SuiteEnv } from './engine.ts';
import { Recorder, type CheckTally } from './recorder.ts';
import type { SentCounts } from './sent.ts';
import { LiveStoreGate } from './liveStores.ts';
import { CaseSlots } from './slots.ts';
import { RunStores } from './stores.ts';
import { Uniquifier } from './unique.ts';

export interface SuitesResult {
  readonly tallies: readonly CheckTally[];
  readonly coverage: Coverage;
  /** Cases per suite, error types per operation, cases per rule: what the report draws. */
  readonly sent: SentCounts;
  readonly cleanup: { deleted: number; left: string[] };
  /** Set when a suite stopped on an error of the harness or the target rather than a finding. */
  readonly aborted?: string;
}

/**
 * Under a live-store cap, no case may wait for a slot that only a waiting case can free: the suites
 * run one after another, each one's shared stores retired when it ends, and a suite whose cases
 * hold several stores each runs one case at a time (its sequences stay within the cap).
 */
async function oneByOne(env: SuiteEnv, suites: readonly Suite[]): Promise<void> {
  for (const suite of suites) {
    await suite.run(suite.holdsManyStores ? { ...env, slots: new CaseSlots(1) } : env);
    await env.stores.retireFixtures();
  }
}

/** `checks`: the ids of the checks to judge (all of the selected suites' when absent). */
export async function runSuites(given: Target, selected: readonly Suite[], options: EngineOptions & { runId: string; settleTimeoutMs?: number }): Promise<SuitesResult> {
  const recorder = new Recorder();
  const slots = new CaseSlots(options.concurrency);
  const waiting = <T>(wait: () => Promise<T>) => slots.waiting(wait);
  const gate = options.maxLiveStores !== undefined ? new LiveStoreGate(options.maxLiveStores, waiting) : undefined;
  const createAnswers = new CreateAnswers();
  const target = createAnswers.wrap(gate ? gate.wrap(given) : given);
  // A recording run gives each case stores of its own: what one case did to a shared store must not show in another's answers.
  const stores = new RunStores(target, options.runId, { timeoutMs: options.timeoutMs, settleTimeoutMs: options.settleTimeoutMs ?? 60_000, waiting, fixturesPerPurpose: gate ? 1 : options.concurrency, createAnswers, ...(options.record ? { ownFixtures: true } : {}) });
  const unique = new Uniquifier(options.seed ^ Number.parseInt(options.runId.slice(0, 8), 16), options.record ? (v) => options.record!.madeUnique(v) : undefined);
  const env: SuiteEnv = { target, stores, recorder, options, firstArn: {}, unique, slots };
  for (const suite of selected) recorder.register(options.checks ? suite.checks.filter((c) => options.checks!.has(c.id)) : suite.checks);
  let aborted: string | undefined;
  try {
    const alone = selected.filter((s) => s.runsAlone);
    const others = selected.filter((s) => !s.runsAlone);
    if (gate) await oneByOne(env, others);
    else {
      // The shared store is made at the start, so it has settled by the time a suite that runs alone needs it.
      if (alone.length) stores.fixture().catch(() => undefined);
      await concurrently(env, others.map((suite) => (e: SuiteEnv) => suite.run(e)));
    }
    for (const suite of alone) await suite.run(env);
  } catch (err) {
    aborted = err instanceof Error ? err.message : String(err);
  } finally {
    options.onProgress?.({ suite: 'cleanup', phase: 'cleanup', done: 0, total: stores.count, failures: recorder.failureCount() });
  }
  const cleanup = await stores.cleanup();
  const coverage = coverageOf(recorder.covered.valid, recorder.covered.invalid);
  return { tallies: recorder.all(), coverage, sent: recorder.sent.counts(), cleanup, ...(aborted ? { aborted } : {}) };
}
