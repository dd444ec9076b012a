// report.html written into the report directory, as json.ts writes report.json.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtml } from './html.ts';
import type { Report } from './report.ts';
import { prepareReportDir } from './reportDir.ts';

export async function writeHtmlReport(report: Report, dir: string): Promise<string> {
  const file = join(await prepareReportDir(dir), 'report.html');
  await writeFile(file, renderHtml(report));
  return file;
}
