import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { seededRandom } from '../../emulator/core/random.ts';
import { createStateWriter, loadStateFile, saveStateFile } from '../../emulator/persistence/stateFile.ts';
import { projectRoot } from '../support/paths.ts';
import { growingState, growingStateProblem } from './fixtures/persistence-state.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'omics-state-'));
  dirs.push(dir);
  return dir;
};
const tempsIn = (dir: string) => readdirSync(dir).filter((name) => name.includes('.tmp-'));

async function expectLoadError(path: string, message: RegExp) {
  try {
    await loadStateFile(path);
    assert.unreachable(`${path} loaded`);
  } catch (error) {
    const text = (error as Error).message;
    assert.match(text, message);
    assert.ok(text.includes(path), `names the file: ${text}`);
    assert.not.ok(text.includes('\n'), `one line: ${text}`);
  }
}

async function expectRejects(action: () => Promise<unknown>, message: RegExp) {
  try {
    await action();
    assert.unreachable('resolved');
  } catch (error) {
    assert.match((error as Error).message, message);
  }
}

const file = suite('emulator/persistence: the state file');

file.after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

file('a saved state loads back equal, in a versioned envelope, with no temp file left', async () => {
  const path = join(freshDir(), 'state.json');
  const state = { stores: [{ id: '1234567890', name: 'séquences 🧬', tags: { a: 'b' } }], nextId: 2, empty: null };
  await saveStateFile(path, state);
  assert.equal(await loadStateFile(path), state);
  const onDisk = JSON.parse(readFileSync(path, 'utf8'));
  assert.is(onDisk.format, 'omics-conformance-emulator-state');
  assert.is(onDisk.version, 1);
  assert.equal(tempsIn(join(path, '..')), []);
  await saveStateFile(path, { replaced: true });
  assert.equal(await loadStateFile(path), { replaced: true });
});

file('a missing file loads as undefined', async () => {
  assert.is(await loadStateFile(join(freshDir(), 'absent.json')), undefined);
});

file('a corrupt, foreign, future-version or unreadable file is refused with one line naming the file', async () => {
  const dir = freshDir();
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  await expectLoadError(write('truncated.json', '{"format":"omics-conformance-emulator-state","version":1,"state":{"sto'), /is not valid JSON/);
  await expectLoadError(write('empty.json', ''), /is not valid JSON/);
  await expectLoadError(write('foreign.json', '{"stores":[]}'), /is not an emulator state file/);
  await expectLoadError(write('array.json', '[1,2]'), /is not an emulator state file/);
  await expectLoadError(write('future.json', '{"format":"omics-conformance-emulator-state","version":2,"state":{}}'), /has format version 2; this emulator reads version 1/);
  await expectLoadError(write('stateless.json', '{"format":"omics-conformance-emulator-state","version":1}'), /has no "state" member/);
  await expectLoadError(dir, /cannot read the state file/);
});

file('a state that is not JSON, or a directory that cannot be written, fails with a clear message', async () => {
  const dir = freshDir();
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  await expectRejects(() => saveStateFile(join(dir, 's.json'), cyclic), /saveStateFile: the state for .*s\.json cannot be written as JSON/);
  await expectRejects(() => saveStateFile(join(dir, 's.json'), undefined), /is undefined/);
  await expectRejects(() => saveStateFile(join(dir, 'no', 'such', 's.json'), {}), /saveStateFile: cannot write the state file .*ENOENT/);
  assert.equal(tempsIn(dir), []);
});

file.run();

// ---------------------------------------------------------------------------------------------------------

const writer = suite('emulator/persistence: the coalescing state writer');

writer.after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

writer('a burst of schedules costs few writes, the latest snapshot wins, and flush waits for it', async () => {
  const path = join(freshDir(), 'state.json');
  const stateWriter = createStateWriter(path);
  let snapshots = 0;
  let current = 0;
  for (let i = 1; i <= 100; i += 1) {
    current = i;
    stateWriter.schedule(() => {
      snapshots += 1;
      return { current };
    });
  }
  await stateWriter.flush();
  assert.equal(await loadStateFile(path), { current: 100 });
  assert.ok(snapshots <= 2, `${snapshots} snapshots for 100 schedules`);
});

writer('schedules made while a write is in flight are on disk after flush', async () => {
  const path = join(freshDir(), 'state.json');
  const stateWriter = createStateWriter(path);
  stateWriter.schedule(() => ({ n: 1 }));
  await new Promise((resolve) => setImmediate(resolve));
  stateWriter.schedule(() => ({ n: 2 }));
  stateWriter.schedule(() => ({ n: 3 }));
  await stateWriter.flush();
  assert.equal(await loadStateFile(path), { n: 3 });
  await stateWriter.flush(); // idle flush resolves at once
});

writer('a failed write is reported through onError, does not throw, and later writes still happen', async () => {
  const dir = freshDir();
  const path = join(dir, 'state.json');
  const errors: string[] = [];
  const stateWriter = createStateWriter(path, { onError: (error) => errors.push(error.message) });
  stateWriter.schedule(() => {
    throw new Error('snapshot exploded');
  });
  await stateWriter.flush();
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  stateWriter.schedule(() => cyclic);
  await stateWriter.flush();
  assert.is(errors.length, 2);
  assert.match(errors[0]!, /snapshot exploded/);
  assert.match(errors[1]!, /cannot be written as JSON/);
  stateWriter.schedule(() => ({ ok: true }));
  await stateWriter.flush();
  assert.equal(await loadStateFile(path), { ok: true });
});

writer('the default error report is one line on stderr', async () => {
  const notADirectory = join(freshDir(), 'plain-file');
  writeFileSync(notADirectory, '');
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    const stateWriter = createStateWriter(join(notADirectory, 'state.json'));
    stateWriter.schedule(() => ({}));
    await stateWriter.flush();
  } finally {
    console.error = original;
  }
  assert.is(lines.length, 1);
  assert.match(lines[0]!, /^state file: saveStateFile: cannot write the state file .*state\.json: ENOTDIR/);
  assert.not.ok(lines[0]!.includes('\n'));
});

writer.run();

// ---------------------------------------------------------------------------------------------------------

const crash = suite('emulator/persistence: a kill at any moment leaves a loadable file');

crash.after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const writerScript = fileURLToPath(new URL('./fixtures/persistence-writer.ts', import.meta.url));

/** Starts the writer, waits for its first save, kills it with SIGKILL after `delayMs`, and returns the last counter it reported saved. */
function killWriterAfter(path: string, firstCounter: number, delayMs: number): Promise<{ pid: number; lastSaved: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writerScript, path, String(firstCounter)], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended with ${code ?? signal} before it was killed: ${err.trim().slice(-300)}`));
      if (timer === undefined) return reject(new Error(`writer was killed before its first save: ${err.trim().slice(-300)}`));
      const counters = out.split('\n').filter(Boolean).map(Number);
      resolve({ pid: child.pid!, lastSaved: Math.max(...counters) });
    });
  });
}

crash('10 writers SIGKILLed at random moments of a save loop each leave a complete state, at least as new as their last reported save', async () => {
  const dir = freshDir();
  // The writers run side by side, one file each, so ten process start-ups cost about two sequential ones.
  const seed = Number(process.env.OMICS_KILL_SEED) || Date.now() % 1_000_000;
  console.log(`  seed ${seed} (OMICS_KILL_SEED=${seed} replays the kill moments)`);
  const random = seededRandom(seed);
  const runs = Array.from({ length: 10 }, (_, k) => ({
    path: join(dir, `state-${k}.json`),
    firstCounter: 1 + k * 1000,
    delayMs: random.int(20, 200),
  }));
  const results = await Promise.all(runs.map((run) => killWriterAfter(run.path, run.firstCounter, run.delayMs)));
  for (const [k, { pid, lastSaved }] of results.entries()) {
    const { path, delayMs } = runs[k]!;
    const loaded = (await loadStateFile(path)) as { counter: number } | undefined;
    const problem = growingStateProblem(loaded);
    assert.is(problem, undefined, `writer ${k} (pid ${pid}) killed ${delayMs} ms after its first save: ${problem}`);
    assert.ok(loaded!.counter >= lastSaved, `writer ${k} killed after ${delayMs} ms: loaded counter ${loaded!.counter} < last reported save ${lastSaved}`);
  }
  // A temp file of a dead writer (whether or not a kill left one) never shadows the state and goes on the next save.
  const path = runs[0]!.path;
  writeFileSync(join(dir, `.state-0.json.tmp-${results[0]!.pid}-0123456789ab`), '{"format":"omics-conformance-emulator-state","ver');
  assert.is(growingStateProblem(await loadStateFile(path)), undefined);
  await saveStateFile(path, growingState(1));
  assert.equal(tempsIn(dir).filter((name) => name.startsWith('.state-0.json.')), []);
  assert.is(((await loadStateFile(path)) as { counter: number }).counter, 1);
});

crash.run();
