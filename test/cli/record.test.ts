// record and verify on the command line: the same seed records byte-identical baselines, free of
// every value the service issued; a baseline recorded on the emulator verifies clean on the emulator
// and the mock; bad input is one line and exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { Ajv } from 'ajv';
import { BASELINE_SCHEMA, parseBaseline, type Baseline } from '../../reports/baseline/format.ts';
import { projectRoot } from '../support/paths.ts';
import type { DifferenceReport } from '../../reports/differences/report.ts';
import { runCli, runCliHere, type CliResult } from '../support/cli.ts';

const record = suite('cli: record and verify');
const dir = () => mkdtempSync(join(tmpdir(), 'omics-record-'));
const SEED = 11;
const SELECTION = ['--suites', 'shape,validation,idempotency,lifecycle', '--runs', '2', '--shard', '1/10', '--seed', String(SEED), '--timeout-ms', '60000'];
const env = { ...process.env, CI: 'true' };
const LIMIT = { timeoutMs: 120_000, env };

const state: { file: string; text: string; baseline: Baseline } = { file: '', text: '', baseline: undefined as unknown as Baseline };

record.before(async () => {
  state.file = join(dir(), 'baseline.json');
  const r = await runCli(['record', '--baseline', state.file, ...SELECTION, '--concurrency', '8'], LIMIT);
  assert.is(r.code, 0, r.stdout + r.stderr);
  state.text = readFileSync(state.file, 'utf8');
  state.baseline = parseBaseline(state.text, state.file);
});

record('the same seed recorded twice on fresh emulators gives byte-identical baselines, whatever the concurrency; no id, time or random value is left', async () => {
  const again = join(dir(), 'again.json');
  const r = await runCliHere(['record', '--baseline', again, ...SELECTION, '--concurrency', '1'], LIMIT);
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^omics-conformance record: \d+ cases \(\d+ calls\) from the emulator target, seed 11/m);
  assert.ok(readFileSync(again, 'utf8') === state.text, 'the two baselines differ');
  const validate = new Ajv({ strict: true }).compile(JSON.parse(readFileSync(join(projectRoot, BASELINE_SCHEMA), 'utf8')));
  assert.ok(validate(JSON.parse(state.text)), JSON.stringify(validate.errors));
  const cases = Object.values(state.baseline.cases);
  assert.ok(cases.length > 50 && cases.some((c) => c.suite === 'lifecycle') && cases.some((c) => c.suite === 'idempotency'), String(cases.length));
  // What the service issued is a reference wherever an answer holds it.
  const issued: [RegExp, RegExp][] = [
    [/^id$/, /^<id:\d+>$/],
    [/^arn$/, /^arn:aws:omics:<region:1>:<account:1>:sequenceStore\/<id:\d+>$/],
    [/Time$/, /^<time:\d+ now>$/],
    [/^x-amzn-requestid$/, /^<request-id:\d+>$/],
  ];
  let checked = 0;
  const walk = (node: unknown, key: string) => {
    if (typeof node === 'string') {
      for (const [name, form] of issued) if (name.test(key)) (checked++, assert.match(node, form, `${key}: ${node}`));
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  for (const c of cases) for (const call of c.calls) (walk(call.output, ''), walk(call.headers, ''));
  assert.ok(checked > 200, String(checked));
  assert.not.match(JSON.stringify(state.baseline.cases), /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, 'a UUID');
});

record('verify on the emulator and on the mock target: no difference (what the mock cannot take is listed as not compared)', async () => {
  const out = dir();
  // One after the other, in this process: each verify stands alone.
  const onEmulator = await runCliHere(['verify', '--baseline', state.file, '--report-dir', out], LIMIT);
  const onMock = await runCliHere(['verify', '--baseline', state.file, '--target', 'mock', '--report-dir', dir()], LIMIT);
  assert.is(onEmulator.code, 0, onEmulator.stdout + onEmulator.stderr);
  assert.match(onEmulator.stdout, /^\d+ cases compared, 0 differences$/m);
  const report = JSON.parse(readFileSync(join(out, 'differences.json'), 'utf8')) as DifferenceReport;
  assert.is(report.outcome, 'same');
  assert.is(report.summary.compared, Object.keys(state.baseline.cases).length);
  assert.match(readFileSync(join(out, 'differences.md'), 'utf8'), /^# omics-conformance verify: same$/m);
  assert.is(onMock.code, 0, onMock.stdout + onMock.stderr);
  assert.match(onMock.stdout, /^\d+ cases compared, 0 differences, \d+ skipped$/m);
  assert.match(onMock.stdout, /not compared: \d+ cases? skipped on the mock target: raw-wire cases cannot be sent to the mock target/);
});

record('bad input: one line on stderr and exit 2, nothing run', async () => {
  const newer = join(dir(), 'newer.json');
  writeFileSync(newer, JSON.stringify({ ...JSON.parse(state.text), version: 99 }));
  const cases: [string[], RegExp][] = [
    [['verify', '--baseline', newer], /^omics-conformance: verify: .*newer\.json is baseline version 99, written by a newer omics-conformance; this one reads version 1/],
    [['verify', '--baseline', join(dir(), 'missing.json')], /^omics-conformance: verify: --baseline .*missing\.json: cannot read it \(ENOENT\)$/],
    [['verify', '--baseline', state.file, '--suites', 'shape'], /^omics-conformance: verify: --suites: verify runs the baseline's own selection of cases; give it to record$/],
    [['verify'], /^omics-conformance: verify: --baseline is required/],
    [['record', '--baseline', join(dir(), 'no', 'such', 'dir', 'b.json')], /^omics-conformance: record: --baseline .*: cannot write there \(ENOENT\)$/],
    [['record', '--baseline', join(dir(), 'b.json'), '--plan'], /^omics-conformance: record: --plan: record judges no check and plans nothing; it belongs to run$/],
    [['diff', '--a', 'emulator', '--b', 'nowhere'], /^omics-conformance: diff: --b nowhere: give one of emulator, mock, aws, or endpoint=URL$/],
    [['diff', '--a', 'emulator'], /^omics-conformance: diff: --b is required/],
    [['diff', '--a', 'emulator', '--b', 'mock', '--endpoint', 'http://127.0.0.1:1'], /^omics-conformance: diff: --endpoint: diff takes its two targets from --a and --b$/],
  ];
    // In this process, one after another (each ends before anything runs); cli/main.ts runs the same function.
  const results: CliResult[] = [];
  for (const [args] of cases) results.push(await runCliHere(args, { env }));
  for (const [i, [args, message]] of cases.entries()) {
    const r = results[i]!;
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr.trim(), message, args.join(' '));
    assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

record.run();
