// A server as a child process (`node --import tsx <script> …`) that prints its URL as its first line
// on stdout: the emulator's CLI, or the benches' no-op server. Children never outlive the parent.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const START_MS = 30_000;

export interface ServerChild {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the signal (or exit code) once the process has ended. */
  readonly ended: Promise<string>;
}

const children = new Set<ChildProcess>();
let reaperInstalled = false;

/** Children never outlive this process, however it ends. */
function installReaper(): void {
  if (reaperInstalled) return;
  reaperInstalled = true;
  process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
}

/** Starts `script args…` (paths relative to the project) and resolves once it has printed its URL. */
export function spawnServerChild(args: readonly string[], what: string, env: NodeJS.ProcessEnv = process.env): Promise<ServerChild> {
  installReaper();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env });
  children.add(child);
  let stdout = '';
  let stderr = '';
  const ended = new Promise<string>((resolve) =>
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve(signal ?? `exit ${code}`);
    }),
  );
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} printed no URL within ${START_MS} ms: ${stderr}`));
    }, START_MS);
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const line = /^(http:\/\/\S+)\r?\n/.exec(stdout);
      if (!line) return;
      clearTimeout(timer);
      resolve({ url: line[1]!, child, ended });
    });
    void ended.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${what} ended (${how}) before printing a URL: ${stderr}`));
    });
  });
}

/** Ends a child with SIGTERM and waits for it (SIGKILL after 5 s). */
export async function stopServerChild(server: ServerChild): Promise<void> {
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
  await server.ended;
  clearTimeout(timer);
}
