// report.html: the run as one self-contained page a person clicks through. It loads nothing (a
// Content-Security-Policy forbids every request), so it works from file:// and leaks nothing:
// totals, failures in full with their reproductions, checks by suite with filters, and pictures.
import { closingLine } from './console.ts';
import type { Report } from './report.ts';
import { checkTables, failures } from './html/checks.ts';
import { html, trusted, type Html } from './html/markup.ts';
import { coverageGrid, errorTypes, suiteCases } from './html/pictures.ts';
import { SCRIPT } from './html/script.ts';
import { STYLE } from './html/style.ts';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function header(report: Report): Html {
  const t = report.target;
  const outcome = report.verdict?.outcome ?? (report.summary.failed ? 'failed' : 'passed');
  return html`<header>
<h1>omics-conformance report</h1>
<p class="run">${t.name} (${t.kind}${t.endpoint && !t.name.includes(t.endpoint) ? ` ${t.endpoint}` : ''}, ${t.region}) · seed ${report.seed} · ${report.runs} runs per property · shard ${report.shard} · suites ${report.suites.join(', ')}</p>
<p class="run">started ${report.startedAt} · took ${duration(report.durationMs)}${report.replay !== undefined ? ` · replayed one case: --replay ${report.replay}` : ''}</p>
<p class="${`verdict ${outcome}`}">${closingLine(report)}</p>
${report.aborted ? html`<p class="alert" role="alert"><strong>Stopped early:</strong> ${report.aborted}</p>` : ''}
${report.cleanup.left.length ? html`<p class="alert"><strong>Not deleted:</strong> ${report.cleanup.left.join(', ')} — delete them by hand.</p>` : ''}
<nav aria-label="Sections"><ul><li><a href="#failures">Failures</a></li><li><a href="#pictures">Cases and errors</a></li><li><a href="#checks">Checks by suite</a></li><li><a href="#coverage">Constraint coverage</a></li></ul></nav>
</header>`;
}

function totals(report: Report): Html {
  const s = report.summary;
  const cases = report.suiteCases ? Object.values(report.suiteCases).reduce((a, b) => a + b, 0) : undefined;
  const item = (cls: string, n: number | string, label: string) => html`<li class="${cls}"><span class="n">${n}</span>${label}</li>`;
  return html`<section aria-labelledby="totals-h"><h2 id="totals-h" class="sr-only">Totals</h2><ul class="totals">
${item('failed', s.failed, 'checks failed')}${item('passed', s.passed, 'checks passed')}${item('skipped', s.skipped, 'checks skipped')}${item('warnings', s.warnings, 'warnings')}
${item('coverage', `${Math.round(report.coverage.ratio * 100)}%`, `rules covered (${report.coverage.covered} of ${report.coverage.rules})`)}${cases !== undefined ? item('cases', cases, 'cases sent') : ''}
</ul></section>`;
}

function page(report: Report): Html {
  const title = `omics-conformance: ${closingLine(report)} — ${report.target.name}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<a class="skip-link" href="#failures">Skip to the failures</a>
<main>
${header(report)}
${totals(report)}
${failures(report)}
<div class="pictures" id="pictures">
${suiteCases(report)}
${errorTypes(report)}
</div>
${checkTables(report)}
${coverageGrid(report)}
<footer>Written by omics-conformance from report.json (format ${report.format} v${report.version}). This page loads nothing from the network.</footer>
</main>
<div id="live" class="sr-only" aria-live="polite"></div>
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
}

export function renderHtml(report: Report): string {
  return page(report).text;
}
