// The emulator's state file: one JSON document in a versioned envelope, replaced atomically
// (write a temp file beside it, fsync, rename over, fsync the directory) so a kill at any moment
// leaves either the previous complete file or the new complete file.
import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const STATE_FILE_FORMAT = 'omics-conformance-emulator-state';
export const STATE_FILE_VERSION = 1;

interface Envelope {
  format: typeof STATE_FILE_FORMAT;
  version: number;
  savedAt: string;
  state: unknown;
}

const tempPrefix = (target: string) => `.${basename(target)}.tmp-`;
const cleanedTargets = new Set<string>();

export async function saveStateFile(path: string, state: unknown): Promise<void> {
  if (state === undefined) throw new Error(`saveStateFile: the state for ${path} is undefined; pass the value to save`);
  let json: string;
  try {
    json = JSON.stringify({ format: STATE_FILE_FORMAT, version: STATE_FILE_VERSION, savedAt: new Date().toISOString(), state } satisfies Envelope);
  } catch (error) {
    throw new Error(`saveStateFile: the state for ${path} cannot be written as JSON: ${reason(error)}`);
  }

  await removeStaleTemps(path);
  // The pid in the name tells a later save whether the writer of a leftover temp file is still alive.
  const temp = join(dirname(path), `${tempPrefix(path)}${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    const file = await open(temp, 'wx', 0o644);
    try {
      await file.writeFile(json, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new Error(`saveStateFile: cannot write the state file ${path}: ${reason(error)}`);
  }
  await syncDirectory(dirname(path));
}

export async function loadStateFile(path: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`loadStateFile: cannot read the state file ${path}: ${reason(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`loadStateFile: the state file ${path} is not valid JSON (${reason(error)}); move it away to start with an empty state`);
  }
  const envelope = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<Envelope>;
  if (envelope.format !== STATE_FILE_FORMAT) {
    throw new Error(`loadStateFile: ${path} is not an emulator state file (no "format": "${STATE_FILE_FORMAT}"); pass another --state-file path`);
  }
  const { version } = envelope;
  if (version !== STATE_FILE_VERSION) {
    throw new Error(
      `loadStateFile: the state file ${path} has format version ${JSON.stringify(version)}; this emulator reads version ${STATE_FILE_VERSION}; use the emulator that wrote it or move the file away`,
    );
  }
  if (!('state' in envelope)) throw new Error(`loadStateFile: the state file ${path} has no "state" member; move it away to start with an empty state`);
  return envelope.state;
}

export interface StateWriterOptions {
  /** Called once per failed write; the default prints one line to stderr. */
  onError?: (error: Error) => void;
}

export interface StateWriter {
  /** Asks for a write; the snapshot is taken when the write starts, so a burst of calls costs one or two writes. */
  schedule(snapshot: () => unknown): void;
  /** Resolves when everything scheduled so far is on disk (or has failed and been reported). */
  flush(): Promise<void>;
  /**
   * Resolves once a write that holds everything scheduled so far has reached the disk; rejects with
   * the error of the write that should have held it. A change is acknowledged only after this.
   */
  durable(): Promise<void>;
}

export function createStateWriter(path: string, options: StateWriterOptions = {}): StateWriter {
  const onError = options.onError ?? ((error: Error) => console.error(`state file: ${error.message}`));
  let pending: { snapshot: () => unknown; generation: number } | undefined;
  let running: Promise<void> | undefined;
  // Generations: each schedule() is one; a write holds the generation it was scheduled as and all before.
  let scheduled = 0;
  let attempted = 0;
  let saved = 0;
  let lastError: Error | undefined;

  const drain = async () => {
    await Promise.resolve(); // let the burst that scheduled this write finish first
    while (pending) {
      const { snapshot, generation } = pending;
      pending = undefined;
      try {
        await saveStateFile(path, snapshot());
        saved = generation;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        try {
          onError(lastError);
        } catch {
          // a throwing error handler must not stop later writes
        }
      } finally {
        attempted = generation;
      }
    }
  };
  const start = () => {
    running = drain().then(() => {
      running = undefined;
      if (pending) start(); // scheduled between the loop's last check and here
    });
  };
  const flush = async () => {
    while (running) await running;
  };

  return {
    schedule(snapshot) {
      pending = { snapshot, generation: ++scheduled };
      if (!running) start();
    },
    flush,
    async durable() {
      const wanted = scheduled;
      while (attempted < wanted && running) await running;
      if (saved < wanted) throw lastError ?? new Error(`the state file ${path} was not written`);
    },
  };
}

/** Temp files of writers that died (a kill between create and rename) are removed on the first save to a target. */
async function removeStaleTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const key = `${dir}\0${basename(path)}`;
  if (cleanedTargets.has(key)) return;
  cleanedTargets.add(key);
  const prefix = tempPrefix(path);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid === process.pid || isAlive(pid)) continue;
    await unlink(join(dir, name)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) cannot open a directory: the rename is still atomic there.
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EINVAL/EISDIR on file systems without directory fsync
  } finally {
    await handle.close();
  }
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ');
}
