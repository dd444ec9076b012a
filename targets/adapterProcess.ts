// An adapter process: started once, spoken to in JSON lines, one call at a time. Every wait is
// bounded: the hello line, each answer (the call's time limit and a grace for the process's own
// work), and the stop. An adapter that exits, hangs, prints what is not an answer, or answers
// another id is broken: that call and every later one fail with an AdapterFailure saying so.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readAnswer, readHello, requestLine, type AdapterAnswer, type AdapterRequest } from './adapterProtocol.ts';

/** How to start an adapter: a program and its arguments, or a shell command line. */
export interface AdapterCommand {
  /** How a person names it in messages: `--sdk boto3`, or the command line. */
  readonly label: string;
  readonly command: string;
  readonly args?: readonly string[];
  /** Run `command` through the shell (a command line a person gave). */
  readonly shell?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** The adapter broke the protocol or stopped: nothing it answers can be trusted, the run ends. */
export class AdapterFailure extends Error {
  override readonly name = 'AdapterFailure';
}

/** The adapter's client is not installed here: a usage error naming what to install. */
export class AdapterUnavailable extends Error {
  override readonly name = 'AdapterUnavailable';
}

/** How long the hello line may take: an interpreter and an SDK to load. */
export const ADAPTER_START_TIMEOUT_MS = 20_000;
/** Beyond a call's own time limit: a process per call (a CLI) starts an interpreter each time. */
export const ANSWER_GRACE_MS = 5_000;
/** How long a stop waits after closing stdin before it kills. */
const STOP_GRACE_MS = 2_000;
/** Lines of stderr kept to explain an adapter that stopped. */
const STDERR_LINES = 20;

export interface AdapterProcess {
  /** The client the adapter said it drives. */
  readonly client: string;
  call(request: Omit<AdapterRequest, 'id'>): Promise<AdapterAnswer>;
  /** Set once the adapter is broken: every call fails with it. */
  readonly failure: AdapterFailure | undefined;
  stop(): Promise<void>;
}

function lastLine(lines: readonly string[]): string {
  const last = lines.filter((l) => l.trim()).at(-1);
  return last ? `: ${last.trim().slice(0, 300)}` : '';
}

function kill(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Its own process group: a shell's children go too.
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export async function startAdapter(cmd: AdapterCommand, startTimeoutMs = ADAPTER_START_TIMEOUT_MS): Promise<AdapterProcess> {
  const child = spawn(cmd.command, [...(cmd.args ?? [])], { shell: cmd.shell ?? false, detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: cmd.env ?? process.env, ...(cmd.cwd ? { cwd: cmd.cwd } : {}) });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => {
    stderr.push(l);
    if (stderr.length > STDERR_LINES) stderr.shift();
  });
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<string>((resolve) => {
    child.on('error', (err) => resolve(`could not be started (${err.message})`));
    child.on('close', (code, signal) => resolve(`exited (${signal ?? `code ${code}`})`));
  });
  child.stdin!.on('error', () => undefined);
  let failure: AdapterFailure | undefined;
  let stopping = false;
  let waiting: { resolve: (line: string) => void; reject: (e: AdapterFailure) => void } | undefined;
  const queue: string[] = [];
  const fail = (why: string): AdapterFailure => {
    failure ??= new AdapterFailure(`the adapter ${cmd.label} ${why}`);
    kill(child);
    waiting?.reject(failure);
    waiting = undefined;
    return failure;
  };
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w.resolve(line);
    } else queue.push(line);
  });
  void exited.then((how) => {
    // The streams close before 'close' fires: a last answer has been read by now.
    setImmediate(() => fail(`${how}${lastLine(stderr)}`));
  });

  /** The next line, within `ms`; a failure past it. */
  const nextLine = (ms: number, what: string): Promise<string> => {
    if (failure) return Promise.reject(failure);
    const queued = queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => fail(`did not ${what} within ${ms} ms`), ms);
      waiting = {
        resolve: (l) => (clearTimeout(timer), resolve(l)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
  };

  const hello = readHello(await nextLine(startTimeoutMs, 'print its hello line'));
  if (typeof hello === 'string') throw fail(hello);
  if (!hello.ready) {
    kill(child);
    throw new AdapterUnavailable(`${cmd.label}: ${hello.missing}`);
  }

  let nextId = 1;
  let busy = false;
  return {
    client: hello.client,
    get failure() {
      return stopping ? undefined : failure;
    },
    async call(request) {
      if (failure) throw failure;
      if (busy) throw new Error('adapterProcess: one call at a time');
      busy = true;
      const id = nextId++;
      try {
        child.stdin!.write(`${requestLine({ id, ...request })}\n`);
        const line = await nextLine(request.timeoutMs + ANSWER_GRACE_MS, `answer call ${id} (${request.op})`);
        const answer = readAnswer(line);
        if (typeof answer === 'string') throw fail(`${answer} (call ${id}, ${request.op})`);
        if (answer.id !== id) throw fail(`answered id ${answer.id} while call ${id} (${request.op}) was waiting`);
        return answer;
      } finally {
        busy = false;
      }
    },
    async stop() {
      stopping = true;
      child.stdin!.end();
      const timer = setTimeout(() => kill(child), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      failure ??= new AdapterFailure(`the adapter ${cmd.label} was stopped`);
    },
  };
}
