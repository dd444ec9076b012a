// summary.md: short enough for a CI job summary or a pull-request comment. The closing line, the
// failures first (check, level, one line, replay value), then a compact table of every check.
import { closingLine } from './console.ts';
import { oneLine } from './findingText.ts';
import type { Report, ReportedCheck } from './report.ts';

/** Failure entries shown per check. */
const SHOWN = 3;
const MESSAGE = 200;
const REASON = 120;

/** Text for a table cell: one line, with what Markdown or HTML would read escaped. */
function cell(text: string, max = MESSAGE): string {
  return oneLine(text, max).replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** A code span that holds any text, backticks included. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ` ${text} ` : text}${fence}`.replace(/\|/g, '\\|');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const STATUS: Readonly<Record<ReportedCheck['status'], string>> = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' };

function notes(c: ReportedCheck): string {
  const of = (cases: number, entries: number, word: string) => `${plural(cases, word)}${entries < cases ? ` (${plural(entries, 'kind')})` : ''}`;
  return [
    c.status === 'failed' ? of(c.counts.failed, c.entries.failed, 'failing case') : '',
    c.counts.warnings ? of(c.counts.warnings, c.entries.warnings, 'warning') : '',
    c.counts.observed ? of(c.counts.observed, c.entries.observed, 'observed note') : '',
    c.skipped ? cell(c.skipped, REASON) : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function failureRows(report: Report): string[] {
  const expected = new Map((report.verdict?.expected ?? []).map((e) => [e.check, e.reason]));
  const rows: string[] = [];
  for (const c of report.checks.filter((x) => x.status === 'failed')) {
    const reason = expected.get(c.id);
    const mark = reason !== undefined ? ` (expected: ${cell(reason, REASON)})` : report.verdict?.belowGate.includes(c.id) ? ` (below --fail-on ${report.verdict.failOn})` : '';
    for (const f of c.failures.slice(0, SHOWN)) rows.push(`| ${code(c.id)}${mark} | ${c.level} | ${cell(f.message)} | ${f.count} | ${code(f.replay)} |`);
    const more = c.entries.failed - Math.min(SHOWN, c.failures.length);
    if (more > 0) rows.push(`| ${code(c.id)} | ${c.level} | … ${plural(more, 'more kind')} of failure in report.json | | |`);
  }
  return rows;
}

export function renderMarkdown(report: Report): string {
  const { summary, target, coverage } = report;
  const lines = [
    `## omics-conformance: ${closingLine(report)}`,
    '',
    [
      `${cell(target.name)} (${target.kind}${target.endpoint ? ` ${code(target.endpoint)}` : ''}, ${target.region})`,
      `seed ${code(String(report.seed))}`,
      `${report.runs} runs per property`,
      `shard ${report.shard}`,
      summary.warnings ? `${plural(summary.warnings, 'kind')} of warning (${plural(summary.warningCases, 'case')})` : '',
      summary.observed ? `${plural(summary.observed, 'kind')} of observed note (${plural(summary.observedCases, 'case')})` : '',
      report.replay === undefined ? `coverage ${coverage.covered}/${coverage.rules} rules` : `replayed ${code(report.replay)}`,
    ]
      .filter(Boolean)
      .join(' · '),
  ];
  if (report.aborted) lines.push('', `**Stopped early:** ${cell(report.aborted, 400)}`);
  if (report.cleanup.left.length) lines.push('', `**Not deleted** (delete by hand): ${report.cleanup.left.map(code).join(', ')}`);
  const failures = failureRows(report);
  if (failures.length) lines.push('', '### Failures', '', '| check | level | what failed | cases | replay (`--replay`) |', '| --- | --- | --- | ---: | --- |', ...failures);
  lines.push('', '### Checks', '', '| check | level | status | cases | notes |', '| --- | --- | --- | ---: | --- |');
  for (const c of report.checks) lines.push(`| ${code(c.id)} | ${c.level} | ${STATUS[c.status]} | ${c.cases} | ${notes(c)} |`);
  return `${lines.join('\n')}\n`;
}
