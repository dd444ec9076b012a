// Portable fixtures: exported from a failing run and from a recording, valid by the JSON Schema the
// package ships, and replayed here the way another project's test suite would — plain fetch, no code
// of this project — against a fresh emulator, which gives the answers they hold.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startEmulator } from '../../emulator/index.ts';
import { recordBaseline } from '../../cli/recording/compareRuns.ts';
import { parseBaseline, serialiseBaseline } from '../../reports/baseline/format.ts';
import { FIXTURE_SCHEMA } from '../../reports/fixtures/format.ts';
import { SKIP_REASONS } from '../../reports/fixtures/fromRecording.ts';
import { projectRoot } from '../support/paths.ts';
import { runCli, runCliHere } from '../support/cli.ts';

const fixtures = suite('cli: --export-fixtures');
const dir = () => mkdtempSync(join(tmpdir(), 'omics-fixtures-'));
const LIMIT = { timeoutMs: 120_000, env: { ...process.env, CI: 'true' } };
const CALL_LIMIT_MS = 30_000;

interface Step {
  operation: string;
  role?: string;
  request: { method: string; uri: string; headers: Record<string, string>; body: string };
  expect: { status: number; errorType?: string; output?: unknown; partial?: boolean; ownItems?: { member: string; key: string; token: string } };
  poll?: { everyMs: number; withinMs: number };
}
interface Fixture {
  id: string;
  origin: { kind: string; check?: string; message?: string };
  steps: Step[];
}

const validate = new Ajv({ strict: true }).compile(JSON.parse(readFileSync(join(projectRoot, FIXTURE_SCHEMA), 'utf8')));

function load(directory: string): Fixture[] {
  return readdirSync(directory).map((name) => {
    const data = JSON.parse(readFileSync(join(directory, name), 'utf8'));
    assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors)}`);
    return data as Fixture;
  });
}

// The replayer: what the schema documents, written from it.
const PLACEHOLDER = /<([a-z][a-z0-9-]*):\d+(?: [^>]*)?>/g;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function errorTypeOf(headers: Headers, body: string): string | undefined {
  let raw = headers.get('x-amzn-errortype') ?? undefined;
  if (raw === undefined) {
    try {
      const parsed = JSON.parse(body) as { __type?: string; code?: string };
      raw = parsed.__type ?? parsed.code;
    } catch {
      raw = undefined;
    }
  }
  return raw?.split(':')[0]!.split('#').pop()!.trim();
}

/** Where `actual` departs from `expected`, binding placeholders on the way; an empty list when it matches. */
function mismatches(expected: unknown, actual: unknown, bound: Map<string, string>, partial: boolean, at: string): string[] {
  if (typeof expected === 'string' && new RegExp(`^${PLACEHOLDER.source}$`).test(expected)) {
    if (typeof actual !== 'string') return [`${at}: expected a string for ${expected}, got ${JSON.stringify(actual)}`];
    if (expected.startsWith('<time:')) return DATE_TIME.test(actual) ? [] : [`${at}: ${actual} is not a date-time`];
    const was = bound.get(expected);
    if (was === undefined) bound.set(expected, actual);
    return was === undefined || was === actual ? [] : [`${at}: ${expected} was ${was}, now ${actual}`];
  }
  if (typeof expected === 'string') {
    // A placeholder inside a longer string: the rest is literal.
    const parts = expected.split(PLACEHOLDER);
    if (parts.length > 1) {
      const names = [...expected.matchAll(PLACEHOLDER)].map((m) => m[0]);
      const pattern = new RegExp(`^${expected.split(PLACEHOLDER).filter((_, i) => i % 2 === 0).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)')}$`);
      const m = typeof actual === 'string' ? pattern.exec(actual) : null;
      if (!m) return [`${at}: ${JSON.stringify(actual)} is not ${expected}`];
      return names.flatMap((name, i) => mismatches(name, m[i + 1], bound, partial, at));
    }
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${at}: expected ${expected.length} items, got ${JSON.stringify(actual)}`];
    return expected.flatMap((item, i) => mismatches(item, actual[i], bound, partial, `${at}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    const extra = partial ? [] : Object.keys(actual).filter((k) => !(k in expected)).map((k) => `${at}.${k}: not expected`);
    return [...extra, ...Object.entries(expected).flatMap(([k, v]) => (k in actual ? mismatches(v, (actual as Record<string, unknown>)[k], bound, partial, `${at}.${k}`) : [`${at}.${k}: missing`]))];
  }
  return expected === actual ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** The answer as the expectation compares it: of a list that may hold others' stores, the items an earlier step bound, and no page token. */
function scoped(body: unknown, own: Step['expect']['ownItems'], bound: Map<string, string>): unknown {
  if (!own || body === null || typeof body !== 'object') return body;
  const { [own.token]: _token, ...rest } = body as Record<string, unknown>;
  const values = new Set(bound.values());
  const items = rest[own.member];
  return Array.isArray(items) ? { ...rest, [own.member]: items.filter((item) => values.has((item as Record<string, unknown>)?.[own.key] as string)) } : rest;
}

async function replay(fixture: Fixture, endpoint: string): Promise<string[]> {
  const bound = new Map<string, string>();
  const fill = (text: string, encode: (v: string) => string) => text.replace(PLACEHOLDER, (p) => (bound.has(p) ? encode(bound.get(p)!) : p));
  const problems: string[] = [];
  for (const [i, step] of fixture.steps.entries()) {
    const { method, uri, headers, body } = step.request;
    const at = `${fixture.id} step ${i + 1} (${step.operation})`;
    const deadline = Date.now() + (step.poll?.withinMs ?? 0);
    for (;;) {
      const res = await fetch(`${endpoint}${fill(uri, encodeURIComponent)}`, { method, headers, ...(body ? { body: fill(body, (v) => v) } : {}), signal: AbortSignal.timeout(CALL_LIMIT_MS) });
      const text = await res.text();
      const found: string[] = [];
      // A polled step binds nothing until its answer meets the expectation.
      const binding = step.poll ? new Map(bound) : bound;
      if (res.status !== step.expect.status) found.push(`${at}: status ${res.status}, expected ${step.expect.status}: ${text}`);
      if (step.expect.errorType !== undefined && errorTypeOf(res.headers, text) !== step.expect.errorType) found.push(`${at}: error ${errorTypeOf(res.headers, text)}, expected ${step.expect.errorType}`);
      if (step.expect.output !== undefined) found.push(...mismatches(step.expect.output, scoped(text.trim() ? JSON.parse(text) : {}, step.expect.ownItems, bound), binding, step.expect.partial === true, at));
      if (found.length === 0 && binding !== bound) for (const [k, v] of binding) bound.set(k, v);
      if (found.length === 0 || !step.poll || Date.now() + step.poll.everyMs > deadline) {
        problems.push(...found);
        break;
      }
      await new Promise((r) => setTimeout(r, step.poll!.everyMs));
    }
  }
  return problems;
}

fixtures('the failing minimal cases of a run against a mutant replay against the emulator with plain fetch and get the answers the contract expects', async () => {
  const mutant = await startEmulator({ host: '127.0.0.1', port: 0, deviations: { unenforcedRules: ['CreateSequenceStore:name:length.max', 'UpdateSequenceStore:description:length.max'], tightenedBounds: { 'CreateSequenceStore:description:length.max': 200 } } });
  const out = dir();
  try {
    const r = await runCli(['run', '--endpoint', mutant.url, '--suites', 'validation', '--operations', 'CreateSequenceStore,UpdateSequenceStore', '--runs', '2', '--seed', '5', '--timeout-ms', '60000', '--report-dir', dir(), '--export-fixtures', out], LIMIT);
    assert.is(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^fixtures: \d+ of \d+ failing cases in /m);
  } finally {
    await mutant.close();
  }
  const loaded = load(out);
  assert.ok(loaded.every((f) => f.origin.kind === 'failure'));
  const refused = loaded.filter((f) => f.steps.at(-1)!.expect.errorType === 'ValidationException');
  const accepted = loaded.filter((f) => f.steps.at(-1)!.expect.errorType === undefined);
  const onAStore = loaded.filter((f) => f.steps[0]!.role === 'setup');
  assert.ok(refused.length >= 2 && accepted.length >= 1 && onAStore.length >= 1, loaded.map((f) => f.id).join(', '));
  assert.ok(onAStore.every((f) => f.steps.at(-1)!.request.uri.includes('<id:1>') && f.steps.some((s) => s.role === 'setup' && s.poll !== undefined)), 'the case names the store its setup made, once settled');
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  try {
    const problems = (await Promise.all(loaded.map((f) => replay(f, emulator.url)))).flat();
    assert.equal(problems, []);
    // Replayed against the mutant, they fail: the expectation is the contract's, not what the mutant said.
    const again = await startEmulator({ host: '127.0.0.1', port: 0, deviations: { unenforcedRules: ['CreateSequenceStore:name:length.max'] } });
    try {
      const failing = (await Promise.all(refused.filter((f) => f.steps[0]!.operation === 'CreateSequenceStore').map((f) => replay(f, again.url)))).flat();
      assert.ok(failing.some((p) => /status 200, expected 400/.test(p)), failing.join('\n'));
    } finally {
      await again.close();
    }
  } finally {
    await emulator.close();
  }
});

// Shared-store suites among them: a case that works on a store the run made before it stands alone by its setup steps.
const RECORDED = ['--suites', 'shape,validation,wire,exceptions,lifecycle', '--runs', '1', '--shard', '1/40', '--seed', '3'];
/** Why a recorded case may be left out: nothing to replay, or an answer a replay elsewhere cannot get. */
const ALLOWED_SKIPS: readonly string[] = [SKIP_REASONS.skipped, SKIP_REASONS.noCall, SKIP_REASONS.madeError, SKIP_REASONS.foreignPages];

fixtures('every recorded case that got answers is a fixture, shared-store cases with setup steps, and each replays against a fresh emulator with plain fetch to the recorded answers', async () => {
  const out = dir();
  const file = join(dir(), 'baseline.json');
  const r = await runCliHere(['record', '--baseline', file, ...RECORDED, '--timeout-ms', '60000', '--export-fixtures', out], LIMIT);
  assert.is(r.code, 0, r.stdout + r.stderr);
  const recorded = Object.keys(parseBaseline(readFileSync(file, 'utf8'), file).cases).length;
  const line = /^fixtures: (\d+) of (\d+) recorded cases in [^(\n]+(?:\(not exported: (.+)\))?$/m.exec(r.stdout);
  assert.ok(line, r.stdout);
  assert.is(Number(line[2]), recorded, 'every recorded case is exported or counted with its reason');
  const skips = (line[3] ?? '').split('; ').filter(Boolean).map((note) => /^(\d+): (.+)$/.exec(note)!);
  assert.ok(skips.every((m) => ALLOWED_SKIPS.includes(m[2]!)), line[3]);
  const loaded = load(out);
  assert.is(loaded.length, Number(line[1]));
  assert.is(loaded.length + skips.reduce((n, m) => n + Number(m[1]), 0), recorded);
  assert.ok(loaded.every((f) => f.origin.kind === 'recorded'));
  const onAStore = loaded.filter((f) => f.steps[0]!.role === 'setup');
  assert.ok(onAStore.length >= 5 && onAStore.every((f) => f.steps[1]!.poll !== undefined && f.steps.some((s) => s.role === undefined && s.request.uri.includes('<id:1>'))), `${onAStore.length} cases on a store made before them`);
  assert.ok(loaded.some((f) => f.steps.some((s) => s.expect.ownItems !== undefined)), 'a List answer that held other cases\' stores compares only the case\'s own');
  // One fixture at a time, each on an emulator of its own: as recorded, nothing else is there.
  let replayed = 0;
  for (const fixture of loaded) {
    const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    try {
      assert.equal(await replay(fixture, emulator.url), [], fixture.id);
      replayed++;
    } finally {
      await emulator.close();
    }
  }
  console.log(`  ${replayed} of ${recorded} fixtures replayed (seed 3; ${onAStore.length} on a store made before the case; not exported: ${line[3] ?? 'none'})`);
  // Where the account holds another's store, a list answer scoped to the case's own still holds.
  const shared = await startEmulator({ host: '127.0.0.1', port: 0 });
  try {
    const other = await fetch(`${shared.url}/sequencestore`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'another user\'s store' }), signal: AbortSignal.timeout(CALL_LIMIT_MS) });
    assert.is(other.status, 200);
    assert.equal(await replay(loaded.find((f) => f.steps.some((s) => s.expect.ownItems !== undefined))!, shared.url), []);
  } finally {
    await shared.close();
  }
  // Where a store stays CREATING a while, the setup waits for it before the case uses it.
  const slow = await startEmulator({ host: '127.0.0.1', port: 0, createDelayMs: 300 });
  try {
    const onAStoreOnly = onAStore.find((f) => f.steps.every((s) => s.role === 'setup' || s.operation !== 'CreateSequenceStore'))!;
    assert.equal(await replay(onAStoreOnly, slow.url), [], onAStoreOnly.id);
  } finally {
    await slow.close();
  }
  // The same fixtures catch an emulator that answers otherwise.
  const renamed = await startEmulator({ host: '127.0.0.1', port: 0, deviations: { replacedOutputMembers: { GetSequenceStore: { name: 'not what was asked for' } } } });
  try {
    const problems = (await replay(onAStore.find((f) => f.steps.some((s) => s.role === undefined && s.operation === 'GetSequenceStore' && s.expect.output !== undefined))!, renamed.url)).join('\n');
    assert.match(problems, /step \d+ \(GetSequenceStore\)\.name: expected ".+", got "not what was asked for"/);
  } finally {
    await renamed.close();
  }
});

fixtures('diff --export-fixtures: each case the targets answered differently, expected to answer as --a did; it replays on a fresh emulator and fails on the mutant', async () => {
  const mutant = await startEmulator({ host: '127.0.0.1', port: 0, deviations: { replacedOutputMembers: { GetSequenceStore: { name: 'not what was asked for' } } } });
  const out = dir();
  try {
    const r = await runCliHere(['diff', '--a', 'emulator', '--b', `endpoint=${mutant.url}`, '--suites', 'validation', '--operations', 'GetSequenceStore', '--runs', '1', '--seed', '3', '--timeout-ms', '60000', '--report-dir', dir(), '--export-fixtures', out], LIMIT);
    assert.is(r.code, 1, r.stdout + r.stderr);
    const line = /^fixtures: (\d+) of (\d+) differing cases in /m.exec(r.stdout);
    assert.ok(line && Number(line[1]) >= 1 && line[1] === line[2], r.stdout);
    const loaded = load(out);
    assert.ok(loaded.every((f) => f.origin.kind === 'difference' && /answered otherwise at the case's calls\[\d+\]\.output\.name \(value\)/.test(f.origin.message ?? '')), JSON.stringify(loaded.map((f) => f.origin)));
    assert.ok(loaded.every((f) => f.steps[0]!.role === 'setup'), 'each reads a store the run made before the case');
    const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    try {
      assert.equal((await Promise.all(loaded.map((f) => replay(f, emulator.url)))).flat(), []);
    } finally {
      await emulator.close();
    }
    const failing = await Promise.all(loaded.map((f) => replay(f, mutant.url)));
    assert.ok(failing.every((problems) => problems.some((p) => /\(GetSequenceStore\)\.name: expected ".+", got "not what was asked for"/.test(p))), JSON.stringify(failing));
  } finally {
    await mutant.close();
  }
});

fixtures('verify --export-fixtures: each case the target answered otherwise than the baseline, expected to answer as recorded; it replays on a fresh emulator and fails on the mutant', async () => {
  const { baseline } = await recordBaseline({ target: 'emulator', suites: ['shape', 'validation'], operations: ['CreateSequenceStore', 'GetSequenceStore'], runs: 1, shard: '1/4', seed: 3, timeoutMs: 60_000, reportDir: false });
  const file = join(dir(), 'baseline.json');
  writeFileSync(file, serialiseBaseline(baseline));
  const mutant = await startEmulator({ host: '127.0.0.1', port: 0, deviations: { replacedOutputMembers: { GetSequenceStore: { name: 'not what was asked for' } } } });
  const out = dir();
  try {
    const r = await runCliHere(['verify', '--baseline', file, '--endpoint', mutant.url, '--timeout-ms', '60000', '--report-dir', dir(), '--export-fixtures', out], LIMIT);
    assert.is(r.code, 1, r.stdout + r.stderr);
    const line = /^fixtures: (\d+) of (\d+) differing cases in /m.exec(r.stdout);
    assert.ok(line && Number(line[1]) >= 1, r.stdout);
    const loaded = load(out);
    assert.is(loaded.length, Number(line[1]));
    assert.ok(loaded.every((f) => f.origin.kind === 'difference' && f.origin.message?.startsWith(`expected as recorded in ${file}`)), JSON.stringify(loaded.map((f) => f.origin)));
    const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    try {
      assert.equal((await Promise.all(loaded.map((f) => replay(f, emulator.url)))).flat(), []);
    } finally {
      await emulator.close();
    }
    // A mutant of its own: the one verify ran on has seen these requests, idempotency tokens and all.
    const again = await startEmulator({ host: '127.0.0.1', port: 0, deviations: { replacedOutputMembers: { GetSequenceStore: { name: 'not what was asked for' } } } });
    try {
      const failing = (await Promise.all(loaded.map((f) => replay(f, again.url)))).flat();
      assert.ok(failing.some((p) => /\(GetSequenceStore\)\.name: expected ".+", got "not what was asked for"/.test(p)), failing.join('\n'));
    } finally {
      await again.close();
    }
  } finally {
    await mutant.close();
  }
});

fixtures.run();
