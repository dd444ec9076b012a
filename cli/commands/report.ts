// omics-conformance report render DIR | report merge DIR... --report-dir OUT
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { consoleSummary } from '../../reports/console.ts';
import { mergeShards, MergeRefused } from '../../reports/merge.ts';
import { readReportFile, ReportFileError } from '../../reports/readReport.ts';
import type { Report } from '../../reports/report.ts';
import { parseReporters, REPORTER_NAMES, REPORTERS, writeReports, type ReporterName } from '../../reports/reporters.ts';
import { appendStepSummary } from '../stepSummary.ts';
import { usableReportDir } from '../runConformance.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../usage.ts';

const formats = REPORTER_NAMES.map((n) => `${n} (${REPORTERS[n].file})`).join(', ');

const HELP = `Usage: omics-conformance report render DIR [--report-dir OUT] [--reporters a,b]
       omics-conformance report merge DIR... --report-dir OUT [--reporters a,b]

render  writes the other formats again from DIR/report.json (a report written by run or merge),
        so an old report can be looked at again: by default junit, md and html, into DIR
merge   combines the report directories of one run's shards (run --shard 1/N ... N/N, with the
        same seed, runs, suites and checks) into the report of the whole run, in every format:
        a check failed if it failed in any shard, passed if any shard judged it, else skipped;
        counts are summed and findings of one kind are one entry again. It refuses shards of
        different runs, a missing or repeated shard, and a file that is not a report.
        When GITHUB_STEP_SUMMARY is set, the merged summary.md is appended to that file

Options:
  --report-dir OUT    where the files go (render: default DIR; merge: required)
  --reporters a,b     the formats to write, of ${formats}
                      (render: default all but json; merge: default all four)
  -h, --help          this text

DIR may also name a report.json file.
Exit codes: render 0 written; merge 0 when the merged run passed, 1 when it failed (as run's);
2 nothing written: bad usage, or a report refused, in one line.`;

/** The options `report` takes, after its subcommand. */
export const REPORT_OPTIONS = {
  'report-dir': { type: 'string' },
  reporters: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const REPORT_SUBCOMMANDS = ['render', 'merge'] as const;

function parsed(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: REPORT_OPTIONS, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`report: ${(err as Error).message}. See report --help.`);
  }
}

function reportersOf(text: string | undefined, fallback: readonly ReporterName[]): readonly ReporterName[] {
  if (text === undefined) return fallback;
  try {
    return parseReporters(text);
  } catch (err) {
    throw new UsageError(`report: ${(err as Error).message}`);
  }
}

async function read(path: string): Promise<{ file: string; report: Report }> {
  try {
    return await readReportFile(path);
  } catch (err) {
    if (err instanceof ReportFileError) throw new UsageError(`report: ${err.message}`);
    throw err;
  }
}

async function render(dirs: readonly string[], out: string | undefined, reporters: readonly ReporterName[]): Promise<number> {
  if (dirs.length !== 1) throw new UsageError(`report render: give one report directory (got ${dirs.length}). See report --help.`);
  const { report } = await read(dirs[0]!);
  const files = await writeReports(report, await usableReportDir(out ?? dirs[0]!), reporters);
  for (const f of files) console.log(`report: ${f}`);
  return EXIT_OK;
}

async function merge(dirs: readonly string[], out: string | undefined, reporters: readonly ReporterName[]): Promise<number> {
  if (dirs.length === 0) throw new UsageError('report merge: give the report directories of the shards. See report --help.');
  if (out === undefined) throw new UsageError('report merge: --report-dir OUT is required (where the merged reports go)');
  const shards = await Promise.all(dirs.map(async (d) => ({ source: d, report: (await read(d)).report })));
  let report: Report;
  try {
    report = mergeShards(shards);
  } catch (err) {
    if (err instanceof MergeRefused) throw new UsageError(`report merge: ${err.message}`);
    throw err;
  }
  const files = await writeReports(report, await usableReportDir(out), reporters);
  console.log(consoleSummary(report, files));
  await appendStepSummary(files);
  return report.verdict?.outcome === 'failed' ? EXIT_FAILED : EXIT_OK;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parsed(argv);
  if (values.help) {
    console.log(HELP);
    return EXIT_OK;
  }
  const [sub, ...dirs] = positionals;
  if (sub === 'render') return render(dirs, values['report-dir'], reportersOf(values.reporters, REPORTER_NAMES.filter((n) => n !== 'json')));
  if (sub === 'merge') return merge(dirs, values['report-dir'], reportersOf(values.reporters, REPORTER_NAMES));
  throw new UsageError(`report: ${sub === undefined ? 'give a subcommand' : `unknown subcommand '${sub}'`}: ${REPORT_SUBCOMMANDS.join(', ')}. See report --help.`);
}
