// A report.json read back (to render it again, or to merge shards): refused, with the reason in one
// line, when it is missing, not JSON, not a report, of another version, or off its schema.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORT_FORMAT, REPORT_VERSION, type Report } from './report.ts';
import { REPORTERS } from './reporters.ts';
import { reportSchemaErrors } from './schema.ts';

export class ReportFileError extends Error {
  override readonly name = 'ReportFileError';
}

/** The report.json in `path` (a report directory), or `path` itself when it is a file. */
async function fileOf(path: string): Promise<string> {
  try {
    return (await stat(path)).isDirectory() ? join(path, REPORTERS.json.file) : path;
  } catch {
    throw new ReportFileError(`${path}: no such file or directory (give the --report-dir of a run)`);
  }
}

export async function readReportFile(path: string): Promise<{ readonly file: string; readonly report: Report }> {
  const file = await fileOf(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ReportFileError(code === 'ENOENT' ? `${path}: no ${REPORTERS.json.file} there (give the --report-dir of a run)` : `${file}: cannot read it (${code ?? (err as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ReportFileError(`${file} is not a report: it is not JSON`);
  }
  const head = (value ?? {}) as { format?: unknown; version?: unknown };
  if (typeof value !== 'object' || head.format !== REPORT_FORMAT) throw new ReportFileError(`${file} is not a report: it has no "format": "${REPORT_FORMAT}"`);
  if (head.version !== REPORT_VERSION) {
    throw new ReportFileError(`${file} is a version ${JSON.stringify(head.version)} report; this omics-conformance reads version ${REPORT_VERSION} (run the suites again, or use the omics-conformance that wrote it)`);
  }
  const errors = reportSchemaErrors(value);
  if (errors.length) throw new ReportFileError(`${file} is not a valid report: ${errors[0]!.path || '(the report)'} ${errors[0]!.message} (reports/report.schema.json)`);
  return { file, report: value as Report };
}
