// report.html as a browser shows it: a failing run's page loaded from file:// in headless Chromium
// (--dump-dom: the DOM after the page's own script ran), and proof that no request leaves it:
// Chromium's network log lists no request the page started, where a page that loads an image
// shows one; meanwhile every request goes to a local proxy that answers nothing, so none leaves the machine.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as assert from 'uvu/assert';
import { CONTENT_SECURITY_POLICY, renderHtml } from '../../reports/html.ts';
import { REDACTED } from '../../reports/exchange.ts';
import type { Report } from '../../reports/report.ts';
import { chromium, headless, noChromiumReason, pageRequests } from '../support/chromium.ts';
import { runCli } from '../support/cli.ts';
import { startEmulatorProcess } from '../support/emulatorProcess.ts';
import { testIf } from '../support/skip.ts';
import { suite } from '../support/suite.ts';
import { HOSTILE, hostileReport } from './fixtures/hostileReport.ts';

const browser = suite('reports: report.html in headless Chromium');
const withChromium = testIf(browser, chromium !== undefined, noChromiumReason);

const FAILING = 'validation.rejects-documented-limit';
const SEED = 11;

interface FailingRun {
  readonly dir: string;
  readonly report: Report;
}

let run: Promise<FailingRun> | undefined;

/** One run against an emulator that accepts what documented limits refuse: FAILING fails. */
function failingRun(): Promise<FailingRun> {
  run ??= (async () => {
    const emulator = await startEmulatorProcess(['--no-documented-limits']);
    try {
      const dir = mkdtempSync(join(tmpdir(), 'omics-html-'));
      console.log(`  failing run: seed ${SEED}, report in ${dir}`);
      const r = await runCli(['run', '--endpoint', emulator.url, '--suites', 'validation', '--operations', 'CreateSequenceStore', '--runs', '3', '--seed', String(SEED), '--report-dir', dir], { timeoutMs: 180_000, env: { ...process.env, CI: 'true' } });
      assert.is(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(`report: .*report\\.html`));
      return { dir, report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report };
    } finally {
      await emulator.stop();
    }
  })();
  return run;
}

/** An HTTP proxy on 127.0.0.1 that answers nothing and counts what reaches it. */
async function countingProxy(): Promise<{ readonly url: string; readonly seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(404).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function dumpDom(file: string, options: { proxy?: string; netLog?: string } = {}): Promise<string> {
  const r = await headless(['--dump-dom', pathToFileURL(file).href], { timeoutMs: 90_000, ...options });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /<\/html>/, r.stderr);
  return r.stdout;
}

/** Text as the DOM serialiser writes it inside an element. */
const asText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');

withChromium('report.json of a failing run carries the exchange (credentials redacted), the coverage grid, error types and cases per suite', async () => {
  const { report } = await failingRun();
  const check = report.checks.find((c) => c.id === FAILING)!;
  assert.is(check.status, 'failed');
  const exchange = check.failures[0]!.observed.exchange!;
  assert.match(exchange.request.uri, /^http:\/\/127\.0\.0\.1:\d+\//);
  assert.is(exchange.request.headers.authorization, REDACTED);
  assert.is(exchange.response!.status, check.failures[0]!.observed.httpStatus);
  assert.is(report.coverage.grid!.length, report.coverage.rules);
  assert.ok(report.coverage.grid!.some((g) => g.valid > 0 && g.invalid > 0));
  assert.ok(report.errorTypes!.CreateSequenceStore!.ValidationException! > 0, JSON.stringify(report.errorTypes));
  assert.ok(report.suiteCases!.validation! > 0, JSON.stringify(report.suiteCases));
});

withChromium('loaded from file://, the page shows the failing check\'s id, its message and the coverage grid, and its script ran', async () => {
  const { dir, report } = await failingRun();
  const dom = await dumpDom(join(dir, 'report.html'));
  const check = report.checks.find((c) => c.id === FAILING)!;
  assert.match(dom, /<html lang="en" class="js">/, 'the inline script ran under the page\'s CSP');
  assert.ok(dom.includes(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, "'")}">`));
  assert.ok(dom.includes(`<article class="check-failures" id="check-${FAILING}"`), 'the failing check\'s section');
  assert.ok(dom.includes(`<code>${FAILING}</code>`));
  assert.ok(dom.includes(asText(check.failures[0]!.message)), 'the failure\'s message');
  assert.match(dom, /<section aria-labelledby="coverage-h" id="coverage">/);
  const rows = dom.match(/<tr class="(covered|unbreakable|one-side|none)"/g) ?? [];
  assert.is(rows.length, report.coverage.grid!.length, 'one grid row per contract rule');
  assert.ok(dom.includes(`<tr data-status="failed" data-level="${check.level}"`), 'the check\'s row in its suite table');
});

withChromium('the page\'s script works: unticking "passed" hides the passed rows and counts what is shown; printing opens every failure', async () => {
  const { dir, report } = await failingRun();
  // A copy of the page with a script after its own that acts as a reader would (the CSP admits inline scripts).
  const driver = `<script>
document.querySelector('input[data-filter="status"][value="passed"]').click();
document.querySelectorAll('details').forEach(function (d) { d.open = false; });
window.dispatchEvent(new Event('beforeprint'));
</script>`;
  const file = join(dir, 'driven.html');
  writeFileSync(file, readFileSync(join(dir, 'report.html'), 'utf8').replace('</body>', `${driver}</body>`));
  const dom = await dumpDom(file);
  const rows = [...dom.matchAll(/<tr data-status="(\w+)"[^>]*>/g)].map((m) => ({ status: m[1]!, hidden: /\shidden=""/.test(m[0]) }));
  assert.is(rows.length, report.checks.length);
  for (const row of rows) assert.is(row.hidden, row.status === 'passed', JSON.stringify(row));
  const validation = report.checks.filter((c) => c.suite === 'validation');
  const shown = validation.filter((c) => c.status !== 'passed').length;
  assert.match(dom, new RegExp(`<span class="shown" aria-live="polite">\\(${shown} shown\\)</span>`));
  const details = dom.match(/<details[^>]*>/g) ?? [];
  assert.ok(details.length > 0);
  assert.ok(details.every((d) => /\sopen=""/.test(d)), details.join(' '));
});

withChromium('no request leaves the page: report.html and a page of hostile text start none; a page that loads an image starts one, which the CSP blocks', async () => {
  const { dir } = await failingRun();
  const proxy = await countingProxy();
  try {
    const pages = mkdtempSync(join(tmpdir(), 'omics-html-pages-'));
    const image = '<img src="http://example.invalid/pixel.png" alt="">';
    writeFileSync(join(pages, 'loads.html'), `<!doctype html><html><body>${image}</body></html>`);
    writeFileSync(join(pages, 'csp.html'), `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"></head><body>${image}</body></html>`);
    writeFileSync(join(pages, 'hostile.html'), renderHtml(hostileReport()));
    const requestsOf = async (file: string) => {
      const netLog = join(pages, `${file.split('/').pop()}.netlog.json`);
      const dom = await dumpDom(file, { proxy: proxy.url, netLog });
      return { dom, requests: pageRequests(netLog) };
    };

    const loads = await requestsOf(join(pages, 'loads.html'));
    assert.equal(loads.requests, ['http://example.invalid/pixel.png'], 'the log shows what a page loads');
    assert.ok(proxy.seen.some((r) => r.includes('example.invalid')), `the proxy gets it: ${JSON.stringify(proxy.seen)}`);

    assert.equal((await requestsOf(join(pages, 'csp.html'))).requests, [], 'the CSP blocks an image');
    assert.equal((await requestsOf(join(dir, 'report.html'))).requests, [], 'report.html');

    const hostile = await requestsOf(join(pages, 'hostile.html'));
    assert.equal(hostile.requests, [], 'the page of hostile text');
    assert.not.match(hostile.dom, /<img/i, 'no element from the report\'s text');
    assert.not.match(hostile.dom, /<title>PWNED/, 'no script from the report\'s text ran');
    assert.ok(hostile.dom.includes(asText(HOSTILE)), 'the hostile text shown as text');
  } finally {
    await proxy.close();
  }
});

browser.run();
