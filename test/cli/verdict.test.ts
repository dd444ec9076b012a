// A run's exit code says what it tested: a green exit only when checks judged cases and none that
// fails the run failed; a target that is not HealthOmics, a report folder that cannot be written,
// a bad option or a replay that matches nothing stops at once with one line and exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { operations } from '../../specs/index.ts';
import { runCli, runCliHere, type CliResult } from '../support/cli.ts';
import { startEmulator } from '../../emulator/index.ts';
import { readReport } from '../support/report.ts';

const verdict = suite('cli: run exit codes mean what they say');
const dir = () => mkdtempSync(join(tmpdir(), 'omics-verdict-'));
const env = { ...process.env, CI: 'true' };
/** Usage problems and foreign targets are told within seconds: the limit a hang or a spin would break. */
const QUICK = { timeoutMs: 30_000, env };

/** Exit 2 with one line on stderr that says `pattern`, and nothing run. */
function stoppedAtOnce(r: CliResult, pattern: RegExp): void {
  assert.is(r.code, 2, r.stdout + r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.is(lines.length, 1, r.stderr);
  assert.match(lines[0]!, pattern);
  assert.not.match(r.stderr, /\n\s+at /, 'no stack trace');
}

async function serving(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

verdict('AWS_ENDPOINT_URL_OMICS selects the endpoint target: a closed port is unreachable, exit 2', async () => {
  const { server, url } = await serving(() => undefined);
  await new Promise<void>((ok) => server.close(() => ok()));
  const r = await runCliHere(['run', '--report-dir', dir()], { ...QUICK, env: { ...env, AWS_ENDPOINT_URL_OMICS: url } });
  stoppedAtOnce(r, new RegExp(`cannot reach the endpoint target at ${url}: nothing answers at 127\\.0\\.0\\.1:\\d+ \\(connection refused\\)`));
});

verdict('a server that is not HealthOmics is named for what it answered, exit 2', async () => {
  const cases: Array<[string, Parameters<typeof createServer>[1], RegExp]> = [
    ['HTML to everything', (_q, s) => s.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>hello</body></html>'), /answered HTML \(HTTP 200\), not HealthOmics: is the URL right\?/],
    ['501 for a missing service', (_q, s) => s.writeHead(501, { 'content-type': 'application/json' }).end(JSON.stringify({ __type: 'InternalFailure', message: 'API for service omics not yet implemented' })), /answered 501 InternalFailure: API for service omics not yet implemented: it does not implement HealthOmics/],
    ['404 under a wrong prefix', (_q, s) => s.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found'), new RegExp(`answered 404 at ${operations.ListSequenceStores.http.uri}: is the URL right \\(its path prefix, its port\\)\\?`)],
  ];
  for (const [what, handler, pattern] of cases) {
    const { url, server } = await serving(handler);
    try {
      const r = await runCliHere(['run', '--endpoint', url, '--report-dir', dir()], QUICK);
      stoppedAtOnce(r, pattern);
      assert.ok(r.stderr.includes(url), what);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  }
});

verdict('https:// to a plain-HTTP server is a TLS sentence, not an OpenSSL line', async () => {
  const { url, server } = await serving((_q, s) => s.end('{}'));
  try {
    const r = await runCliHere(['run', '--endpoint', url.replace('http:', 'https:'), '--report-dir', dir()], QUICK);
    stoppedAtOnce(r, /the TLS handshake failed: the server at 127\.0\.0\.1:\d+ does not speak TLS \(is it plain http:\/\/\?\)/);
    assert.not.match(r.stderr, /SSL routines|ssl3_get_record/);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
});

verdict('options are checked before anything runs: ranges, negative numbers, empty lists', async () => {
  const bad: Array<[string[], RegExp]> = [
    [['--runs', '-1'], /^omics-conformance: run: --runs must be a whole number from 1 to 1000, got -1$/],
    [['--timeout-ms', '-5'], /^omics-conformance: run: --timeout-ms must be a whole number from 1 to 600000, got -5$/],
    [['--runs', '1e9', '--plan'], /--runs must be a whole number from 1 to 1000, got 1e9$/],
    [['--runs', 'many'], /--runs must be a whole number from 1 to 1000, got 'many'$/],
    [['--suites', ','], /--suites names nothing \(give shape, validation/],
    [['--fail-on', 'may'], /--fail-on may: give one of must, should, observed$/],
  ];
  for (const [args, pattern] of bad) stoppedAtOnce(await runCliHere(['run', ...args], QUICK), pattern);
});

verdict('a report or fixture folder that cannot be written stops the run before the first call, exit 2', async () => {
  stoppedAtOnce(await runCliHere(['run', '--report-dir', '/proc/omics-conformance-x'], QUICK), /--report-dir \/proc\/omics-conformance-x: cannot write reports there/);
  stoppedAtOnce(await runCliHere(['run', '--report-dir', '/etc/passwd/x'], QUICK), /--report-dir \/etc\/passwd\/x: cannot write reports there \(a part of the path is a file, not a directory at \/etc\/passwd\)/);
  stoppedAtOnce(await runCliHere(['run', '--export-fixtures', '/etc/passwd/x', '--report-dir', dir()], QUICK), /^omics-conformance: run: --export-fixtures \/etc\/passwd\/x: cannot write fixtures there \(a part of the path is a file, not a directory at \/etc\/passwd\)$/m);
});

verdict('a replay value that matches no case tested nothing: exit 2, one line', async () => {
  for (const value of ['validation/boundary@99999', 'nope@1:0']) {
    const r = await runCliHere(['run', '--suites', 'validation', '--replay', value, '--report-dir', dir()], QUICK);
    assert.is(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, new RegExp(`nothing was tested: --replay ${value} matches no case of the suites run \\(validation\\)`));
  }
});

verdict('--fail-on and --expect-failures: a SHOULD failure below the gate or expected does not fail the run; a stale expectation is said', async () => {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, behaviour: { enforceDocumentedLimits: false } });
  try {
    const args = ['run', '--endpoint', emulator.url, '--suites', 'validation', '--operations', 'CreateSequenceStore', '--runs', '2', '--seed', '3'];
    const gated = await runCli([...args, '--fail-on', 'must', '--report-dir', dir()], { timeoutMs: 120_000, env });
    assert.is(gated.code, 0, gated.stdout + gated.stderr);
    assert.match(gated.stdout, /^\d+ passed, 1 failed \(1 below --fail-on must\)$/m);
    assert.match(gated.stdout, /below --fail-on must \(reported, not failing the run\): validation\.rejects-documented-limit/);

    const file = join(dir(), 'expected.txt');
    writeFileSync(file, '# known\nvalidation.rejects-documented-limit  this emulator runs without the documented limits\nvalidation.rejects-invalid  listed to see it reported stale\n');
    const out = dir();
    const expected = await runCliHere([...args, '--expect-failures', file, '--report-dir', out], { timeoutMs: 120_000, env });
    assert.is(expected.code, 0, expected.stdout + expected.stderr);
    assert.match(expected.stdout, /^\d+ passed, 1 failed \(1 expected\)$/m);
    assert.match(expected.stdout, /expected failure validation\.rejects-documented-limit: this emulator runs without the documented limits/);
    assert.match(expected.stdout, /stale expected failure validation\.rejects-invalid: it passed/);
    const report = readReport(out);
    assert.is(report.verdict!.outcome, 'passed');
    assert.equal(report.verdict!.stale.map((e) => e.check), ['validation.rejects-invalid']);

    writeFileSync(file, 'validation.no-such-check  why\n');
    stoppedAtOnce(await runCliHere([...args, '--expect-failures', file], QUICK), /expected\.txt:1: no check validation\.no-such-check/);
  } finally {
    await emulator.close();
  }
});

verdict.run();
