// The whole of `mutate` as a library call: every chosen entry on every seed, in worker threads,
// folded into the mutation report.
import type { CatalogueEntry } from '../../emulator/mutants/catalogue.ts';
import { buildMutationReport, type EntryInput, type MutationReport, type SeedRun } from '../../reports/mutation.ts';
import { suites } from '../../suites/index.ts';
import { runPool, type Job, type JobResult } from './pool.ts';
import { targetOf } from './runEntry.ts';

/**
 * Generated cases per property in a mutate run. Every mutant of the catalogue is found by the
 * boundary cases and the fixed scenarios, which run whatever this is; the random phase adds breadth.
 */
export const DEFAULT_MUTATE_RUNS = 5;

export interface MutationOptions {
  readonly entries: readonly CatalogueEntry[];
  readonly seeds: readonly number[];
  readonly runs: number;
  readonly jobs: number;
  readonly onResult?: (result: JobResult, done: number, total: number) => void;
}

/** Ids of the checks that can fail (not OBSERVED): the columns a mutant can kill. */
export function judgedChecks(): string[] {
  return suites.flatMap((s) => s.checks).filter((c) => c.level !== 'OBSERVED').map((c) => c.id);
}

export async function runMutation(options: MutationOptions): Promise<MutationReport> {
  const started = performance.now();
  // The longest first (more suites, over HTTP), so the last jobs are short and no worker waits idle at the end.
  const cost = (e: CatalogueEntry) => e.suites.length * (targetOf(e) === 'mock' ? 1 : 2);
  const ordered = [...options.entries].sort((a, b) => cost(b) - cost(a));
  const work: Job[] = ordered.flatMap((e) => options.seeds.map((seed) => ({ id: e.id, seed, runs: options.runs })));
  let done = 0;
  const results = await runPool(work, options.jobs, (r) => options.onResult?.(r, ++done, work.length));
  const byEntry = new Map<string, SeedRun[]>();
  for (const r of results) {
    const run: SeedRun = r.ok
      ? { seed: r.run.seed, checks: r.run.checks, durationMs: r.run.durationMs, ...(r.run.casesToFirstFailure !== undefined ? { casesToFirstFailure: r.run.casesToFirstFailure } : {}), ...(r.run.aborted ? { aborted: r.run.aborted } : {}) }
      : { seed: r.seed, checks: {}, durationMs: 0, error: r.error };
    const id = r.ok ? r.run.id : r.id;
    byEntry.set(id, [...(byEntry.get(id) ?? []), run]);
  }
  const inputs: EntryInput[] = options.entries.map((e) => ({
    id: e.id,
    kind: e.kind,
    layer: e.layer,
    description: e.kind === 'mutant' ? e.breaks : e.allows,
    catches: e.kind === 'mutant' ? e.catches : [],
    suites: e.suites,
    runs: byEntry.get(e.id) ?? [],
  }));
  return buildMutationReport(inputs, { seeds: options.seeds, runs: options.runs, durationMs: performance.now() - started, judgedChecks: judgedChecks() });
}
