// Portable fixtures: exported from a failing run and from a recording, valid by the JSON Schema the
// package ships, and replayed here the way another project's test suite would — plain fetch, no code
// of this project — against a fresh emulator, which gives the answers they hold.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startEmulator } from '../../emulator/index.ts';
import { FIXTURE_SCHEMA } from '../../reports/fixtures/format.ts';
import { projectRoot } from '../support/paths.ts';
import { runCli } from '../support/cli.ts';

const fixtures = suite('cli: --export-fixtures');
const dir = () => mkdtempSync(join(tmpdir(), 'omics-fixtures-'));
const LIMIT = { timeoutMs: 120_000, env: { ...process.env, CI: 'true' } };
const CALL_LIMIT_MS = 30_000;

interface Step {
  operation: string;
  role?: string;
  request: { method: string; uri: string; headers: Record<string, string>; body: string };
  expect: { status: number; errorType?: string; output?: unknown; partial?: boolean };
}
interface Fixture {
  id: string;
  origin: { kind: string; check?: string };
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

async function replay(fixture: Fixture, endpoint: string): Promise<string[]> {
  const bound = new Map<string, string>();
  const fill = (text: string, encode: (v: string) => string) => text.replace(PLACEHOLDER, (p) => (bound.has(p) ? encode(bound.get(p)!) : p));
  const problems: string[] = [];
  for (const [i, step] of fixture.steps.entries()) {
    const { method, uri, headers, body } = step.request;
    const res = await fetch(`${endpoint}${fill(uri, encodeURIComponent)}`, { method, headers, ...(body ? { body: fill(body, (v) => v) } : {}), signal: AbortSignal.timeout(CALL_LIMIT_MS) });
    const text = await res.text();
    const at = `${fixture.id} step ${i + 1} (${step.operation})`;
    if (res.status !== step.expect.status) problems.push(`${at}: status ${res.status}, expected ${step.expect.status}: ${text}`);
    if (step.expect.errorType !== undefined && errorTypeOf(res.headers, text) !== step.expect.errorType) problems.push(`${at}: error ${errorTypeOf(res.headers, text)}, expected ${step.expect.errorType}`);
    if (step.expect.output !== undefined) problems.push(...mismatches(step.expect.output, text.trim() ? JSON.parse(text) : {}, bound, step.expect.partial === true, at));
  }
  return problems;
}

fixtures('the failing minimal cases of a run against a mutant replay against the emulator with plain fetch and get the answers the contract expects', async () => {
  const mutant = await startEmulator({ host: '127.0.0.1', port: 0, deviations: { unenforcedRules: ['CreateSequenceStore:name:length.max', 'UpdateSequenceStore:description:length.max'], tightenedBounds: { 'CreateSequenceStore:description:length.max': 200 } } });
  const out = dir();
  try {
    const r = await runCli(['run', '--endpoint', mutant.url, '--suites', 'validation', '--operations', 'CreateSequenceStore,UpdateSequenceStore', '--runs', '2', '--seed', '5', '--timeout-ms', '60000', '--report-dir', dir(), '--export-fixtures', out], LIMIT);
    assert.is(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^fixtures: \d+ in /m);
  } finally {
    await mutant.close();
  }
  const loaded = load(out);
  assert.ok(loaded.every((f) => f.origin.kind === 'failure'));
  const refused = loaded.filter((f) => f.steps.at(-1)!.expect.errorType === 'ValidationException');
  const accepted = loaded.filter((f) => f.steps.at(-1)!.expect.errorType === undefined);
  const onAStore = loaded.filter((f) => f.steps[0]!.role === 'setup');
  assert.ok(refused.length >= 2 && accepted.length >= 1 && onAStore.length >= 1, loaded.map((f) => f.id).join(', '));
  assert.ok(onAStore.every((f) => f.steps[1]!.request.uri.includes('<id:1>')), 'the case names the store its setup step made');
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

fixtures('recorded cases replay against a fresh emulator with plain fetch and get the recorded answers', async () => {
  const out = dir();
  const r = await runCli(['record', '--baseline', join(dir(), 'baseline.json'), '--suites', 'shape,idempotency', '--runs', '2', '--shard', '1/8', '--seed', '3', '--timeout-ms', '60000', '--export-fixtures', out], LIMIT);
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^fixtures: \d+ in /m);
  const loaded = load(out);
  assert.ok(loaded.length >= 8 && loaded.every((f) => f.origin.kind === 'recorded'), String(loaded.length));
  assert.ok(loaded.some((f) => f.steps.some((s) => s.request.uri.includes('<id:1>'))), 'later steps name the store an answer gave');
  // One fixture at a time, each on an emulator of its own: as recorded, nothing else is there.
  for (const fixture of loaded) {
    const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    try {
      assert.equal(await replay(fixture, emulator.url), [], fixture.id);
    } finally {
      await emulator.close();
    }
  }
  // The same fixtures catch an emulator that answers otherwise.
  const renamed = await startEmulator({ host: '127.0.0.1', port: 0, deviations: { replacedOutputMembers: { GetSequenceStore: { name: 'not what was asked for' } } } });
  try {
    const problems = (await replay(loaded.find((f) => f.steps.some((s) => s.operation === 'GetSequenceStore' && s.expect.output !== undefined))!, renamed.url)).join('\n');
    assert.match(problems, /step \d+ \(GetSequenceStore\)\.name: expected ".+", got "not what was asked for"/);
  } finally {
    await renamed.close();
  }
});

fixtures.run();
