// differences.html: the differences of verify or diff as one self-contained page (no request leaves
// it: a Content-Security-Policy forbids every one), every value escaped.
import { html, json, trusted, visible, type Html } from '../html/markup.ts';
import type { DifferenceReport } from './report.ts';
import { countsLine, sideLabel, skipReasons } from './text.ts';

const CSP = trusted("default-src 'none'; style-src 'unsafe-inline'");
const STYLE = trusted(`body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24}h1{font-size:1.4rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code,pre{font:12px/1.4 ui-monospace,monospace;white-space:pre-wrap;word-break:break-all;margin:0}
.outcome-same{color:#1a7f37}.outcome-different,.outcome-aborted{color:#cf222e}`);

const value = (v: unknown): Html => (v === undefined ? html`<em>(absent)</em>` : html`<pre>${visible(json(v))}</pre>`);

export function differencesHtml(report: DifferenceReport): string {
  const a = sideLabel(report, 'a');
  const b = sideLabel(report, 'b');
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>omics-conformance ${report.command}: ${report.outcome}</title><style>${STYLE}</style></head>
<body>
<h1>omics-conformance ${report.command}: <span class="outcome-${report.outcome}">${report.outcome}</span></h1>
<ul><li>${a}: ${report.sides.a.name}</li><li>${b}: ${report.sides.b.name}</li>
<li>seed ${report.selection.seed}, ${report.selection.runs} runs per property, shard ${report.selection.shard}, suites ${report.selection.suites.join(', ')}</li>
<li>${countsLine(report)}</li>${(report.aborted ?? []).map((why) => html`<li>stopped early: ${why}</li>`)}</ul>
${report.differences.length ? html`<h2>Differences</h2><table><thead><tr><th>case</th><th>path</th><th>kind</th><th>${a}</th><th>${b}</th></tr></thead><tbody>
${report.differences.map((d) => html`<tr><td><code>${d.case}</code></td><td><code>${d.path}</code></td><td>${report.kinds[d.kind] ?? d.kind}</td><td>${value(d.a)}</td><td>${value(d.b)}</td></tr>`)}
</tbody></table>` : ''}
${report.accepted.length ? html`<h2>Accepted</h2><table><thead><tr><th>case</th><th>path</th><th>kind</th><th>${a}</th><th>${b}</th><th>reason</th></tr></thead><tbody>
${report.accepted.map((d) => html`<tr><td><code>${d.case}</code></td><td><code>${d.path}</code></td><td>${report.kinds[d.kind] ?? d.kind}</td><td>${value(d.a)}</td><td>${value(d.b)}</td><td>${d.reason}</td></tr>`)}
</tbody></table>` : ''}
${report.stale.length ? html`<h2>Stale divergences</h2><p>These accepted nothing: the difference no longer occurs.</p><ul>${report.stale.map((s) => html`<li><code>${s.pattern}</code> (${s.at}): ${s.reason}</li>`)}</ul>` : ''}
${report.skipped.length ? html`<h2>Not compared</h2><ul>${skipReasons(report).map(([reason, n]) => html`<li>${n} case${n === 1 ? '' : 's'}: ${reason}</li>`)}</ul>` : ''}
</body></html>
`;
  return page.text;
}
