// One catalogue entry against one seed: the conformance run the entry asks for, reduced to what a
// kill matrix needs (which checks failed, after how many cases).
import type { CatalogueEntry } from '../../emulator/mutants/catalogue.ts';
import { checkRegistry, type TargetNeed } from '../../suites/index.ts';
import { MOCK_CAPABILITIES } from '../../targets/mock.ts';
import { runConformance } from '../runConformance.ts';

export interface EntryRun {
  readonly id: string;
  readonly seed: number;
  /** Check ids with their status in this run: passed, failed or skipped. */
  readonly checks: Readonly<Record<string, 'passed' | 'failed' | 'skipped'>>;
  /** Cases the run had judged when the first check failed; undefined when none failed. */
  readonly casesToFirstFailure?: number;
  readonly cases: number;
  readonly durationMs: number;
  /** The run stopped on an error of the harness or the target. */
  readonly aborted?: string;
}

/** Needs the mock cannot meet (it has no wire): only the emulator over HTTP does. */
const beyondMock = (need: TargetNeed) => need !== 'stores' && !MOCK_CAPABILITIES.has(need);

/** The target an entry runs on: in process unless a check it must be caught by needs HTTP. */
export function targetOf(entry: CatalogueEntry): 'emulator' | 'mock' {
  if (entry.target !== 'in-process-where-possible') return entry.target ?? 'emulator';
  const registry = checkRegistry();
  const catches = entry.kind === 'mutant' ? entry.catches : [];
  return catches.some((id) => registry.get(id)?.needs?.some(beyondMock)) ? 'emulator' : 'mock';
}

export async function runEntry(entry: CatalogueEntry, seed: number, runs: number): Promise<EntryRun> {
  const started = performance.now();
  // Cases done, summed over the phases of every suite, and that sum when the first failure came.
  const done = new Map<string, number>();
  let firstFailure: number | undefined;
  const { report } = await runConformance({
    target: targetOf(entry),
    emulator: entry.emulator,
    ...(entry.clientRegion ? { clientRegion: entry.clientRegion } : {}),
    ...(entry.client ? { clientDeviations: entry.client } : {}),
    suites: entry.suites,
    ...(entry.operations ? { operations: entry.operations } : {}),
    seed,
    runs,
    reportDir: false,
    // The kill matrix needs which checks fail: a plain re-run of a failing case fails the same ones,
    // and the first failing case of a property already names its checks.
    plainFailures: false,
    shrink: false,
    onProgress(p) {
      done.set(`${p.suite}/${p.phase}`, p.done);
      if (firstFailure === undefined && p.failures > 0) firstFailure = [...done.values()].reduce((a, b) => a + b, 0);
    },
  });
  const checks = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  const failedAny = report.checks.some((c) => c.status === 'failed');
  return {
    id: entry.id,
    seed,
    checks,
    ...(failedAny ? { casesToFirstFailure: firstFailure ?? [...done.values()].reduce((a, b) => a + b, 0) } : {}),
    cases: [...done.values()].reduce((a, b) => a + b, 0),
    durationMs: Math.round(performance.now() - started),
    ...(report.aborted ? { aborted: report.aborted } : {}),
  };
}
