// The file formats of a difference report, each a name, a file and a pure render: one interface, so
// a reporter registry can take them as they are.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderJson } from '../json.ts';
import { prepareReportDir } from '../reportDir.ts';
import { differencesHtml } from './html.ts';
import { differencesJunit } from './junit.ts';
import { differencesMarkdown } from './markdown.ts';
import type { DifferenceReport } from './report.ts';

export interface DifferenceReporter {
  readonly name: string;
  readonly file: string;
  render(report: DifferenceReport): string;
}

export const differenceReporters: readonly DifferenceReporter[] = [
  { name: 'json', file: 'differences.json', render: renderJson },
  { name: 'markdown', file: 'differences.md', render: differencesMarkdown },
  { name: 'junit', file: 'differences.junit.xml', render: differencesJunit },
  { name: 'html', file: 'differences.html', render: differencesHtml },
];

/** Every format written into `dir`; the files' paths, in the reporters' order. */
export async function writeDifferenceReports(report: DifferenceReport, dir: string, reporters: readonly DifferenceReporter[] = differenceReporters): Promise<string[]> {
  const ready = await prepareReportDir(dir);
  const files: string[] = [];
  for (const r of reporters) {
    const file = join(ready, r.file);
    await writeFile(file, r.render(report));
    files.push(file);
  }
  return files;
}
