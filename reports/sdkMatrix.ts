// The SDK matrix: one run's reports per SDK, side by side — the SDKs as columns, the checks as
// rows — as plain data (sdk-matrix.json), Markdown (sdk-matrix.md) and a console table.
import type { Report } from './report.ts';

export const MATRIX_FORMAT = 'omics-conformance-sdk-matrix';

export interface MatrixInput {
  readonly sdk: string;
  /** The client and version the adapter said it drives. */
  readonly client?: string;
  readonly report?: Report;
  /** Why there is no report: the client is not installed, or its adapter broke. */
  readonly note?: string;
}

export type CellStatus = 'passed' | 'failed' | 'skipped' | 'not run';

export interface MatrixCell {
  readonly status: CellStatus;
  readonly cases: number;
  readonly failed: number;
  readonly warnings: number;
  readonly observed: number;
  /** The first failure's message, or why the check was skipped. */
  readonly note?: string;
}

export interface MatrixColumn {
  readonly sdk: string;
  readonly client?: string;
  /** passed, failed, nothing-judged (every check skipped), or not run (with the note saying why). */
  readonly outcome: 'passed' | 'failed' | 'nothing-judged' | 'not run';
  readonly note?: string;
  readonly summary?: Report['summary'];
}

export interface MatrixRow {
  readonly id: string;
  readonly level: string;
  readonly title: string;
  readonly cells: readonly MatrixCell[];
}

export interface SdkMatrix {
  readonly format: typeof MATRIX_FORMAT;
  readonly seed: number;
  readonly runs: number;
  readonly suites: readonly string[];
  readonly target: string;
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
}

const notRun: MatrixCell = { status: 'not run', cases: 0, failed: 0, warnings: 0, observed: 0 };

export function sdkMatrix(inputs: readonly MatrixInput[], run: { seed: number; runs: number; suites: readonly string[]; target: string }): SdkMatrix {
  const ids: string[] = [];
  const info = new Map<string, { level: string; title: string }>();
  for (const { report } of inputs) for (const c of report?.checks ?? []) if (!info.has(c.id)) (ids.push(c.id), info.set(c.id, { level: c.level, title: c.title }));
  const rows = ids.map((id) => ({
    id,
    ...info.get(id)!,
    cells: inputs.map(({ report }): MatrixCell => {
      const c = report?.checks.find((x) => x.id === id);
      if (!c) return notRun;
      const note = c.status === 'failed' ? c.failures[0]?.message : c.status === 'skipped' ? c.skipped : undefined;
      return { status: c.status, cases: c.cases, failed: c.counts.failed, warnings: c.counts.warnings, observed: c.counts.observed, ...(note ? { note } : {}) };
    }),
  }));
  const columns = inputs.map(({ sdk, client, report, note }): MatrixColumn => {
    if (!report) return { sdk, ...(client ? { client } : {}), outcome: 'not run', ...(note ? { note } : {}) };
    const outcome = report.verdict?.outcome ?? (report.summary.failed > 0 ? 'failed' : 'passed');
    return { sdk, ...(client ? { client } : {}), outcome: outcome === 'passed' || outcome === 'nothing-judged' ? outcome : 'failed', summary: report.summary };
  });
  return { format: MATRIX_FORMAT, ...run, columns, rows };
}

function cellText(c: MatrixCell): string {
  switch (c.status) {
    case 'passed':
      return `pass ${c.cases}${c.warnings ? ` (${c.warnings} warn)` : ''}${c.observed ? ` (${c.observed} obs)` : ''}`;
    case 'failed':
      return `FAIL ${c.failed}/${c.cases}`;
    case 'skipped':
      return 'skip';
    case 'not run':
      return '-';
  }
}

const headerOf = (c: MatrixColumn) => c.sdk;

/** The notes under the table: each column's client, and why checks failed or were skipped there. */
function notes(m: SdkMatrix): string[] {
  const lines: string[] = [];
  m.columns.forEach((col, i) => {
    const what = col.outcome === 'not run' ? `not run: ${col.note ?? ''}` : `${col.outcome}${col.summary ? ` (${col.summary.passed} passed, ${col.summary.failed} failed, ${col.summary.skipped} skipped)` : ''}`;
    lines.push(`${col.sdk}${col.client ? ` — ${col.client}` : ''}: ${what}`);
    for (const row of m.rows) {
      const cell = row.cells[i]!;
      if (cell.status === 'failed' || (cell.status === 'skipped' && cell.note)) lines.push(`  ${cell.status === 'failed' ? 'FAIL' : 'skip'} ${row.id}: ${cell.note ?? ''}`);
    }
  });
  return lines;
}

export function matrixMarkdown(m: SdkMatrix): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `# SDK matrix`,
    '',
    `Seed ${m.seed}, ${m.runs} runs per property, suites ${m.suites.join(', ')}, against the ${m.target}. Cells: pass N (cases judged), FAIL failing/judged, skip (see the notes), - (not run).`,
    '',
    `| check | level | ${m.columns.map(headerOf).join(' | ')} |`,
    `| --- | --- | ${m.columns.map(() => '---').join(' | ')} |`,
    ...m.rows.map((r) => `| \`${r.id}\` | ${r.level} | ${r.cells.map((c) => (c.status === 'failed' ? `**${cellText(c)}**` : cellText(c))).join(' | ')} |`),
    '',
    '## Notes',
    '',
    ...notes(m).map((l) => (l.startsWith('  ') ? `  - ${escape(l.trim())}` : `- ${escape(l)}`)),
  ];
  return `${lines.join('\n')}\n`;
}

export function matrixConsole(m: SdkMatrix): string {
  const idWidth = Math.max(5, ...m.rows.map((r) => r.id.length));
  const widths = m.columns.map((c, i) => Math.max(headerOf(c).length, ...m.rows.map((r) => cellText(r.cells[i]!).length)));
  const line = (first: string, level: string, cells: readonly string[]) => `  ${first.padEnd(idWidth)}  ${level.padEnd(8)}  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line('check', 'level', m.columns.map(headerOf)), ...m.rows.map((r) => line(r.id, r.level, r.cells.map(cellText))), '', ...notes(m)].join('\n');
}
