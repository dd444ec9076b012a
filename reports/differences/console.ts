// What verify and diff print when they end: the sides, the first differences by path with both
// values, accepted and stale divergences, and a closing count line.
import type { DifferenceReport } from './report.ts';
import { countsLine, sideLabel, skipReasons, valueText } from './text.ts';

const MAX_SHOWN = 20;

export function differencesConsole(report: DifferenceReport, files: readonly string[]): string {
  const a = sideLabel(report, 'a');
  const b = sideLabel(report, 'b');
  const lines = [`omics-conformance ${report.command}: ${a} ${report.sides.a.name}; ${b} ${report.sides.b.name}; seed ${report.selection.seed}`];
  for (const d of report.differences.slice(0, MAX_SHOWN)) lines.push(`  DIFF ${d.path} (${d.kind})`, `       ${a}: ${valueText(d.a)}`, `       ${b}: ${valueText(d.b)}`);
  if (report.differences.length > MAX_SHOWN) lines.push(`  … ${report.differences.length - MAX_SHOWN} more differences in the report`);
  for (const d of report.accepted.slice(0, MAX_SHOWN)) lines.push(`  accepted ${d.path} (${d.kind}): ${d.reason}`);
  if (report.accepted.length > MAX_SHOWN) lines.push(`  … ${report.accepted.length - MAX_SHOWN} more accepted differences in the report`);
  for (const s of report.stale) lines.push(`  stale divergence ${s.pattern} (${s.at}): no difference matched it; take it off the list (${s.reason})`);
  for (const [reason, n] of skipReasons(report)) lines.push(`  not compared: ${n} case${n === 1 ? '' : 's'} ${reason}`);
  for (const why of report.aborted ?? []) lines.push(`  stopped early: ${why}`);
  for (const f of files) lines.push(`report: ${f}`);
  lines.push(countsLine(report));
  return lines.join('\n');
}
