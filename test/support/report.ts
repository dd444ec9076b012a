// Reading a report in tests: one check by id, and the ids of the checks that failed.
import * as assert from 'uvu/assert';
import type { Report, ReportedCheck } from '../../reports/report.ts';

export function checkOf(report: Report, id: string): ReportedCheck {
  const c = report.checks.find((x) => x.id === id);
  assert.ok(c, `no check ${id}`);
  return c!;
}

export function failingIds(report: Report): string[] {
  return report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
}
