// One failure as report.html shows it: what was expected and what came, the minimal case, the raw
// HTTP exchange, and the commands that bring it back, each with a copy button.
import { curlCommand } from '../curl.ts';
import type { ReportedExchange } from '../exchange.ts';
import type { Report, ReportedFinding } from '../report.ts';
import { html, json, visible, type Html } from './markup.ts';

/** Grouping (count, group) is optional: reports written before it carry neither. */
export type ShownFinding = ReportedFinding & { readonly count?: number; readonly group?: string };

export function timesBadge(f: ShownFinding): Html | '' {
  return f.count !== undefined && f.count > 1 ? html` <span class="times" title="${`${f.count} cases of this kind`}">×${f.count}</span>` : '';
}

const message = (start: string, headers: Readonly<Record<string, string>>, body: string) => visible([start, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', body].join('\n'));

function exchangeView(x: ReportedExchange): Html {
  const response = x.response ? message(`HTTP ${x.response.status}`, x.response.headers, x.response.body) : '(no answer)';
  return html`<div class="pair">
<div><h5>Request</h5><pre class="exchange"><code>${message(`${x.request.method} ${x.request.uri}`, x.request.headers, x.request.body)}</code></pre></div>
<div><h5>Response</h5><pre class="exchange"><code>${response}</code></pre></div>
</div>`;
}

/** What came back, without the exchange (shown on its own). */
function observedSummary(f: ShownFinding): unknown {
  if (f.received !== undefined) return f.received;
  const { exchange: _exchange, body: _body, ...rest } = f.observed;
  return rest;
}

function copyable(id: string, label: string, text: string): Html {
  return html`<div class="copyable">
<div class="copy-head"><span>${label}</span><button type="button" class="copy" data-copy="${id}" aria-label="${`Copy the ${label}`}">Copy</button></div>
<pre id="${id}"><code>${visible(text)}</code></pre>
</div>`;
}

export function failureDetail(f: ShownFinding, key: string, report: Report, open: boolean): Html {
  const exchange = f.observed.exchange;
  const curl = exchange ? curlCommand(exchange.request, report.target.region) : undefined;
  return html`<details class="failure"${open ? html` open` : ''}>
<summary><span class="msg">${f.message}</span>${timesBadge(f)}</summary>
<div class="failure-body">
${f.hint ? html`<p class="hint"><strong>Fix:</strong> ${f.hint}</p>` : ''}
<p class="case-label"><strong>Case:</strong> ${f.case.label} <span class="meta">(${f.case.operation}, sent via ${f.case.send}, ${f.case.phase} phase)</span></p>
<div class="pair">
<div><h4>Expected</h4><pre><code>${visible(json(f.expected ?? f.case.expect))}</code></pre></div>
<div><h4>Observed</h4><pre><code>${visible(json(observedSummary(f)))}</code></pre></div>
</div>
<h4>Minimal case (input)</h4>
<pre><code>${visible(json(f.case.input))}</code></pre>
<h4>Raw HTTP exchange</h4>
${exchange ? exchangeView(exchange) : html`<p class="note">No HTTP exchange: the target has no wire${f.observed.transportError ? html` (${f.observed.transportError})` : ''}.</p>`}
<h4>Run it again</h4>
${f.replay ? copyable(`${key}-replay`, 'replay value', f.replay) : ''}
${copyable(`${key}-command`, 'replay command', f.replayCommand)}
${copyable(`${key}-cli`, 'AWS CLI command', f.reproduction.awsCli)}
${curl !== undefined ? copyable(`${key}-curl`, 'curl command', curl) : copyable(`${key}-curl`, 'curl command (from the case: the exchange was not kept whole)', f.reproduction.curl)}
</div>
</details>`;
}
