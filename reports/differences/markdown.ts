// differences.md: the summary a person reads in a CI job's page or a pull request.
import type { DifferenceReport } from './report.ts';
import { countsLine, sideLabel, skipReasons, valueText } from './text.ts';

/** Rows of a table before the rest is left to differences.json. */
const MAX_ROWS = 200;

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => `\`${cell(text).replace(/`/g, 'ˋ')}\``;

export function differencesMarkdown(report: DifferenceReport): string {
  const a = sideLabel(report, 'a');
  const b = sideLabel(report, 'b');
  const lines = [
    `# omics-conformance ${report.command}: ${report.outcome}`,
    '',
    `- ${a}: ${report.sides.a.name}`,
    `- ${b}: ${report.sides.b.name}`,
    `- seed ${report.selection.seed}, ${report.selection.runs} runs per property, shard ${report.selection.shard}, suites ${report.selection.suites.join(', ')}`,
    `- ${countsLine(report)}`,
  ];
  for (const why of report.aborted ?? []) lines.push(`- stopped early: ${why}`);
  if (report.differences.length) {
    lines.push('', '## Differences', '', `| case | path | kind | ${a} | ${b} |`, '| --- | --- | --- | --- | --- |');
    for (const d of report.differences.slice(0, MAX_ROWS)) lines.push(`| ${code(d.case)} | ${code(d.path)} | ${d.kind} | ${code(valueText(d.a))} | ${code(valueText(d.b))} |`);
    if (report.differences.length > MAX_ROWS) lines.push('', `… ${report.differences.length - MAX_ROWS} more in differences.json.`);
  }
  if (report.accepted.length) {
    lines.push('', '## Accepted', '', `| path | kind | ${a} | ${b} | reason |`, '| --- | --- | --- | --- | --- |');
    for (const d of report.accepted.slice(0, MAX_ROWS)) lines.push(`| ${code(d.path)} | ${d.kind} | ${code(valueText(d.a))} | ${code(valueText(d.b))} | ${cell(d.reason)} |`);
    if (report.accepted.length > MAX_ROWS) lines.push('', `… ${report.accepted.length - MAX_ROWS} more in differences.json.`);
  }
  if (report.stale.length) {
    lines.push('', '## Stale divergences', '', 'These accepted nothing: the difference no longer occurs. Take them off the divergences file.', '');
    for (const s of report.stale) lines.push(`- ${code(s.pattern)} (${cell(s.at)}): ${cell(s.reason)}`);
  }
  const skips = skipReasons(report);
  if (skips.length) {
    lines.push('', '## Not compared', '');
    for (const [reason, n] of skips) lines.push(`- ${n} case${n === 1 ? '' : 's'}: ${cell(reason)}`);
  }
  return `${lines.join('\n')}\n`;
}
