// run --sdk a,b,c: the same seed through each SDK in turn, one report each (in a folder of the
// SDK's name), then one table of them all: on the console, and as sdk-matrix.md and sdk-matrix.json.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { matrixConsole, matrixMarkdown, sdkMatrix, type MatrixInput } from '../reports/sdkMatrix.ts';
import { selectSuites } from '../suites/index.ts';
import { AdapterFailure } from '../targets/adapterProcess.ts';
import type { SdkName } from '../targets/sdks.ts';
import { DEFAULT_REPORT_DIR, DEFAULT_RUNS, runConformance, TargetUnreachableError, usableReportDir, type ConformanceOptions } from './runConformance.ts';
import { targetKind } from './targetFactory.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './usage.ts';

export interface MatrixResult {
  readonly inputs: readonly MatrixInput[];
  readonly files: readonly string[];
  readonly exitCode: number;
}

/** The runs and the table, without printing: for the command and for tests. */
export async function sdkMatrixRun(sdks: readonly SdkName[], options: ConformanceOptions, write: (text: string) => void = () => undefined): Promise<MatrixResult & { text: string }> {
  const seed = options.seed ?? randomBytes(4).readInt32LE();
  const dir = options.reportDir === false ? undefined : await usableReportDir(options.reportDir ?? DEFAULT_REPORT_DIR);
  const inputs: MatrixInput[] = [];
  for (const sdk of sdks) {
    write(`== --sdk ${sdk}\n`);
    try {
      const { report, client } = await runConformance({ ...options, sdk, seed, reportDir: dir ? join(dir, sdk) : false });
      inputs.push({ sdk, ...(client ? { client } : { client: '@aws-sdk/client-omics (in process)' }), report });
    } catch (err) {
      // A client that is not installed, or an adapter that broke: a column with the reason, not the end of the table.
      if (!(err instanceof UsageError || err instanceof AdapterFailure || err instanceof TargetUnreachableError)) throw err;
      write(`   not run: ${err.message}\n`);
      inputs.push({ sdk, note: err.message });
    }
  }
  const suites = options.suites?.length ? [...options.suites] : selectSuites(undefined).map((s) => s.name);
  const matrix = sdkMatrix(inputs, { seed, runs: options.runs ?? DEFAULT_RUNS, suites, target: targetKind(options) === 'endpoint' ? `endpoint ${options.endpoint ?? ''}`.trim() : 'embedded emulator' });
  const files: string[] = [];
  if (dir) {
    files.push(join(dir, 'sdk-matrix.md'), join(dir, 'sdk-matrix.json'));
    await writeFile(files[0]!, matrixMarkdown(matrix));
    await writeFile(files[1]!, `${JSON.stringify(matrix, null, 2)}\n`);
  }
  const ran = matrix.columns.filter((c) => c.outcome === 'passed' || c.outcome === 'failed');
  const exitCode = ran.length === 0 ? EXIT_USAGE : ran.some((c) => c.outcome === 'failed') ? EXIT_FAILED : EXIT_OK;
  return { inputs, files, exitCode, text: matrixConsole(matrix) };
}

export async function runMatrix(sdks: readonly SdkName[], options: ConformanceOptions, write: (text: string) => void): Promise<number> {
  const { files, exitCode, text } = await sdkMatrixRun(sdks, options, write);
  console.log(text);
  if (files.length) console.log(`\nwritten: ${files.join(', ')}`);
  if (exitCode === EXIT_USAGE) console.error('omics-conformance run: nothing was tested: no SDK of the matrix ran (the notes say why)');
  return exitCode;
}
