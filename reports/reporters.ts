// The report formats by name, each a file rendered from the report: what `--reporters` chooses from.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import type { Report } from './report.ts';
import { prepareReportDir } from './reportDir.ts';

export interface Reporter {
  /** The file it writes in the report directory. */
  readonly file: string;
  readonly render: (report: Report) => string;
}

export const REPORTERS = {
  json: { file: 'report.json', render: renderJson },
  junit: { file: 'junit.xml', render: renderJunit },
  md: { file: 'summary.md', render: renderMarkdown },
  html: { file: 'report.html', render: renderHtml },
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;

export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

/** `json,junit`: the names, each known and given once; an Error naming the valid ones otherwise. */
export function parseReporters(text: string): ReporterName[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(REPORTER_NAMES as string[]).includes(n));
  if (unknown.length) throw new Error(`--reporters: no reporter ${unknown.join(', ')}; reporters: ${REPORTER_NAMES.join(', ')}`);
  if (names.length === 0) throw new Error(`--reporters names nothing (give some of ${REPORTER_NAMES.join(', ')})`);
  return [...new Set(names)] as ReporterName[];
}

/** Writes the report in each format into `dir` (made if missing); the files written, in the order asked. */
export async function writeReports(report: Report, dir: string, names: readonly ReporterName[] = REPORTER_NAMES): Promise<string[]> {
  const at = await prepareReportDir(dir);
  const files: string[] = [];
  for (const name of names) {
    const { file, render } = REPORTERS[name];
    const path = join(at, file);
    await writeFile(path, render(report));
    files.push(path);
  }
  return files;
}
