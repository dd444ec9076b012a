// junit.xml in the Ant JUnit form that GitHub, GitLab and Jenkins read: one testsuite per suite, one
// testcase per check. A failed check carries its first failure entries with what to paste to see
// them again; a skipped check its reason; warnings and OBSERVED notes go to the check's system-out.
// The checks run side by side, so no time is measured per check: the testcases and testsuites say 0
// and the testsuites element holds the run's wall time.
import { createRequire } from 'node:module';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { countedMessage, failureLines, moreEntries, oneLine } from './findingText.ts';
import type { Report, ReportedCheck } from './report.ts';

/** Failure entries written out in full per check. */
const SHOWN = 3;

/** XML 1.0 cannot hold control characters or lone surrogates: they are written as `\u{…}`. */
const escapeInvalid = (char: string) => `\\u{${char.codePointAt(0)!.toString(16)}}`;

/** An XML document for a JUnit file, with the characters XML cannot hold escaped. */
// Loaded on first use: most processes that import the reporters never write JUnit.
const require = createRequire(import.meta.url);
export const junitDocument = () => (require('xmlbuilder2') as typeof import('xmlbuilder2')).create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: escapeInvalid });

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function counts(checks: readonly ReportedCheck[]) {
  return {
    tests: checks.length,
    failures: checks.filter((c) => c.status === 'failed').length,
    errors: 0,
    skipped: checks.filter((c) => c.status === 'skipped').length,
  };
}

function failureText(c: ReportedCheck): string {
  const blocks = c.failures.slice(0, SHOWN).map((f) => failureLines(f).join('\n'));
  const more = moreEntries(c, 'failed', Math.min(SHOWN, c.failures.length));
  return [`${c.title}`, `spec: ${c.spec}`, '', blocks.join('\n\n'), ...(more ? ['', more] : [])].join('\n');
}

function notesText(c: ReportedCheck): string | undefined {
  const lines = [...c.warnings.map((f) => `warning: ${countedMessage(f)}`), ...c.observed.map((f) => `observed: ${countedMessage(f)}`)];
  for (const kind of ['warnings', 'observed'] as const) {
    const more = moreEntries(c, kind, c[kind].length);
    if (more) lines.push(`${kind === 'warnings' ? 'warning' : 'observed'}: ${more}`);
  }
  return lines.length ? lines.join('\n') : undefined;
}

function testcase(parent: XMLBuilder, c: ReportedCheck, report: Report): void {
  const tc = parent.ele('testcase', { classname: c.suite, name: `${c.id} — ${c.title}`, time: seconds(0) });
  if (c.status === 'failed') {
    const expected = report.verdict?.expected.find((e) => e.check === c.id);
    const first = c.failures[0];
    const message = `${expected ? `expected failure (${expected.reason}): ` : ''}${first ? oneLine(countedMessage(first)) : `${c.counts.failed} failing cases`}`;
    tc.ele('failure', { message, type: c.level }).txt(failureText(c));
  }
  if (c.status === 'skipped') tc.ele('skipped', { message: c.skipped ?? 'no case reached this check' });
  const notes = notesText(c);
  if (notes) tc.ele('system-out').txt(notes);
}

export function renderJunit(report: Report): string {
  const doc = junitDocument();
  const root = doc.ele('testsuites', { name: 'omics-conformance', ...counts(report.checks), time: seconds(report.durationMs), timestamp: report.startedAt });
  const suites = [...new Set([...report.suites, ...report.checks.map((c) => c.suite)])];
  suites.forEach((suite, id) => {
    const checks = report.checks.filter((c) => c.suite === suite);
    if (!checks.length) return;
    const ts = root.ele('testsuite', { name: suite, id, ...counts(checks), time: seconds(0), timestamp: report.startedAt.replace(/\.\d+Z$|Z$/, ''), hostname: report.target.endpoint ? new URL(report.target.endpoint).host : report.target.kind });
    const props = ts.ele('properties');
    const properties: Array<[string, string | number]> = [
      ['target', `${report.target.name} (${report.target.kind})`],
      ['region', report.target.region],
      ['seed', report.seed],
      ['runs', report.runs],
      ['shard', report.shard],
      ...(report.target.endpoint ? [['endpoint', report.target.endpoint] as [string, string]] : []),
      ...(report.replay !== undefined ? [['replay', report.replay] as [string, string]] : []),
    ];
    for (const [name, value] of properties) props.ele('property', { name, value: String(value) });
    for (const c of checks) testcase(ts, c, report);
  });
  return doc.end({ prettyPrint: true });
}
