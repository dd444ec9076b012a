// report.html: one self-contained page (no script, no external asset): the totals and every check
// with its status, cases and first failure.
import { closingLine } from './console.ts';
import type { Report, ReportedCheck } from './report.ts';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function row(c: ReportedCheck): string {
  const first = c.failures[0];
  const note = c.status === 'failed' && first ? `${first.message}${first.count > 1 ? ` (×${first.count})` : ''}` : (c.skipped ?? '');
  return `<tr class="${c.status}"><td><code>${escapeHtml(c.id)}</code></td><td>${escapeHtml(c.level)}</td><td>${c.status}</td><td>${c.cases}</td><td>${escapeHtml(note)}</td></tr>`;
}

export function renderHtml(report: Report): string {
  const title = `omics-conformance: ${closingLine(report)}`;
  const { target } = report;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
tr.failed td { background: #fdd; }
tr.skipped td { color: #666; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(`${target.name} (${target.kind}${target.endpoint ? ` ${target.endpoint}` : ''}, ${target.region}), seed ${report.seed}, ${report.runs} runs per property, shard ${report.shard}`)}</p>
<table>
<thead><tr><th>check</th><th>level</th><th>status</th><th>cases</th><th>first failure or why skipped</th></tr></thead>
<tbody>
${report.checks.map(row).join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
