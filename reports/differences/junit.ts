// differences.junit.xml, for CI systems that read JUnit: a testcase per case that differs (failed,
// its differences one per line), per case whose differences were all accepted (passed, the
// reasons in system-out), per stale divergence and per reason cases were not compared (skipped).
import { junitDocument } from '../junit.ts';
import type { DifferenceReport, ReportedAcceptance, ReportedDifference } from './report.ts';
import { countsLine, sideLabel, skipReasons, valueText } from './text.ts';

function byCase<T extends { readonly case: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(item.case, [...(out.get(item.case) ?? []), item]);
  return out;
}

export function differencesJunit(report: DifferenceReport): string {
  const a = sideLabel(report, 'a');
  const b = sideLabel(report, 'b');
  const line = (d: ReportedDifference) => `${d.path} (${d.kind}): ${a} ${valueText(d.a)}, ${b} ${valueText(d.b)}`;
  const differing = byCase(report.differences);
  const acceptedOnly = [...byCase<ReportedAcceptance>(report.accepted)].filter(([key]) => !differing.has(key));
  const skips = skipReasons(report);
  const tests = differing.size + acceptedOnly.length + report.stale.length + skips.length;
  const counts = { tests: Math.max(tests, 1), failures: differing.size, errors: report.outcome === 'aborted' ? 1 : 0, skipped: report.stale.length + skips.length };
  const doc = junitDocument();
  const root = doc.ele('testsuites', { name: `omics-conformance ${report.command}`, ...counts, time: '0.000' });
  const suite = root.ele('testsuite', { name: report.command, id: 0, ...counts, time: '0.000', hostname: report.sides.b.name });
  const props = suite.ele('properties');
  for (const [name, value] of [[a, report.sides.a.name], [b, report.sides.b.name], ['seed', String(report.selection.seed)], ['shard', report.selection.shard], ['outcome', report.outcome]] as const) props.ele('property', { name, value });
  const testcase = (name: string) => suite.ele('testcase', { classname: report.command, name, time: '0.000' });
  for (const [key, diffs] of differing) {
    testcase(key).ele('failure', { message: `${diffs.length} difference${diffs.length === 1 ? '' : 's'}: ${diffs[0]!.path} (${diffs[0]!.kind})`, type: 'difference' }).txt(diffs.map(line).join('\n'));
  }
  for (const [key, accepted] of acceptedOnly) testcase(key).ele('system-out').txt(accepted.map((d) => `accepted: ${line(d)} — ${d.reason}`).join('\n'));
  for (const s of report.stale) testcase(`stale divergence ${s.pattern}`).ele('skipped', { message: `accepted nothing (${s.at}): ${s.reason}` });
  for (const [reason, n] of skips) testcase(`${n} case${n === 1 ? '' : 's'} not compared`).ele('skipped', { message: reason });
  if (tests === 0) testcase(countsLine(report));
  for (const why of report.aborted ?? []) testcase('stopped early').ele('error', { message: why });
  return doc.end({ prettyPrint: true });
}
