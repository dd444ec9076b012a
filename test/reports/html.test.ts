import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { CONTENT_SECURITY_POLICY, renderHtml } from '../../reports/html.ts';
import { escapeHtml } from '../../reports/html/markup.ts';
import type { Report } from '../../reports/report.ts';
import { HOSTILE, hostileReport } from './fixtures/hostileReport.ts';

const page = suite('reports: report.html');

// Every element the page writes itself; an element outside this list came from a report's text.
const OWN_ELEMENTS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'a', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'p', 'strong', 'nav', 'ul', 'li', 'section', 'span', 'article', 'code', 'details', 'summary', 'div', 'pre', 'button', 'form', 'fieldset', 'legend', 'label', 'input', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'wbr', 'footer', 'script']);

const elements = (text: string) => [...text.matchAll(/<\/?(!?[a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
// Escaped text holds no `<`: every `<…>` is a tag the page wrote (its style and script hold no `<`).
const tags = (text: string) => text.match(/<[^>]*>/g) ?? [];
/** A tag's attributes (the page quotes every value with `"`, escaped inside). */
const attributes = (tag: string) => [...tag.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)].map((m) => ({ name: m[1]!.toLowerCase(), value: m[2] ?? '' }));
const styleOf = (text: string) => /<style>([\s\S]*?)<\/style>/.exec(text)![1]!;

page('no text of the report becomes markup: every element is the page\'s own, one script, no event handler', () => {
  const out = renderHtml(hostileReport());
  const foreign = elements(out).filter((e) => !OWN_ELEMENTS.has(e));
  assert.equal(foreign, [], 'elements the page does not write');
  assert.is(out.match(/<script/g)!.length, 1);
  assert.equal(tags(out).filter((t) => attributes(t).some((a) => a.name.startsWith('on'))), [], 'event-handler attributes');
  assert.not.ok(out.includes(HOSTILE), 'the hostile text unescaped');
  assert.ok(out.includes(escapeHtml(HOSTILE)), 'the hostile text, escaped');
  assert.ok(out.includes(`title ${escapeHtml(HOSTILE)}`), 'a check title, escaped');
});

page('the guard would see an injection: a message that slipped through unescaped shows an element of its own', () => {
  const out = renderHtml(hostileReport()).replace(escapeHtml(`failed ${HOSTILE}`), `failed ${HOSTILE}`);
  assert.ok(elements(out).includes('img'));
});

page('self-contained: the CSP forbids any request, and nothing in the page names a resource to load', () => {
  const out = renderHtml(hostileReport());
  assert.ok(out.includes(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`));
  assert.is(CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
  const loads = (t: string) => /^<(link|img|iframe|object|embed|source|video|audio)\b/i.test(t) || attributes(t).some((a) => ['src', 'srcset', 'action', 'poster', 'data'].includes(a.name) || (a.name === 'href' && !a.value.startsWith('#')));
  assert.equal(tags(out).filter(loads), [], 'tags that load something');
  for (const load of [/@import/i, /url\(/i, /@font-face/i]) assert.not.match(styleOf(out), load, String(load));
});

page('a failure shows its minimal case, expected and observed, the raw exchange and four commands to copy', () => {
  const out = renderHtml(hostileReport());
  for (const part of ['Minimal case (input)', 'Expected', 'Observed', 'Raw HTTP exchange', 'replay value', 'AWS CLI command', 'curl command']) assert.ok(out.includes(part), part);
  assert.ok(out.includes(`POST http://127.0.0.1:4566/sequencestore?q=${escapeHtml(HOSTILE)}`));
  assert.ok(out.includes('authorization: &lt;redacted&gt;'));
  assert.ok(out.includes('\\u0001'), 'a control character is written as an escape');
  assert.ok(out.includes(`--aws-sigv4 &#39;aws:amz:us-east-1:omics&#39;`), 'the curl command from the exchange');
  const buttons = out.match(/<button type="button" class="copy" data-copy="[^"]+"/g)!;
  assert.is(buttons.length, 2 * 4, 'four copy buttons per failure');
  assert.is(new Set(buttons).size, buttons.length, 'each button copies its own text');
});

page('grouped findings show how many cases they stand for: ×N when more than one', () => {
  const out = renderHtml(hostileReport());
  assert.match(out, /class="times"[^>]*>×3</);
  assert.is(out.match(/class="times"/g)!.length, 1);
});

page('checks by suite, with status and level filters that count the checks', () => {
  const out = renderHtml(hostileReport());
  assert.match(out, /<table class="checks" data-suite="validation">/);
  assert.ok(out.includes(`data-suite="${escapeHtml(HOSTILE)}"`));
  assert.is(out.match(/<tr data-status=/g)!.length, 3);
  assert.match(out, /data-filter="status" value="failed"> failed <span class="meta">\(1\)/);
  assert.match(out, /data-filter="level" value="SHOULD"> SHOULD <span class="meta">\(1\)/);
  assert.ok(out.includes(`skipped ${escapeHtml(HOSTILE)}`));
});

page('pictures: the coverage grid marks uncovered rules, error types per operation, cases per suite', () => {
  const out = renderHtml(hostileReport());
  assert.match(out, /<tr class="covered"[^>]*><td>name<\/td><td>length\.min<\/td><td class="heat heat-4"[^>]*>12<\/td><td class="heat heat-4"[^>]*>2<\/td>/);
  assert.match(out, /<tr class="one-side"[^>]*><td>name<\/td><td>length\.max <strong class="flag">not covered<\/strong><\/td><td[^>]*>12<\/td><td class="heat miss"[^>]*>0<\/td>/);
  assert.is(out.match(/<span class="cell (covered|unbreakable|one-side|none)" title=/g)!.length, 3);
  assert.match(out, /<th scope="row">CreateSequenceStore<\/th><td class="heat heat-4"[^>]*>5<\/td>/);
  assert.match(out, /<th scope="row">validation<\/th><td><span class="bar"><span style="width:100\.0%"><\/span><\/span><span class="num">10<\/span>/);
});

page('a report without the optional counts (an older report.json) still renders, saying what it lacks', () => {
  const { errorTypes: _e, suiteCases: _s, ...rest } = hostileReport();
  const older: Report = { ...rest, coverage: { ...rest.coverage, grid: undefined } };
  const out = renderHtml(older);
  assert.ok(out.includes('This report keeps no per-rule counts.'));
  assert.ok(out.includes('This report keeps no error counts.'));
  assert.ok(out.includes('This report keeps no case counts.'));
});

page.run();
