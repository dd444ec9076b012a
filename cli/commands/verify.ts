// omics-conformance verify: a baseline's cases run again on a target; every difference by path.
import { differencesConsole } from '../../reports/differences/console.ts';
import { writeDifferenceReports } from '../../reports/differences/reporters.ts';
import { DEFAULT_REPORT_DIR, usableReportDir } from '../runConformance.ts';
import { commandOptions, loadBaseline, loadDivergences, required, SELECTING } from '../recording/commandOptions.ts';
import { verifyBaseline } from '../recording/compareRuns.ts';
import { interruptible } from '../recording/interrupt.ts';
import { exitCodeOf } from '../recording/outcome.ts';
import { exportBaselineFixtures, exportedLine, usableFixtureDir } from '../recording/fixtureFiles.ts';
import { progressPrinter } from './run.ts';
import { EXIT_OK } from '../usage.ts';

const HELP = `Usage: omics-conformance verify --baseline FILE [--accept FILE] [options]

Runs the cases of a baseline (its seed, suites, runs and shard) again on a target, normalises what
came back with the baseline's own rules, and reports every difference by JSON path with the
recorded and the observed value, and its kind: accepted vs refused (outcome), error name
(error-type), HTTP status, output member, value, request.

Options:
  --baseline FILE     the baseline, written by record (required)
  --accept FILE       known differences, one per line: a path pattern and the reason, e.g.
                        **.error.message  our emulator words messages differently
                      ('#' starts a comment; * is one step or part of a name, ** any steps).
                      A difference it matches is reported as accepted and never fails; an entry
                      that matched nothing is reported as stale
  --report-dir DIR    where differences.json, .md, .junit.xml and .html go (default ${DEFAULT_REPORT_DIR}/)
  --export-fixtures DIR
                      also write each case with a difference --accept does not accept as a
                      portable JSON test case, expected to answer as the baseline recorded
  The target options of run (see run --help): --target, --endpoint, --region, --concurrency,
  --timeout-ms, --retries, --allow-real-resources, --max-stores, --max-live-stores, --rate.
  The selection (--suites, --runs, --seed, ...) is the baseline's.
  -h, --help          this text

Exit codes: 0 no difference (or only accepted ones); 1 a difference no entry of --accept accepts,
or the run stopped early; 2 bad usage, a baseline this version cannot read (one line says why),
a target that cannot be reached, or no case of the baseline could be compared.`;

export async function main(argv: string[]): Promise<number> {
  const parsed = await commandOptions('verify', argv, { baseline: { type: 'string' }, accept: { type: 'string' } }, SELECTING, 'verify runs the baseline\'s own selection of cases; give it to record');
  if ('help' in parsed) {
    console.log(HELP);
    return EXIT_OK;
  }
  const { values, options } = parsed;
  const file = required('verify', values, 'baseline', 'baseline.json');
  const baseline = await loadBaseline('verify', file);
  const divergences = await loadDivergences('verify', values.accept as string | undefined);
  const reportDir = await usableReportDir(options.reportDir || DEFAULT_REPORT_DIR);
  const fixtureDir = typeof values['export-fixtures'] === 'string' ? await usableFixtureDir('verify', values['export-fixtures']) : undefined;
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  return interruptible('verify', async (interrupt) => {
    const { report, run } = await verifyBaseline(baseline, file, { ...options, ...(tty ? { onProgress: progressPrinter(tty, (t) => process.stderr.write(t)) } : {}), signal: interrupt.signal }, divergences);
    if (tty) process.stderr.write('\r\x1b[2K');
    const files = await writeDifferenceReports(report, reportDir);
    console.log(differencesConsole(report, files));
    if (fixtureDir !== undefined) console.log(exportedLine(await exportBaselineFixtures(baseline, file, run, report, fixtureDir), fixtureDir, 'differing cases'));
    if (run.cleanup.left.length) console.error(`omics-conformance verify: could not delete ${run.cleanup.left.join(', ')} — delete them by hand`);
    return exitCodeOf(report, 'verify', interrupt.interrupted());
  }, tty);
}
