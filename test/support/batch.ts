// Runs several test files in this one process, one after another, as uvu's own runner does (each
// file's suites under its name, one closing count for all): for the quick files, whose process start
// costs more than their tests. A file that cannot be loaded is reported, and the others still run.
// Usage: node --import tsx test/support/batch.ts <file>...
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const testRoot = fileURLToPath(new URL('..', import.meta.url));
const files = process.argv.slice(2).map((file) => resolve(file));

const queued = globalThis as typeof globalThis & { UVU_DEFER?: number; UVU_INDEX?: number; UVU_QUEUE?: unknown[][] };
queued.UVU_DEFER = 1;
const uvu = await import('uvu');
const unloadable: string[] = [];
for (const [index, file] of files.entries()) {
  queued.UVU_INDEX = index;
  queued.UVU_QUEUE!.push([relative(testRoot, file)]);
  try {
    await import(pathToFileURL(file).href);
  } catch (err) {
    unloadable.push(relative(testRoot, file));
    console.error(`${relative(testRoot, file)}: could not be loaded: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
await uvu.exec();
// test/run.ts counts an exit code its totals do not explain as one failure.
if (unloadable.length) {
  console.error(`not run, as they could not be loaded: ${unloadable.join(', ')}`);
  process.exitCode = 1;
}
