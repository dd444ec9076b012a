// Runs the typecheck (`tsc --noEmit`) and every test/**/*.test.ts, each in its own process, as many
// at once as there are cores, then prints the closing count line `N passed, N failed[, N skipped]`
// that CI reads; the typecheck counts as one test. Given arguments, it runs only the files whose
// path contains one of them, without the typecheck.
// - A file's output is printed whole when it ends, so files running side by side never interleave.
// - A file that does not end within its limit is killed and counted as one failure: a hang or a spin
//   fails that file, not CI (each test also has its own time limit: test/support/suite.ts).
// - The slowest files start first (their durations of the last full run are kept under
//   node_modules/.cache; a fresh clone reads test/typical-durations.json), so no core idles at the end.
// - The quick files (known to take at most QUICK_MS) run together, a batch per process as uvu's own
//   runner runs files (test/support/batch.ts): their tests take less than a process start (node,
//   tsx and the modules, ~1 CPU-s each). Each test still has its own time limit.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The SDK warns once per process that its 2027 releases need Node 22; the tests run on Node 20 too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)));
const only = process.argv.slice(2);
const jobs = Math.max(1, Number(process.env.OMICS_TEST_JOBS) || availableParallelism());
const fileLimitMs = Number(process.env.OMICS_TEST_FILE_LIMIT_MS) || 900_000;
const durationsFile = join(root, '..', 'node_modules', '.cache', 'omics-conformance', 'test-durations.json');

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'support' || name === 'fixtures' || name === 'node_modules' ? [] : findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

function readDurations(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(durationsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

const names = findTests(root)
  .map((file) => relative(root, file))
  .sort()
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)));

if (names.length === 0) {
  console.error(`test/run.ts: no test file's path contains ${only.map((o) => `'${o}'`).join(' or ')} (paths are relative to test/, e.g. suites/mutants)`);
  process.exit(2);
}

interface FileResult {
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly ms: number;
}

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
const count = (text: string, label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);

/** The typecheck's place in the queue: a job like a test file, one test in the counts. */
const TYPECHECK = 'typecheck (tsc --noEmit)';
const TYPECHECK_TYPICAL_MS = 12_000;
/** A file known to take at most this long runs in a batch with the other quick files. */
const QUICK_MS = 5_000;
const tscBin = join(root, '..', 'node_modules', 'typescript', 'bin', 'tsc');

/** The typecheck in a process of its own: passed when tsc exits 0, its messages printed otherwise. */
function runTypecheck(): Promise<FileResult> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [tscBin, '--noEmit', '-p', join(root, '..')], { cwd: join(root, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (err) => (output += `cannot start tsc: ${err.message}`));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const ok = code === 0;
      process.stdout.write(`\n${TYPECHECK}  (${(ms / 1000).toFixed(1)} s)\n${ok ? '  no type errors' : `${output.trimEnd()}\n${TYPECHECK}: failed (exit ${code}); counted as one failure`}\n`);
      done({ name: TYPECHECK, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ms });
    });
  });
}

/** A batch of quick files: its name in the queue, and the files it runs. */
const batches = new Map<string, string[]>();

/** One file (or one batch of quick files) in a process of its own; its output comes back whole, with its counts. */
function runFile(name: string): Promise<FileResult> {
  if (name === TYPECHECK) return runTypecheck();
  const started = performance.now();
  const files = batches.get(name);
  const args = files ? [join(root, 'support', 'batch.ts'), ...files.map((f) => join(root, f))] : [join(root, name)];
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: join(root, '..'), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, fileLimitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const text = plain(output);
      const total = count(text, 'Total');
      const reported = /Total:\s+\d+/.test(text);
      const result = { name, passed: count(text, 'Passed'), skipped: count(text, 'Skipped'), failed: total - count(text, 'Passed'), ms };
      let note = '';
      // A file that ended without its totals, or with an exit code its totals do not explain, is one failure.
      if (killed) note = `${name}: did not end within ${fileLimitMs / 1000} s and was killed; counted as one failure`;
      else if (!reported || (code !== 0 && result.failed === 0)) note = `${name}: ended (${signal ?? `exit ${code}`}) ${reported ? 'with an error after its tests' : 'before its tests reported'}; counted as one failure`;
      process.stdout.write(`\n${name}  (${(ms / 1000).toFixed(1)} s)\n${output.trimEnd()}\n${note ? `${note}\n` : ''}`);
      done(note ? { ...result, failed: result.failed + 1 } : result);
    });
  });
}

// Without the last run's durations (a fresh clone), the typical ones checked in beside this file
// (seconds, from a run on 2 cores) order the files; a file in neither is guessed: those that run
// whole conformance runs (cli/, suites/) as long, the others as short.
const known = readDurations();
const typical = JSON.parse(readFileSync(join(root, 'typical-durations.json'), 'utf8')) as Record<string, number>;
const guess = (name: string) => (name === TYPECHECK ? TYPECHECK_TYPICAL_MS : (/^(cli|suites)\//.test(name) ? 30_000 : 2_000) + statSync(join(root, name)).size / 1e6);
const expected = (name: string) => known[name] ?? (typical[name] !== undefined ? typical[name] * 1000 : guess(name));
const isKnown = (name: string) => known[name] !== undefined || typical[name] !== undefined;
const sumOf = (files: readonly string[]) => files.reduce((n, f) => n + expected(f), 0);
// Batches only where at least two quick files share one: a lone quick file runs alone.
const quickOnes = names.filter((name) => isKnown(name) && expected(name) <= QUICK_MS);
const quick = quickOnes.length > 1 ? quickOnes : [];
// As many batches as processes run at once, dealt longest first, so they end at about the same time.
const batchCount = Math.min(jobs, Math.ceil(quick.length / 2));
const dealt: string[][] = Array.from({ length: batchCount }, () => []);
for (const name of [...quick].sort((a, b) => expected(b) - expected(a))) dealt.reduce((least, b) => (sumOf(b) < sumOf(least) ? b : least)).push(name);
for (const [i, files] of dealt.entries()) batches.set(`quick files, batch ${i + 1} of ${batchCount} (${files.length} file${files.length === 1 ? '' : 's'})`, files.sort());
const alone = names.filter((name) => !quick.includes(name));
const expectedOf = (name: string) => (batches.has(name) ? sumOf(batches.get(name)!) : expected(name));
// The typecheck runs beside the test files rather than before them: on 2 cores it no longer adds its whole time.
const queue = [...alone, ...batches.keys(), ...(only.length === 0 ? [TYPECHECK] : [])].sort((a, b) => expectedOf(b) - expectedOf(a) || a.localeCompare(b));
const results: FileResult[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) results.push(await runFile(name));
  }),
);

// A batched file keeps the duration it had when it last ran alone.
if (only.length === 0) {
  mkdirSync(dirname(durationsFile), { recursive: true });
  const ranAlone = results.filter((r) => !batches.has(r.name)).map((r) => [r.name, Math.round(r.ms)]);
  const stillBatched = Object.entries(known).filter(([name]) => quick.includes(name));
  writeFileSync(durationsFile, JSON.stringify(Object.fromEntries([...stillBatched, ...ranAlone])));
}
const sum = (key: 'passed' | 'failed' | 'skipped') => results.reduce((n, r) => n + r[key], 0);
const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
const files = results.filter((r) => r.name !== TYPECHECK).reduce((n, r) => n + (batches.get(r.name)?.length ?? 1), 0);
const batched = batches.size ? ` (${quick.length} quick ones in ${batches.size} batch${batches.size === 1 ? '' : 'es'})` : '';
console.log(`\n${files} files${batched}${only.length === 0 ? ' and the typecheck' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s on ${jobs} processes; slowest: ${slowest.map((r) => `${r.name} ${(r.ms / 1000).toFixed(0)} s`).join(', ')}`);
const failedFiles = results.filter((r) => r.failed > 0).map((r) => (batches.has(r.name) ? `${r.name}: ${batches.get(r.name)!.join(', ')}` : r.name));
if (failedFiles.length) console.log(`failed in: ${failedFiles.join(', ')}`);
const [passed, failed, skipped] = [sum('passed'), sum('failed'), sum('skipped')];
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0) process.exitCode = 1;
