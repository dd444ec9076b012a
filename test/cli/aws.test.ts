// `run --target aws` end to end, against the emulator posing as AWS (SigV4 verification on) and
// pre-seeded with stores the run did not create: they stay untouched, and the run leaves none of its own.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { createCore, startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { parseCredentialSpec } from '../../emulator/sigv4/verifier.ts';
import { runCli, runCliHere, type CliResult } from '../support/cli.ts';
import { projectRoot } from '../support/paths.ts';

const aws = suite('cli: run --target aws, safe by construction');
const dir = () => mkdtempSync(join(tmpdir(), 'omics-aws-'));
const CHANGES = ['UpdateSequenceStore', 'DeleteSequenceStore', 'TagResource', 'UntagResource'];

interface StoreRecord {
  id: string;
  name?: string;
  arn: string;
  phase: string;
  phaseEndsAt: number;
}
interface Logged {
  seq: number;
  path: string;
  operation?: string;
  headers: Record<string, string>;
  response?: { status: number };
}

let emulator: RunningEmulator;
let seed: { stores: StoreRecord[] };
const env = () => ({ ...process.env, AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'SECRET', AWS_REGION: 'us-east-1', CI: 'true', AWS_PROFILE: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' });
const awsArgs = () => ['run', '--target', 'aws', '--allow-real-resources', '--endpoint', emulator.url, '--rate', '1000'];

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emulator.url}/_emulator${path}`, { method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}), signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** Stores that exist now (a DELETING store past its end is gone). */
async function storesNow(): Promise<StoreRecord[]> {
  const state = (await admin('GET', '/state')) as { stores: StoreRecord[] };
  return state.stores.filter((s) => !(s.phase === 'DELETING' && s.phaseEndsAt <= Date.now()));
}

async function lastSeq(): Promise<number> {
  const { requests } = (await admin('GET', '/requests')) as { requests: Logged[] };
  return requests.length ? requests[requests.length - 1]!.seq : 0;
}

/** Reads the request log while a run goes on, so that nothing is lost to its bound; fails on a gap. */
function pollRequests(since: number): { stop(): Promise<Logged[]> } {
  const seen: Logged[] = [];
  let next = since;
  let running = true;
  const poll = async () => {
    const { requests } = (await admin('GET', `/requests?since=${next}`)) as { requests: Logged[] };
    for (const r of requests) {
      assert.is(r.seq, next + 1, `the request log lost entries after ${next}`);
      seen.push(r);
      next = r.seq;
    }
  };
  const loop = (async () => {
    while (running) {
      await poll();
      await new Promise((r) => setTimeout(r, 100));
    }
    await poll();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return seen;
    },
  };
}

/** No request that changes a store named a seeded one; every request was signed with the run's key. */
function assertHandsOff(requests: readonly Logged[]): void {
  assert.ok(requests.length > 0);
  for (const r of requests) {
    assert.match(String(r.headers.authorization ?? ''), /Credential=AKID\//, `${r.operation} ${r.path} was not signed with the run's key`);
    if (!CHANGES.includes(r.operation ?? '')) continue;
    let path = r.path;
    try {
      path = decodeURIComponent(r.path);
    } catch {
      // an ill-formed label a validation case sent on purpose: it names no store
    }
    for (const s of seed.stores) assert.not.ok(path.endsWith(`/${s.id}`) || path.endsWith(`/${s.arn}`), `${r.operation} ${path} names a store the run did not create`);
  }
}

/** The seeded stores exactly as they were, and nothing else. */
async function assertOnlySeedLeft(): Promise<void> {
  const now = await storesNow();
  const byId = new Map(now.map((s) => [s.id, s]));
  for (const s of seed.stores) assert.equal(byId.get(s.id), s, `store ${s.id} changed`);
  assert.equal(now.map((s) => s.id).sort(), seed.stores.map((s) => s.id).sort(), 'the run left stores of its own');
}

function spawnRun(args: string[]): { child: ReturnType<typeof spawn>; stderr: () => string; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [resolve(projectRoot, 'cli/omics-conformance.js'), ...args], { cwd: projectRoot, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`run did not finish within 60 s: ${stderr}`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code, stdout, stderr });
    });
  });
  return { child, stderr: () => stderr, done };
}

/** Polls until `condition` holds (30 s at most): for what a child process does, which sends no event here. */
async function when(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The run is mid-way: it holds stores of its own beside the seeded ones. */
const runHoldsStores = async () => (await storesNow()).length >= seed.stores.length + 2;

aws.before(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, verifySigV4: true, credentials: [parseCredentialSpec('AKID:SECRET')] });
  // Other people's stores, made through an emulator core and loaded as the state.
  const core = createCore();
  for (const [name, tags] of [['lab A', { team: 'a' }], ['lab B', { team: 'b', project: 'x' }], ['lab C', {}]] as const) {
    core.invokeNow('CreateSequenceStore', { name, description: `belongs to ${name}`, tags });
  }
  const snapshot = core.snapshot();
  await admin('PUT', '/state', snapshot);
  seed = { stores: await storesNow() };
  assert.is(seed.stores.length, 3);
});

aws.after.each(async () => {
  // A test that left something behind must not mislead the next one.
  await admin('PUT', '/state', { ...((await admin('GET', '/state')) as object), stores: seed.stores });
});

aws.after(async () => {
  await emulator?.close();
});

aws('a run to the end (every suite, half the cases): exit 0, the seeded stores untouched, none of its own left', async () => {
  const poller = pollRequests(await lastSeq());
  const r = await runCli([...awsArgs(), '--seed', '11', '--runs', '1', '--shard', '1/2', '--max-stores', '500', '--report-dir', dir()], { timeoutMs: 90_000, env: env() });
  const requests = await poller.stop();
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^\d+ passed, 0 failed/m);
  assert.ok(requests.some((q) => q.operation === 'CreateSequenceStore' && q.response?.status === 200));
  assertHandsOff(requests);
  await assertOnlySeedLeft();
});

aws('interrupted by SIGINT mid-run: non-zero exit, the seeded stores untouched, none of its own left', async () => {
  const poller = pollRequests(await lastSeq());
  const run = spawnRun([...awsArgs(), '--suites', 'shape,validation', '--seed', '12', '--runs', '50', '--rate', '300', '--max-stores', '500', '--report-dir', dir()]);
  await when(() => /shape boundary/.test(run.stderr()), 'progress on stderr');
  await when(runHoldsStores, 'stores of the run');
  run.child.kill('SIGINT');
  const r = await run.done;
  const requests = await poller.stop();
  assert.ok(r.code !== 0 && r.code !== null, `exit ${r.code}: ${r.stdout}${r.stderr}`);
  assert.match(r.stderr, /interrupted; deleting the stores this run made/);
  assert.match(r.stdout, /stopped early: the run was interrupted/);
  assertHandsOff(requests);
  await assertOnlySeedLeft();
});

aws('a second SIGINT during cleanup stops at once and names every store of the run still there', async () => {
  const run = spawnRun([...awsArgs(), '--suites', 'shape,validation', '--seed', '13', '--runs', '50', '--rate', '20', '--concurrency', '4', '--max-stores', '500', '--report-dir', dir()]);
  await when(() => /shape boundary/.test(run.stderr()), 'progress on stderr');
  await when(runHoldsStores, 'stores of the run');
  run.child.kill('SIGINT');
  await when(() => /interrupted; deleting/.test(run.stderr()), 'the first interrupt to be taken');
  run.child.kill('SIGINT');
  const r = await run.done;
  assert.is(r.code, 130, r.stderr);
  assert.match(r.stderr, /stopping without finishing the cleanup/);
  assert.match(r.stderr, /stores of this run not deleted \(\d+\)|no store of this run is left/);
  const seeded = new Set(seed.stores.map((s) => s.id));
  const left = (await storesNow()).filter((s) => !seeded.has(s.id) && s.phase !== 'DELETING');
  // Each store left is named: by id, or (its create still unanswered) by its name.
  for (const s of left) assert.ok(r.stderr.includes(s.id) || r.stderr.includes(`named ${JSON.stringify(s.name)}`), `store ${s.id} (${s.name}) is left and was not named: ${r.stderr}`);
});

aws('refuses to start without --allow-real-resources or without a region: exit 2, one line, nothing sent', async () => {
  const before = await lastSeq();
  const cases: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
    [['run', '--target', 'aws', '--endpoint', emulator.url], env(), /add --allow-real-resources/],
    [['run', '--target', 'aws', '--allow-real-resources', '--endpoint', emulator.url], { ...env(), AWS_REGION: '', AWS_DEFAULT_REGION: '' }, /needs a region/],
  ];
  for (const [args, e, message] of cases) {
    const r = await runCliHere(args, { env: e });
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message);
    assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  assert.is(await lastSeq(), before, 'a refused run sent requests');
});

aws('--plan prints the suites, stores and calls and exits 0 without any request reaching the target', async () => {
  const before = await lastSeq();
  const r = await runCliHere([...awsArgs(), '--plan', '--seed', '3', '--runs', '2', '--shard', '1/4', '--suites', 'shape', '--max-stores', '10'], { timeoutMs: 60_000, env: env() });
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Plan for --target aws with --seed 3; nothing was sent/);
  assert.match(r.stdout, /^ {2}shape +\d+ +\d+ +\d+$/m);
  const total = /^ {2}total +(\d+) +(\d+)$/m.exec(r.stdout);
  assert.ok(total && Number(total[1]) > 10 && Number(total[2]) > Number(total[1]), r.stdout);
  assert.match(r.stdout, /--max-stores 10: too low/);
  assert.is(await lastSeq(), before, 'the plan sent requests');
  await assertOnlySeedLeft();
});

aws('--max-stores: the run creates no more stores than the budget, skips the rest, and deletes what it made', async () => {
  const poller = pollRequests(await lastSeq());
  const r = await runCliHere([...awsArgs(), '--suites', 'shape', '--seed', '14', '--runs', '2', '--max-stores', '3', '--report-dir', dir()], { timeoutMs: 60_000, env: env() });
  const requests = await poller.stop();
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.is(requests.filter((q) => q.operation === 'CreateSequenceStore' && q.response?.status === 200).length, 3);
  assertHandsOff(requests);
  await assertOnlySeedLeft();
});

aws.run();
