// What a run prints when it ends: one line per check, the failures with their reproduction, and
// the closing count line `N passed, N failed[, N skipped]` (counting checks). Findings of one kind
// show once, with how many cases they stand for.
import { countedMessage as counted } from './findingText.ts';
import type { Report, ReportedCheck } from './report.ts';
import { verdictLine, type Verdict } from './verdict.ts';

const MAX_SHOWN = 3;
const MAX_COMMAND = 400;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `12 warnings of 2 kinds`: cases, and entries where they differ. */
function tallied(cases: number, entries: number, what: string): string {
  return `${what}${entries < cases ? ` of ${plural(entries, 'kind')}` : ''}`;
}


function checkLine(c: ReportedCheck, width: number): string {
  const mark = c.status === 'passed' ? 'ok  ' : c.status === 'failed' ? 'FAIL' : 'skip';
  const extra = [
    c.status === 'failed' ? tallied(c.counts.failed, c.entries.failed, plural(c.counts.failed, 'failing case')) : '',
    c.counts.warnings ? tallied(c.counts.warnings, c.entries.warnings, plural(c.counts.warnings, 'warning')) : '',
    c.counts.observed ? tallied(c.counts.observed, c.entries.observed, `${c.counts.observed} observed`) : '',
    c.skipped ?? '',
  ].filter(Boolean);
  return `  ${mark} ${c.id.padEnd(width)} ${c.level.padEnd(8)} ${String(c.cases).padStart(5)} cases${extra.length ? `  (${extra.join('; ')})` : ''}`;
}

export function closingLine(report: Report): string {
  if (report.verdict) return verdictLine(report, report.verdict);
  const { passed, failed, skipped } = report.summary;
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

function verdictNotes(v: Verdict): string[] {
  const lines: string[] = [];
  for (const e of v.expected) lines.push(`expected failure ${e.check}: ${e.reason}`);
  for (const e of v.stale) lines.push(`stale expected failure ${e.check}: it passed; take it off the --expect-failures list (${e.reason})`);
  if (v.belowGate.length) lines.push(`below --fail-on ${v.failOn} (reported, not failing the run): ${v.belowGate.join(', ')}`);
  if (v.warned.length) lines.push(`warnings fail the run under --fail-on observed: ${v.warned.join(', ')}`);
  return lines;
}

export function consoleSummary(report: Report, files: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`omics-conformance: ${report.target.name} (${report.target.kind}${report.target.endpoint ? ` ${report.target.endpoint}` : ''}, ${report.target.region}), seed ${report.seed}, ${report.runs} runs per property, shard ${report.shard}`);
  // A replay ran one case: only the checks it reached are worth a line.
  const shown = report.replay !== undefined ? report.checks.filter((c) => c.status !== 'skipped') : report.checks;
  const width = Math.max(0, ...shown.map((c) => c.id.length));
  for (const c of shown) lines.push(checkLine(c, width));
  for (const c of report.checks.filter((x) => x.failures.length)) {
    lines.push('', `FAIL ${c.id} [${c.level}] ${c.title}`, `     spec: ${c.spec}`);
    for (const f of c.failures.slice(0, MAX_SHOWN)) {
      lines.push(`   - ${counted(f)}`);
      if (f.hint) lines.push(`     fix: ${f.hint}`);
      lines.push(`     replay: ${f.replayCommand}`);
      const cli = f.reproduction.awsCli;
      lines.push(`     reproduce: ${cli.length <= MAX_COMMAND ? cli : `${cli.slice(0, MAX_COMMAND)}… (whole command in the report)`}`);
    }
    if (c.entries.failed > MAX_SHOWN) lines.push(`   … ${plural(c.entries.failed - MAX_SHOWN, 'more kind')} of failure (the report lists ${c.failures.length})`);
  }
  const warned = report.checks.filter((c) => c.warnings.length);
  if (warned.length) lines.push('');
  for (const c of warned) {
    for (const f of c.warnings.slice(0, MAX_SHOWN)) lines.push(`warning ${c.id}: ${counted(f)}`);
    if (c.entries.warnings > MAX_SHOWN) lines.push(`warning ${c.id}: … ${plural(c.entries.warnings - MAX_SHOWN, 'more kind')} (the report lists ${c.warnings.length})`);
  }
  // A check whose whole purpose is to observe (level OBSERVED) says what it saw.
  const observing = report.checks.filter((c) => c.level === 'OBSERVED' && c.observed.length);
  if (observing.length) lines.push('');
  for (const c of observing) lines.push(`observed ${c.id}: ${counted(c.observed[0]!)}`);
  if (report.replay === undefined) lines.push('', `coverage: ${report.coverage.covered} of ${report.coverage.rules} contract rules had a valid and an invalid case`);
  else lines.push('', `replayed one case: --replay ${report.replay}`);
  if (report.cleanup.left.length) lines.push(`cleanup: could not delete ${report.cleanup.left.join(', ')} — delete them by hand`);
  if (report.aborted) lines.push(`stopped early: ${report.aborted}`);
  const notes = report.verdict ? verdictNotes(report.verdict) : [];
  if (notes.length) lines.push('', ...notes);
  for (const f of files) lines.push(`report: ${f}`);
  lines.push(closingLine(report));
  return lines.join('\n');
}
