// The whole mutant catalogue with the default budget, as `omics-conformance mutate` runs it, on the
// cores of this machine: wall time, score, and where the time goes (per family of mutants).
//   npm run bench -- mutate                                    (one seed)
//   OMICS_BENCH_MUTATE_SEEDS=20 OMICS_BENCH_MUTATE_ENTRIES='tag-replaces,pages-skip-one' npm run bench -- mutate
// Bounded: it runs the catalogue (or the named entries) once per seed, then stops.
import { catalogue } from '../emulator/mutants/catalogue.ts';
import { selectEntries } from '../cli/commands/mutate.ts';
import { DEFAULT_JOBS } from '../cli/mutation/pool.ts';
import { DEFAULT_MUTATE_RUNS as DEFAULT_RUNS, runMutation } from '../cli/mutation/runMutation.ts';

export async function run(): Promise<void> {
  const seedCount = Number(process.env.OMICS_BENCH_MUTATE_SEEDS ?? 1);
  const entries = selectEntries(catalogue(), process.env.OMICS_BENCH_MUTATE_ENTRIES);
  const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
  console.log(`mutate: ${entries.length} entries × ${seeds.length} seeds, ${DEFAULT_RUNS} runs per property, ${DEFAULT_JOBS} worker threads`);
  const report = await runMutation({ entries, seeds, runs: DEFAULT_RUNS, jobs: DEFAULT_JOBS });
  console.log(`wall time ${(report.durationMs / 1000).toFixed(0)} s; score ${report.score.killed}/${report.score.mutants} (${(report.score.ratio * 100).toFixed(1)}%), ${report.exact} exact; variants ${report.variants.passed}/${report.variants.total}`);
  const families = new Map<string, { n: number; ms: number }>();
  for (const e of [...report.mutants, ...report.variantResults]) {
    const family = e.id.split(':')[0]!;
    const f = families.get(family) ?? { n: 0, ms: 0 };
    f.n++;
    f.ms += e.runs.reduce((t, r) => t + r.durationMs, 0);
    families.set(family, f);
  }
  const top = [...families.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10);
  console.log(`busiest families (worker time): ${top.map(([k, f]) => `${k} ${f.n}× ${(f.ms / 1000).toFixed(0)} s`).join(', ')}`);
  // Which mutants failed other checks than declared, or missed one, on some seed: the figure alone does not say.
  for (const m of report.mutants.filter((x) => x.unexpected.length || x.missed.length)) console.log(`inexact ${m.id}:${m.unexpected.length ? ` also failed ${m.unexpected.join(', ')}` : ''}${m.missed.length ? ` did not fail ${m.missed.join(', ')}` : ''}`);
  if (seeds.length > 1) {
    const luck = report.mutants.filter((m) => m.killRate < 1);
    console.log(`kill rate over ${seeds.length} seeds: ${report.mutants.length - luck.length} of ${report.mutants.length} mutants killed on every seed${luck.length ? `; not always: ${luck.map((m) => `${m.id} ${Math.round(m.killRate * 100)}%`).join(', ')}` : ''}`);
    const cases = report.mutants.map((m) => m.casesToFirstFailure).filter((c) => c.median !== undefined);
    const medians = cases.map((c) => c.median!).sort((a, b) => a - b);
    console.log(`cases to the first failure: median of medians ${medians[Math.floor((medians.length - 1) / 2)]}, worst ${Math.max(...cases.map((c) => c.worst!))}`);
  }
}
