// report.json: the report as it is, for machines (and every other format).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from './report.ts';
import { prepareReportDir } from './reportDir.ts';

export async function writeJsonReport(report: Report, dir: string): Promise<string> {
  const file = join(await prepareReportDir(dir), 'report.json');
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
