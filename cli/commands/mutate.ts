// omics-conformance mutate: the suites against the embedded emulator once per mutant and benign
// variant of the catalogue (and per seed), in worker threads; mutation.json and a kill matrix.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogue, type CatalogueEntry } from '../../emulator/mutants/catalogue.ts';
import { mutationConsole } from '../../reports/mutation.ts';
import { DEFAULT_JOBS } from '../mutation/pool.ts';
import { DEFAULT_MUTATE_RUNS, judgedChecks, runMutation } from '../mutation/runMutation.ts';
import { stratifiedSample } from '../mutation/sample.ts';
import { DEFAULT_REPORT_DIR, MAX_RUNS, usableReportDir } from '../runConformance.ts';
import { EXIT_FAILED, EXIT_OK, numberOption, parseOptions, UsageError, type NumberRange } from '../usage.ts';

const HELP = `Usage: omics-conformance mutate [options]

Proves the harness: runs the suites against the embedded emulator once per entry of the mutant
catalogue (emulator/mutants/) and per seed. A mutant is one deviation from the contract and names
the checks that must fail against it; a benign variant is something the contract allows, against
which every check must pass. Writes mutation.json and prints the kill matrix.

Options:
  --mutants a,b       entries by id; a trailing * takes a family (unenforced:*, output-dropped:*);
                      default: the whole catalogue
  --sample            a stratified sample: for every check that can fail the cheapest mutant that
                      declares it, one mutant of every layer, and every benign variant
  --seeds N           run each entry on N seeds (its kill rate over them; default 1)
  --seed S            the first seed (default 1); seeds are S, S+1, …
  --runs N            generated cases per property (default ${DEFAULT_MUTATE_RUNS}: the boundary cases and
                      fixed scenarios, which always run, find every mutant; this adds breadth)
  --jobs N            worker threads (default ${DEFAULT_JOBS}, the cores)
  --report-dir DIR    where mutation.json goes (default ${DEFAULT_REPORT_DIR}/)
  --list              list the catalogue (id, kind, layer, checks) and exit
  -h, --help          this text

Exit codes: 0 every mutant killed on every seed and every variant passed; 1 a mutant survived
or a variant failed; 2 bad usage.`;

/** Ranges of the numeric options: no mutate run is endless. */
const RANGES = {
  seeds: { min: 1, max: 1000 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  runs: { min: 1, max: MAX_RUNS },
  jobs: { min: 1, max: 64 },
} as const satisfies Record<string, NumberRange>;

const whole = (name: keyof typeof RANGES, text: string | undefined) => numberOption('mutate', name, text, RANGES[name]);

/** The entries `spec` names: ids, or families with a trailing `*`. */
export function selectEntries(all: readonly CatalogueEntry[], spec: string | undefined): CatalogueEntry[] {
  if (spec === undefined) return [...all];
  const wanted = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) throw new UsageError('mutate: --mutants names no entry');
  const unknown = wanted.filter((w) => !all.some((e) => (w.endsWith('*') ? e.id.startsWith(w.slice(0, -1)) : e.id === w)));
  if (unknown.length) throw new UsageError(`mutate: no catalogue entry ${unknown.join(', ')} (see mutate --list)`);
  return all.filter((e) => wanted.some((w) => (w.endsWith('*') ? e.id.startsWith(w.slice(0, -1)) : e.id === w)));
}

function listing(entries: readonly CatalogueEntry[]): string {
  const width = Math.max(...entries.map((e) => e.id.length));
  return entries.map((e) => `${e.id.padEnd(width)}  ${e.kind.padEnd(7)}  ${e.layer.padEnd(11)}  ${e.kind === 'mutant' ? e.catches.join(', ') : `passes: ${e.allows}`}`).join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const v = parseOptions('mutate', argv, {
    mutants: { type: 'string' },
    seeds: { type: 'string' },
    seed: { type: 'string' },
    runs: { type: 'string' },
    jobs: { type: 'string' },
    'report-dir': { type: 'string' },
    list: { type: 'boolean' },
    sample: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    console.log(HELP);
    return EXIT_OK;
  }
  const selected = selectEntries(catalogue(), v.mutants);
  const entries = v.sample ? stratifiedSample(selected, judgedChecks()) : selected;
  if (v.list) {
    console.log(listing(entries));
    return EXIT_OK;
  }
  const seedCount = whole('seeds', v.seeds) ?? 1;
  const first = whole('seed', v.seed) ?? 1;
  const runs = whole('runs', v.runs) ?? DEFAULT_MUTATE_RUNS;
  const jobs = whole('jobs', v.jobs) ?? DEFAULT_JOBS;
  const seeds = Array.from({ length: seedCount }, (_, i) => first + i);
  // The report's folder is made first: a run of minutes must not end in a folder that cannot be written.
  const dir = await usableReportDir(v['report-dir'] ?? DEFAULT_REPORT_DIR);

  const report = await runMutation({
    entries,
    seeds,
    runs,
    jobs,
    onResult(r, done, total) {
      if (process.stderr.isTTY) process.stderr.write(`\rmutate: ${done} of ${total} runs${r.ok ? '' : ` (${r.id}: ${r.error})`}   ${done === total ? '\n' : ''}`);
    },
  });
  const file = join(dir, 'mutation.json');
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(mutationConsole(report, [file]));
  const clean = report.score.killed === report.score.mutants && report.variants.passed === report.variants.total;
  return clean ? EXIT_OK : EXIT_FAILED;
}
