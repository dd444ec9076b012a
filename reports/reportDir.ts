// The directory reports go to, made ready before a run starts: created one level at a time (never
// with a recursive mkdir, which some file systems, /proc among them, send into an endless loop) and
// proven writable with a probe file, so a run never ends by losing its results.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** The report directory cannot be made or written to: nothing was run. */
export class ReportDirError extends Error {
  override readonly name = 'ReportDirError';
}

const PROBE = '.omics-conformance-write-probe';

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a directory';
    case 'ENOENT':
      return 'a part of the path does not exist and cannot be made';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}

async function kindOf(path: string): Promise<'dir' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'other';
  } catch (err) {
    // ENOTDIR: a parent is a file; walking up finds which.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw err;
  }
}

/** The option that named a directory, and what goes there: for the error's words. */
export interface DirUse {
  readonly option: string;
  readonly contents: string;
}

const REPORTS: DirUse = { option: '--report-dir', contents: 'reports' };

/** Makes `dir` (and its missing parents) and writes a probe file in it; the absolute path on success. */
export async function prepareReportDir(dir: string, use: DirUse = REPORTS): Promise<string> {
  const path = resolve(dir);
  const fail = (err: unknown, at: string) => new ReportDirError(`${use.option} ${dir}: cannot write ${use.contents} there (${reason(err)}${at !== path ? ` at ${at}` : ''})`);
  const missing: string[] = [];
  let at = path;
  for (;;) {
    let kind;
    try {
      kind = await kindOf(at);
    } catch (err) {
      throw fail(err, at);
    }
    if (kind === 'dir') break;
    if (kind === 'other') throw fail(Object.assign(new Error(), { code: 'ENOTDIR' }), at);
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fail(err, d);
    }
  }
  const probe = join(path, PROBE);
  try {
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (err) {
    throw fail(err, path);
  }
  return path;
}
