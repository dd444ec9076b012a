// report.json (and differences.json): the report as it is, for machines (and every other format).
export function renderJson(report: object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
