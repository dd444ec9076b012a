// The checks in report.html: failed checks with each failure in full, then one table per suite that
// the filters (status, level) narrow; warnings, observations and skip reasons in the rows.
import type { Report, ReportedCheck } from '../report.ts';
import { failureDetail, timesBadge, type ShownFinding } from './finding.ts';
import { html, type Html } from './markup.ts';

const STATUS_TEXT: Readonly<Record<ReportedCheck['status'], string>> = { failed: 'FAIL', skipped: 'skip', passed: 'ok' };

/** An element id for a check (ids are `suite.what`, kept as they are where they are plain). */
export function checkAnchor(id: string): string {
  return `check-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function failedCheck(c: ReportedCheck, report: Report): Html {
  const anchor = checkAnchor(c.id);
  return html`<article class="check-failures" id="${anchor}" aria-labelledby="${`${anchor}-h`}">
<h3 id="${`${anchor}-h`}"><code>${c.id}</code> <span class="level level-${c.level}">${c.level}</span></h3>
<p>${c.title} · ${c.counts.failed} failing case${c.counts.failed === 1 ? '' : 's'}${c.failures.length < c.counts.failed ? ` (the report keeps ${c.failures.length})` : ''} · <span class="meta">spec: ${c.spec}</span></p>
${c.failures.map((f, i) => failureDetail(f as ShownFinding, `${anchor}-${i}`, report, i === 0))}
</article>`;
}

export function failures(report: Report): Html {
  const failed = report.checks.filter((c) => c.failures.length);
  if (!failed.length) return html`<section aria-labelledby="failures-h" id="failures"><h2 id="failures-h">Failures</h2><p class="none-failed">No check failed.</p></section>`;
  return html`<section aria-labelledby="failures-h" id="failures"><h2 id="failures-h">Failures</h2>${failed.map((c) => failedCheck(c, report))}</section>`;
}

function notes(c: ReportedCheck): Html {
  const first = (list: readonly ShownFinding[], n: number, what: string) =>
    list.length ? html`<div class="${`note-${what}`}"><strong>${n} ${what === 'warning' ? `warning${n === 1 ? '' : 's'}` : 'observed'}:</strong> ${list[0]!.message}${timesBadge(list[0]!)}${list.length > 1 ? ` (+${list.length - 1} more kept)` : ''}</div>` : '';
  return html`${c.skipped ? html`<div class="note-skip">${c.skipped}</div>` : ''}${c.status === 'failed' ? html`<div><a href="${`#${checkAnchor(c.id)}`}">${c.counts.failed} failing case${c.counts.failed === 1 ? '' : 's'}</a></div>` : ''}${first(c.warnings, c.counts.warnings, 'warning')}${first(c.observed, c.counts.observed, 'observed')}`;
}

function row(c: ReportedCheck): Html {
  return html`<tr data-status="${c.status}" data-level="${c.level}" class="${`row-${c.status}`}">
<td><span class="status status-${c.status}">${STATUS_TEXT[c.status]}</span></td>
<th scope="row"><code>${c.id}</code><div class="title">${c.title}</div></th>
<td><span class="level level-${c.level}">${c.level}</span></td>
<td class="num">${c.cases}</td>
<td>${notes(c)}</td>
</tr>`;
}

function suiteTable(suite: string, checks: readonly ReportedCheck[]): Html {
  const failed = checks.filter((c) => c.status === 'failed').length;
  return html`<table class="checks" data-suite="${suite}">
<caption><span class="suite-name">${suite}</span> · ${checks.length} check${checks.length === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''} <span class="shown" aria-live="polite"></span></caption>
<thead><tr><th scope="col">Status</th><th scope="col">Check</th><th scope="col">Level</th><th scope="col">Cases</th><th scope="col">Notes</th></tr></thead>
<tbody>${checks.map(row)}</tbody>
</table>`;
}

function filters(report: Report): Html {
  const statuses: ReportedCheck['status'][] = ['failed', 'skipped', 'passed'];
  const levels = [...new Set(report.checks.map((c) => c.level))];
  const box = (kind: string, value: string, n: number) => html`<label><input type="checkbox" checked data-filter="${kind}" value="${value}"> ${value} <span class="meta">(${n})</span></label>`;
  return html`<form class="filters" aria-label="Filter the checks">
<fieldset><legend>Status</legend>${statuses.map((s) => box('status', s, report.checks.filter((c) => c.status === s).length))}</fieldset>
<fieldset><legend>Level</legend>${levels.map((l) => box('level', l, report.checks.filter((c) => c.level === l).length))}</fieldset>
</form>`;
}

export function checkTables(report: Report): Html {
  const suites = [...report.suites, ...new Set(report.checks.map((c) => c.suite).filter((s) => !report.suites.includes(s)))];
  return html`<section aria-labelledby="checks-h" id="checks">
<h2 id="checks-h">Checks by suite</h2>
${filters(report)}
${suites.map((s) => ({ s, checks: report.checks.filter((c) => c.suite === s) })).filter((x) => x.checks.length).map((x) => suiteTable(x.s, x.checks))}
</section>`;
}
