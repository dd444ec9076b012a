// Reading a report in tests: report.json checked against its schema, one check by id, and the ids
// of the checks that failed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import type { Report, ReportedCheck } from '../../reports/report.ts';
import { reportSchemaErrors } from '../../reports/schema.ts';

export function checkOf(report: Report, id: string): ReportedCheck {
  const c = report.checks.find((x) => x.id === id);
  assert.ok(c, `no check ${id}`);
  return c!;
}

export function failingIds(report: Report): string[] {
  return report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
}

/** Each check that did not pass, with its first failure or its skip reason: what an assertion on them prints. */
export function notPassed(report: Report): string {
  return report.checks
    .filter((c) => c.status !== 'passed')
    .map((c) => `${c.id} ${c.status}: ${c.skipped ?? `${c.failures[0]?.message ?? ''} ${JSON.stringify(c.failures[0]?.received ?? '')}`.slice(0, 400)}`)
    .join('\n');
}

/** A report (as data, or report.json's text) valid against reports/report.schema.json. */
export function assertValidReport(report: unknown): void {
  const value = typeof report === 'string' ? JSON.parse(report) : report;
  // JSON has no undefined: validate the report as report.json holds it.
  const errors = reportSchemaErrors(JSON.parse(JSON.stringify(value)));
  assert.equal(errors, [], `report.json departs from reports/report.schema.json:\n${errors.map((e) => `${e.path || '(report)'} ${e.message}`).join('\n')}`);
}

/** report.json of a report directory, valid against the schema. */
export function readReport(dir: string): Report {
  const text = readFileSync(join(dir, 'report.json'), 'utf8');
  assertValidReport(text);
  return JSON.parse(text) as Report;
}
