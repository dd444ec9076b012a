// The pictures of report.html, drawn with tables and CSS alone: the constraint-coverage grid (each
// rule × valid / invalid cases that reached the target), the error types each operation answered
// with, and the cases of each suite. Every cell carries its number as text, not colour alone.
import type { Report } from '../report.ts';
import { html, type Html } from './markup.ts';

/** Shade 1–4 on a log scale of `max`; 0 for none. */
function heat(n: number, max: number): number {
  if (n <= 0) return 0;
  if (max <= 1) return 4;
  return 1 + Math.min(3, Math.floor((3 * Math.log(n)) / Math.log(max) + 1e-9));
}

interface RuleName {
  readonly operation: string;
  readonly member: string;
  readonly kind: string;
}

/** `Operation:path:kind` (the path may hold colons of its own). */
function ruleName(id: string): RuleName {
  const first = id.indexOf(':');
  const last = id.lastIndexOf(':');
  if (first < 0 || last === first) return { operation: '', member: id, kind: '' };
  return { operation: id.slice(0, first), member: id.slice(first + 1, last), kind: id.slice(last + 1) };
}

type GridRow = NonNullable<Report['coverage']['grid']>[number];
type RuleState = 'covered' | 'unbreakable' | 'one-side' | 'none';

function stateOf(row: GridRow, uncovered: ReadonlySet<string>): RuleState {
  if (uncovered.has(row.rule)) return row.valid || row.invalid ? 'one-side' : 'none';
  return row.invalid ? 'covered' : 'unbreakable';
}

const STATE_TEXT: Readonly<Record<RuleState, string>> = {
  covered: 'a valid and an invalid case reached the target',
  unbreakable: 'valid cases reached the target; no JSON request can break this rule',
  'one-side': 'not covered: only one side reached the target',
  none: 'not covered: no case reached the target',
};

function countCell(n: number, max: number, label: string): Html {
  const shade = heat(n, max);
  return html`<td class="${shade ? `heat heat-${shade}` : 'heat miss'}" title="${`${n} ${label}`}">${n}</td>`;
}

export function coverageGrid(report: Report): Html {
  const { coverage } = report;
  const head = html`<p>${coverage.covered} of ${coverage.rules} contract rules (${Math.round(coverage.ratio * 100)}%) had a valid and an invalid case that reached the target.</p>`;
  if (!coverage.grid) return html`<section aria-labelledby="coverage-h"><h2 id="coverage-h">Constraint coverage</h2>${head}<p class="note">This report keeps no per-rule counts.</p></section>`;
  const uncovered = new Set(coverage.uncovered);
  // Each side shaded on its own scale: valid cases outnumber invalid ones many times over.
  const maxValid = Math.max(1, ...coverage.grid.map((r) => r.valid));
  const maxInvalid = Math.max(1, ...coverage.grid.map((r) => r.invalid));
  const strip = coverage.grid.map((row) => {
    const state = stateOf(row, uncovered);
    return html`<span class="cell ${state}" title="${`${row.rule}: ${STATE_TEXT[state]}`}"></span>`;
  });
  const byOperation = new Map<string, GridRow[]>();
  for (const row of coverage.grid) {
    const op = ruleName(row.rule).operation;
    byOperation.set(op, [...(byOperation.get(op) ?? []), row]);
  }
  const tables = [...byOperation].map(
    ([operation, rows]) => html`<table class="grid">
<caption>${operation || 'Rules'}</caption>
<thead><tr><th scope="col">Member</th><th scope="col">Rule</th><th scope="col">Valid cases</th><th scope="col">Invalid cases</th></tr></thead>
<tbody>${rows.map((row) => {
      const name = ruleName(row.rule);
      const state = stateOf(row, uncovered);
      const invalid = state === 'unbreakable' ? html`<td class="heat na" title="${STATE_TEXT.unbreakable}">n/a</td>` : countCell(row.invalid, maxInvalid, 'invalid cases');
      return html`<tr class="${state}" title="${`${row.rule}: ${STATE_TEXT[state]}`}"><td>${name.member}</td><td>${name.kind}${state === 'one-side' || state === 'none' ? html` <strong class="flag">not covered</strong>` : ''}</td>${countCell(row.valid, maxValid, 'valid cases')}${invalid}</tr>`;
    })}</tbody>
</table>`,
  );
  return html`<section aria-labelledby="coverage-h" id="coverage">
<h2 id="coverage-h">Constraint coverage</h2>
${head}
<div class="strip" role="img" aria-label="${`${coverage.covered} of ${coverage.rules} rules covered`}">${strip}</div>
<p class="legend"><span class="cell covered"></span> both sides <span class="cell unbreakable"></span> valid side (cannot be broken) <span class="cell one-side"></span> one side only <span class="cell none"></span> no case · cells are shaded by the number of cases</p>
<div class="grids">${tables}</div>
</section>`;
}

/** `ResourceNotFound` with places to wrap between its words. */
function wordBreaks(name: string): Html {
  return html`${name.split(/(?<=[a-z])(?=[A-Z])/).map((word, i) => (i ? html`<wbr>${word}` : word))}`;
}

export function errorTypes(report: Report): Html {
  const seen = report.errorTypes;
  const title = html`<h2 id="errors-h">Error types seen per operation</h2>`;
  if (!seen || !Object.keys(seen).length) return html`<section aria-labelledby="errors-h">${title}<p class="note">${seen ? 'No call of the run was answered with an error.' : 'This report keeps no error counts.'}</p></section>`;
  const totals = new Map<string, number>();
  for (const byType of Object.values(seen)) for (const [type, n] of Object.entries(byType)) totals.set(type, (totals.get(type) ?? 0) + n);
  const types = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
  const max = Math.max(1, ...Object.values(seen).flatMap((byType) => Object.values(byType)));
  return html`<section aria-labelledby="errors-h" id="errors">
${title}
<div class="scroll"><table class="matrix">
<thead><tr><th scope="col">Operation</th>${types.map((t) => html`<th scope="col" title="${t}">${wordBreaks(t.replace(/Exception$/, ''))}</th>`)}</tr></thead>
<tbody>${Object.entries(seen).map(
    ([op, byType]) => html`<tr><th scope="row">${op}</th>${types.map((t) => {
      const n = byType[t] ?? 0;
      return n ? html`<td class="heat heat-${heat(n, max)}" title="${`${op}: ${n} × ${t}`}">${n}</td>` : html`<td class="empty"><span class="sr-only">0</span></td>`;
    })}</tr>`,
  )}</tbody>
</table></div>
<p class="legend">Answers of each error type (the column names leave out “Exception”); cells are shaded by count.</p>
</section>`;
}

export function suiteCases(report: Report): Html {
  const title = html`<h2 id="cases-h">Cases per suite</h2>`;
  const counts = report.suiteCases;
  if (!counts) return html`<section aria-labelledby="cases-h">${title}<p class="note">This report keeps no case counts.</p></section>`;
  const suites = [...report.suites.filter((s) => s in counts), ...Object.keys(counts).filter((s) => !report.suites.includes(s))];
  const max = Math.max(1, ...Object.values(counts));
  return html`<section aria-labelledby="cases-h" id="cases">
${title}
<table class="bars">
<thead><tr><th scope="col">Suite</th><th scope="col">Cases sent</th></tr></thead>
<tbody>${suites.map((s) => {
    const n = counts[s] ?? 0;
    return html`<tr><th scope="row">${s}</th><td><span class="bar"><span style="${`width:${((100 * n) / max).toFixed(1)}%`}"></span></span><span class="num">${n}</span></td></tr>`;
  })}</tbody>
</table>
</section>`;
}
