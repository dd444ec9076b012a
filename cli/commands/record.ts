// omics-conformance record: a seeded selection of cases against a target, normalised into a baseline.
import { serialiseBaseline } from '../../reports/baseline/format.ts';
import { commandOptions, required, writableFile, writeWhole } from '../recording/commandOptions.ts';
import { recordBaseline } from '../recording/compareRuns.ts';
import { exportedLine, exportRecordedFixtures, usableFixtureDir } from '../recording/fixtureFiles.ts';
import { interruptible } from '../recording/interrupt.ts';
import { progressPrinter } from './run.ts';
import { EXIT_FAILED, EXIT_OK } from '../usage.ts';

const HELP = `Usage: omics-conformance record --baseline FILE [options]

Runs a seeded selection of cases and scenarios against a target and writes what it did — status,
error type and message, output members and values, the sequence of calls — as a baseline FILE,
normalised so the same seed gives the same file: ids, ARNs, UUIDs, request ids, names the run made
and times become references (<id:1> is one store wherever it shows in its case; a time is its
order and its distance from the call). The rules that did it are listed in the file.
verify replays the baseline against another target; see README "Record a service's behaviour".

Options:
  --baseline FILE        where the baseline goes (required); written whole, once the run ended
  --export-fixtures DIR  also write each recorded case as a portable JSON test case
  Every option of run that says what runs and where (see run --help): --target, --endpoint,
  --region, --suites, --operations, --checks, --skip-checks, --runs, --seed, --replay, --shard,
  --concurrency, --timeout-ms, --retries, --allow-real-resources, --max-stores, --max-live-stores,
  --rate. Cases are recorded in case order whatever --concurrency is; no check judges them.
  -h, --help             this text

Exit codes: 0 the baseline was written; 1 the run stopped early (nothing written); 2 bad usage,
or a target that cannot be reached or does not speak HealthOmics.`;

export async function main(argv: string[]): Promise<number> {
  const parsed = await commandOptions('record', argv, { baseline: { type: 'string' } }, ['report-dir'], 'record writes the baseline file, not a report');
  if ('help' in parsed) {
    console.log(HELP);
    return EXIT_OK;
  }
  const { values, options } = parsed;
  const file = required('record', values, 'baseline', 'baseline.json');
  await writableFile('record', '--baseline', file);
  const fixtureDir = typeof values['export-fixtures'] === 'string' ? await usableFixtureDir('record', values['export-fixtures']) : undefined;
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  return interruptible('record', async (interrupt) => {
    const { baseline, run } = await recordBaseline({ ...options, reportDir: false, ...(tty ? { onProgress: progressPrinter(tty, (t) => process.stderr.write(t)) } : {}), signal: interrupt.signal });
    if (tty) process.stderr.write('\r\x1b[2K');
    if (run.cleanup.left.length) console.error(`omics-conformance record: could not delete ${run.cleanup.left.join(', ')} — delete them by hand`);
    if (run.aborted || interrupt.interrupted()) {
      console.error(`omics-conformance record: stopped early (${run.aborted ?? 'interrupted'}); no baseline written`);
      return EXIT_FAILED;
    }
    await writeWhole(file, serialiseBaseline(baseline));
    const cases = Object.values(baseline.cases);
    const skipped = cases.filter((c) => c.skipped !== undefined).length;
    const calls = cases.reduce((n, c) => n + c.calls.length, 0);
    console.log(`omics-conformance record: ${cases.length} cases (${calls} calls${skipped ? `, ${skipped} skipped` : ''}) from the ${run.target.kind} target, seed ${baseline.selection.seed}, suites ${baseline.selection.suites.join(', ')}`);
    console.log(`baseline: ${file}`);
    if (fixtureDir !== undefined) console.log(exportedLine(await exportRecordedFixtures(run, baseline, fixtureDir), fixtureDir, 'recorded cases'));
    return EXIT_OK;
  }, tty);
}
