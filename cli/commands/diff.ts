// omics-conformance diff: the same seeded cases on two targets at once; every difference by path.
import { differencesConsole } from '../../reports/differences/console.ts';
import { writeDifferenceReports } from '../../reports/differences/reporters.ts';
import { DEFAULT_REPORT_DIR, usableReportDir } from '../runConformance.ts';
import { commandOptions, loadDivergences, required } from '../recording/commandOptions.ts';
import { diffTargets } from '../recording/compareRuns.ts';
import { interruptible } from '../recording/interrupt.ts';
import { exitCodeOf } from '../recording/outcome.ts';
import { exportDifferenceFixtures, exportedLine, usableFixtureDir } from '../recording/fixtureFiles.ts';
import { parseTargetSpec } from '../recording/targetSpec.ts';
import { EXIT_OK } from '../usage.ts';

const HELP = `Usage: omics-conformance diff --a TARGET --b TARGET [--accept FILE] [options]

Runs the same seeded cases against two targets at once, normalises both with the default rules
(as record would), and reports every difference by JSON path with the value on each side and its
kind: accepted vs refused (outcome), error name (error-type), HTTP status, output member, value.

Options:
  --a TARGET, --b TARGET
                      emulator (an embedded emulator of its own), mock, aws, or endpoint=URL
                      (a bare http:// or https:// URL works too)
  --accept FILE       known differences, as for verify: reported as accepted, never failed; an
                      entry that matched nothing is reported as stale
  --report-dir DIR    where differences.json, .md, .junit.xml and .html go (default ${DEFAULT_REPORT_DIR}/)
  --export-fixtures DIR
                      also write each case with a difference --accept does not accept as a
                      portable JSON test case, expected to answer as --a did
  The options of run that say what runs and how (see run --help): --suites, --operations,
  --checks, --skip-checks, --runs, --seed (one is chosen and printed when absent), --replay,
  --shard, --region, --concurrency, --timeout-ms, --retries, --allow-real-resources,
  --max-stores, --max-live-stores, --rate.
  -h, --help          this text

Exit codes: 0 no difference (or only accepted ones); 1 a difference no entry of --accept accepts,
or a run stopped early; 2 bad usage, a target that cannot be reached, or no case ran on both.`;

export async function main(argv: string[]): Promise<number> {
  const parsed = await commandOptions('diff', argv, { a: { type: 'string' }, b: { type: 'string' }, accept: { type: 'string' } }, ['target', 'endpoint'], 'diff takes its two targets from --a and --b');
  if ('help' in parsed) {
    console.log(HELP);
    return EXIT_OK;
  }
  const { values, options } = parsed;
  const a = parseTargetSpec('diff', '--a', required('diff', values, 'a', 'emulator'));
  const b = parseTargetSpec('diff', '--b', required('diff', values, 'b', 'endpoint=http://127.0.0.1:4566'));
  const divergences = await loadDivergences('diff', values.accept as string | undefined);
  const reportDir = await usableReportDir(options.reportDir || DEFAULT_REPORT_DIR);
  const fixtureDir = typeof values['export-fixtures'] === 'string' ? await usableFixtureDir('diff', values['export-fixtures']) : undefined;
  return interruptible('diff', async (interrupt) => {
    const { report, runs } = await diffTargets({ ...options, reportDir: false, signal: interrupt.signal }, a, b, divergences);
    const files = await writeDifferenceReports(report, reportDir);
    console.log(differencesConsole(report, files));
    if (fixtureDir !== undefined) console.log(exportedLine(await exportDifferenceFixtures(runs.a, report, fixtureDir), fixtureDir, 'differing cases'));
    for (const [side, run] of Object.entries(runs)) if (run.cleanup.left.length) console.error(`omics-conformance diff: --${side}: could not delete ${run.cleanup.left.join(', ')} — delete them by hand`);
    return exitCodeOf(report, 'diff', interrupt.interrupted());
  });
}
