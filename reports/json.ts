// report.json: the report as it is, for machines (and every other format).
import type { Report } from './report.ts';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
