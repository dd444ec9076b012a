// verify and diff against mutants of the emulator: each shows exactly its deviation, named by path;
// a divergences file accepts a difference and reports the entry stale once it is gone; diff against
// an endpoint that is a mutant lists the mutant's difference and nothing else.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { recordBaseline, verifyBaseline } from '../../cli/recording/compareRuns.ts';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.ts';
import { catalogue } from '../../emulator/mutants/catalogue.ts';
import type { CallView } from '../../reports/baseline/callView.ts';
import { serialiseBaseline, type Baseline } from '../../reports/baseline/format.ts';
import { pathText } from '../../reports/baseline/path.ts';
import type { DifferenceReport } from '../../reports/differences/report.ts';
import { runCli, runCliHere } from '../support/cli.ts';

const verify = suite('cli: verify and diff against mutants');
const dir = () => mkdtempSync(join(tmpdir(), 'omics-verify-'));
const SEED = 11;
// Suites whose calls do not depend on the answers before them (a lifecycle sequence stops where its model
// disagrees): a deviation shows where it is, and nowhere else.
const SELECTION = { suites: ['shape', 'validation', 'idempotency'], runs: 2, shard: '1/20', seed: SEED, timeoutMs: 60_000 };
const LIMIT = { timeoutMs: 120_000, env: { ...process.env, CI: 'true' } };

const state: { file: string; baseline: Baseline } = { file: '', baseline: undefined as unknown as Baseline };

verify.before(async () => {
  const { baseline } = await recordBaseline({ target: 'emulator', ...SELECTION, reportDir: false });
  state.baseline = baseline;
  state.file = join(dir(), 'baseline.json');
  writeFileSync(state.file, serialiseBaseline(baseline));
});

const variant = (id: string): EmulatorOptions => {
  const entry = catalogue().find((e) => e.id === id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return entry.emulator;
};

/** Every call of the baseline with its path, for the differences a deviation must make. */
function recordedCalls(b: Baseline): { path: readonly (string | number)[]; call: CallView }[] {
  return Object.entries(b.cases).flatMap(([key, c]) => c.calls.map((call, i) => ({ path: ['cases', key, 'calls', i], call })));
}

const paths = (report: DifferenceReport) => report.differences.map((d) => d.path).sort();

async function verifyOn(emulator: EmulatorOptions): Promise<DifferenceReport> {
  return (await verifyBaseline(state.baseline, state.file, { target: 'emulator', emulator, reportDir: false, timeoutMs: 60_000 })).report;
}

verify('verify on mutants of the emulator: exactly their differences, named by path', async () => {
  const calls = recordedCalls(state.baseline);
  // Another error name: the type the SDK reads and the header it reads it from, on every refused call with that error.
  const renamed = await verifyOn({ deviations: { errors: { ValidationException: { type: 'ValidationError' } } } });
  const validation = calls.filter((c) => c.call.error?.type === 'ValidationException');
  assert.ok(validation.length > 10, String(validation.length));
  assert.equal(paths(renamed), validation.flatMap((c) => [pathText([...c.path, 'error', 'type']), pathText([...c.path, 'headers', 'x-amzn-errortype'])]).sort());
  assert.ok(renamed.differences.filter((d) => d.path.endsWith('.error.type')).every((d) => d.kind === 'error-type' && d.a === 'ValidationException' && d.b === 'ValidationError'));

  // An extra output member: on every answer of the operations it is added to, but a create repeated
  // with the same token, which gets the first answer as it was stored.
  const extra = variant('extra-member');
  const added = Object.keys(extra.deviations!.replacedOutputMembers!);
  const extended = await verifyOn(extra);
  const tokenOf = (call: CallView) => (call.input as { clientToken?: string }).clientToken;
  const repeated = (c: { path: readonly (string | number)[]; call: CallView }) =>
    c.call.operation === 'CreateSequenceStore' && tokenOf(c.call) !== undefined && state.baseline.cases[c.path[1] as string]!.calls.slice(0, c.path[3] as number).some((before) => before.operation === c.call.operation && tokenOf(before) === tokenOf(c.call));
  const answered = calls.filter((c) => c.call.output !== undefined && added.includes(c.call.operation) && !repeated(c));
  assert.equal(paths(extended), answered.map((c) => pathText([...c.path, 'output', 'futureMember'])).sort());
  assert.ok(extended.differences.every((d) => d.kind === 'member' && !('a' in d) && d.b === 'added by a newer service'));

  // A status that stays CREATING after an update.
  const creating = await verifyOn(variant('update-status-creating'));
  const updated = calls.filter((c) => c.call.operation === 'UpdateSequenceStore' && c.call.output !== undefined);
  assert.ok(updated.length > 0);
  assert.equal(paths(creating), updated.map((c) => pathText([...c.path, 'output', 'status'])).sort());
  assert.ok(creating.differences.every((d) => d.kind === 'value' && d.a === 'ACTIVE' && d.b === 'CREATING'));
});

async function mutantEndpoint(options: EmulatorOptions): Promise<RunningEmulator> {
  return startEmulator({ host: '127.0.0.1', port: 0, ...options });
}

verify('a divergences file accepts a difference, with its reason; once the deviation is gone the entry is reported stale', async () => {
  const reworded = variant('messages-reworded');
  const unaccepted = await verifyOn(reworded);
  assert.ok(unaccepted.differences.length > 0 && unaccepted.differences.every((d) => d.path.endsWith('.error.message') && d.kind === 'value'), 'without the file the reworded messages are differences');
  const accept = join(dir(), 'accept.txt');
  writeFileSync(accept, '# known differences\n**.error.message  the emulator words messages differently\n');
  const endpoint = await mutantEndpoint(reworded);
  const [withDeviation, fixed] = [dir(), dir()];
  try {
    // One after the other, in this process: each verify stands alone.
    const r = await runCliHere(['verify', '--baseline', state.file, '--endpoint', endpoint.url, '--accept', accept, '--timeout-ms', '60000', '--report-dir', withDeviation], LIMIT);
    const stale = await runCliHere(['verify', '--baseline', state.file, '--accept', accept, '--timeout-ms', '60000', '--report-dir', fixed], LIMIT);
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^ {2}accepted cases\[".+"\]\.calls\[\d+\]\.error\.message \(value\): the emulator words messages differently$/m);
    assert.match(r.stdout, new RegExp(`^\\d+ cases compared, 0 differences, ${unaccepted.differences.length} accepted$`, 'm'));
    const report = JSON.parse(readFileSync(join(withDeviation, 'differences.json'), 'utf8')) as DifferenceReport;
    assert.is(report.outcome, 'same');
    assert.equal(report.accepted.map((d) => d.path).sort(), paths(unaccepted));
    assert.ok(report.accepted.every((d) => d.reason === 'the emulator words messages differently' && d.pattern === '**.error.message'));
    assert.match(readFileSync(join(withDeviation, 'differences.md'), 'utf8'), /## Accepted/);
    assert.is(stale.code, 0, stale.stdout + stale.stderr);
    assert.match(stale.stdout, /stale divergence \*\*\.error\.message \(.*accept\.txt:2\): no difference matched it; take it off the list/);
    assert.match(stale.stdout, /^\d+ cases compared, 0 differences, 1 stale$/m);
    assert.match(readFileSync(join(fixed, 'differences.md'), 'utf8'), /## Stale divergences/);
  } finally {
    await endpoint.close();
  }
});

verify('diff --a emulator --b endpoint=URL against a mutant: its difference and nothing else', async () => {
  const mutant = await mutantEndpoint(variant('update-status-creating'));
  try {
    const out = dir();
    const r = await runCli(['diff', '--a', 'emulator', '--b', `endpoint=${mutant.url}`, '--suites', SELECTION.suites.join(','), '--runs', String(SELECTION.runs), '--shard', SELECTION.shard, '--seed', String(SEED), '--timeout-ms', '60000', '--report-dir', out], LIMIT);
    assert.is(r.code, 1, r.stdout + r.stderr);
    const report = JSON.parse(readFileSync(join(out, 'differences.json'), 'utf8')) as DifferenceReport;
    assert.is(report.command, 'diff');
    assert.ok(report.differences.length > 0);
    assert.ok(report.differences.every((d) => /\.calls\[\d+\]\.output\.status$/.test(d.path) && d.kind === 'value' && d.a === 'ACTIVE' && d.b === 'CREATING'), JSON.stringify(report.differences.slice(0, 3)));
    assert.equal(report.summary.byKind, { value: report.differences.length });
    assert.match(r.stdout, /^ {7}a: "ACTIVE"$/m);
    assert.match(r.stdout, /^ {7}b: "CREATING"$/m);
  } finally {
    await mutant.close();
  }
});

verify.run();
