import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { allRules } from '../../specs/index.ts';
import { runCli, runCliHere } from '../support/cli.ts';
import { startEmulatorProcess } from '../support/emulatorProcess.ts';
import { readReport } from '../support/report.ts';

const run = suite('cli: omics-conformance run');
const dir = () => mkdtempSync(join(tmpdir(), 'omics-run-'));
const CLOSING = /^(\d+) passed, (\d+) failed(, \d+ skipped)?$/m;

run('the default run against an emulator started with `omics-conformance emulator`: exit 0, report.json, closing line', async () => {
  const emulator = await startEmulatorProcess();
  try {
    const out = dir();
    const r = await runCli(['run', '--endpoint', emulator.url, '--seed', '5', '--report-dir', out], { timeoutMs: 180_000, env: { ...process.env, CI: 'true' } });
    assert.is(r.code, 0, r.stdout + r.stderr);
    const closing = CLOSING.exec(r.stdout);
    assert.ok(closing, r.stdout);
    assert.is(r.stdout.trim().split('\n').pop(), closing![0]);
    const report = readReport(out);
    assert.equal(readdirSync(out).sort(), ['junit.xml', 'report.html', 'report.json', 'summary.md']);
    assert.is(report.format, 'omics-conformance-report');
    assert.is(report.target.kind, 'endpoint');
    assert.is(report.target.endpoint, emulator.url);
    assert.is(report.seed, 5);
    assert.is(report.summary.failed, 0);
    assert.is(report.summary.passed, Number(closing![1]));
    for (const c of report.checks) for (const key of ['id', 'suite', 'level', 'status', 'cases', 'failures', 'warnings']) assert.ok(key in c, key);
    assert.match(r.stderr, /validation boundary/);
  } finally {
    await emulator.stop();
  }
});

run('a check that fails: exit 1, the failure with its replay and a pasteable reproduction; summary.md goes to GITHUB_STEP_SUMMARY', async () => {
  const emulator = await startEmulatorProcess(['--no-documented-limits']);
  try {
    const out = dir();
    const stepSummary = join(dir(), 'step-summary.md');
    const r = await runCli(['run', '--endpoint', emulator.url, '--suites', 'validation', '--operations', 'CreateSequenceStore', '--runs', '3', '--report-dir', out, '--reporters', 'json,md'], { timeoutMs: 120_000, env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: stepSummary } });
    assert.is(r.code, 1, r.stdout + r.stderr);
    assert.equal(readdirSync(out).sort(), ['report.json', 'summary.md']);
    assert.is(readReport(out).summary.failed, 1);
    assert.is(readFileSync(stepSummary, 'utf8'), `${readFileSync(join(out, 'summary.md'), 'utf8')}\n`);
    assert.match(readFileSync(stepSummary, 'utf8'), /\| `validation\.rejects-documented-limit` \| SHOULD \| .* \| `validation\/boundary@\d+(:plain=[a-zA-Z,]+)?` \|/);
    assert.match(r.stdout, /FAIL validation\.rejects-documented-limit \[SHOULD\]/);
    assert.match(r.stdout, new RegExp(`replay: npx omics-conformance run --endpoint ${emulator.url.replace(/\./g, '\\.')} --region [a-z0-9-]+ --suites validation --replay 'validation/boundary@\\d+:plain=[\\w,]+'`));
    assert.match(r.stdout, /reproduce: AWS_DISABLE_HOST_PREFIX_INJECTION=true aws omics create-sequence-store --endpoint-url http:\/\/127\.0\.0\.1:\d+ /);
    assert.match(r.stdout, /^\d+ passed, 1 failed$/m);
  } finally {
    await emulator.stop();
  }
});

run('the default run on the mock target passes; wire checks are skipped with the reason', async () => {
  const r = await runCli(['run', '--target', 'mock', '--report-dir', dir()], { timeoutMs: 180_000, env: { ...process.env, CI: 'true' } });
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /skip shape\.success-status .*no wire on the mock target/);
  assert.match(r.stdout, /^\d+ passed, 0 failed, \d+ skipped$/m);
});

run('the default run on the embedded emulator (npm run conformance) passes', async () => {
  const out = dir();
  const r = await runCli(['run', '--report-dir', out], { timeoutMs: 180_000, env: { ...process.env, CI: 'true' } });
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^\d+ passed, 0 failed$/m);
  const rules = allRules().length;
  assert.ok(r.stdout.includes(`coverage: ${rules} of ${rules} contract rules`), r.stdout);
});

run('bad usage and an unreachable target: exit 2, one line, no stack trace', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['run', '--runs', 'many'], /--runs must be a whole number/],
    [['run', '--target', 'staging'], /targets are emulator, endpoint, mock, aws/],
    [['run', '--suites', 'speed'], /unknown suite speed/],
    [['run', '--shard', '3/2'], /--shard 3\/2/],
    [['run', '--replay', 'yesterday'], /--replay yesterday/],
    [['run', '--operations', 'CreateBucket'], /no operation CreateBucket/],
    [['run', '--endpoint', 'http://127.0.0.1:9', '--timeout-ms', '2000'], /cannot reach the endpoint target at http:\/\/127\.0\.0\.1:9/],
    [['run', '--target', 'aws'], /add --allow-real-resources/],
    [['run', '--reporters', 'json,pdf'], /--reporters: no reporter pdf; reporters: json, junit, md, html/],
  ];
  // The first through the installed command, the rest in this process (the same function runs both).
  for (const [i, [args, message]] of cases.entries()) {
    const r = i === 0 ? await runCli(args, { timeoutMs: 60_000 }) : await runCliHere(args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message);
    assert.not.match(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

run('--checks and --skip-checks judge only the checks named, run only their suites, and refuse an unknown id with exit 2', async () => {
  const out = dir();
  const r = await runCli(['run', '--checks', 'validation.rejects-documented-limit,idempotency.*', '--skip-checks', 'idempotency.token-reuse-different-request', '--seed', '3', '--runs', '2', '--report-dir', out], { timeoutMs: 180_000, env: { ...process.env, CI: 'true' } });
  assert.is(r.code, 0, r.stdout + r.stderr);
  const report = readReport(out);
  assert.equal(report.suites, ['validation', 'idempotency']);
  assert.equal(report.checks.map((c: { id: string }) => c.id).sort(), ['idempotency.concurrent-same-token', 'idempotency.different-tokens', 'idempotency.retry-same-token', 'idempotency.same-token-same-store', 'idempotency.sdk-fills-token', 'validation.rejects-documented-limit']);
  const bad = await runCliHere(['run', '--checks', 'shape.no-such-check']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--checks: no check shape\.no-such-check; checks: shape\.output-schema/);
});

run.run();
