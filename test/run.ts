// Runs every test/**/*.test.ts with uvu in one process, then prints the closing count line
// `N passed, N failed[, N skipped]` that CI reads.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'uvu/run';

// The SDK warns once per process that its 2027 releases need Node 22; the project runs on Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)));
const only = process.argv.slice(2);

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'support' || name === 'fixtures' || name === 'node_modules' ? [] : findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = findTests(root)
  .sort()
  .filter((file) => only.length === 0 || only.some((o) => relative(root, file).includes(o)));

if (files.length === 0) {
  console.error(`test/run.ts: no test file's path contains ${only.map((o) => `'${o}'`).join(' or ')} (paths are relative to test/, e.g. suites/mutants)`);
  process.exit(2);
}

// uvu writes its totals to stdout; keep a copy to turn into the closing line.
let captured = '';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
  if (captured.length > 4096) captured = captured.slice(-4096);
  return write(chunk, ...rest);
}) as typeof process.stdout.write;

await run(files.map((file) => ({ name: relative(root, file), file })));
process.stdout.write = write;

const plain = captured.replace(/\x1b\[[0-9;]*m/g, '');
const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? 0);
const total = count('Total');
const passed = count('Passed');
const skipped = count('Skipped');
const failed = total - passed;
if (process.exitCode && failed === 0) console.log('A test file failed to load or a test ended the process early: see above.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
