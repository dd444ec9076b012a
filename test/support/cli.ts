// Runs the installed entry point (cli/omics-conformance.js) as a user would, with a time limit. A
// GITHUB_STEP_SUMMARY the tests inherit (the project's own CI job) is not passed on: the runs under
// test would append their summaries to the job's page.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from './paths.ts';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return runCommand(process.execPath, [resolve(projectRoot, 'cli/omics-conformance.js'), ...args], options);
}

export function runCommand(command: string, args: readonly string[], options: { timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const env = { ...(options.env ?? process.env) };
    if (env.GITHUB_STEP_SUMMARY !== undefined && env.GITHUB_STEP_SUMMARY === process.env.GITHUB_STEP_SUMMARY) delete env.GITHUB_STEP_SUMMARY;
    const child = spawn(command, args, { cwd: options.cwd ?? projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${command} ${args.join(' ')} did not finish within ${options.timeoutMs ?? 30_000} ms`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** The command line running in this process, if one is: its output is captured from the process's own streams. */
let runningHere: string | undefined;

/**
 * The same command line run in this process: what it prints and its exit code, as the installed
 * command gives them (cli/main.ts runs the same function), without a process start. A whole run,
 * record or verify may be run so: its emulator, signal handlers and timers are its own and end with it.
 * - `env` is laid over the process's environment for the call and put back after it; an inherited
 *   GITHUB_STEP_SUMMARY is left out for the call, as runCommand leaves it out of a child's.
 * - stdout and stderr are the process's own, swapped for the call and no terminal, as a child's pipes
 *   are not: one call at a time (one started while another runs is refused), and nothing that needs
 *   a process of its own — a signal, output read while it runs, the installed entry point itself —
 *   can be tested this way.
 * - Not ended within `timeoutMs` (30 s, as runCli), the call fails; the command cannot be killed, so
 *   its output goes to the process's streams from then on, and no other call starts until it ends.
 * - A command that leaves a SIGINT or SIGTERM handler behind, or sets process.exitCode, fails the call:
 *   in the installed command that would be a leak into whatever the process does next.
 */
export async function runCliHere(args: readonly string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const { runCommandLine } = await import('../../cli/commandLine.ts');
  const line = args.join(' ');
  if (runningHere !== undefined) throw new Error(`runCliHere ${line}: '${runningHere}' is still running in this process; run one after the other`);
  const layer: NodeJS.ProcessEnv = { ...options.env };
  if (process.env.GITHUB_STEP_SUMMARY !== undefined && (layer.GITHUB_STEP_SUMMARY ?? process.env.GITHUB_STEP_SUMMARY) === process.env.GITHUB_STEP_SUMMARY) layer.GITHUB_STEP_SUMMARY = undefined;
  const setEnv = (entries: Iterable<[string, string | undefined]>) => {
    for (const [k, v] of entries) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const savedEnv = new Map(Object.keys(layer).map((k) => [k, process.env[k]]));
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const handlers = signals.map((s) => process.listenerCount(s));
  const exitCode = process.exitCode;
  // The streams as a child's piped ones are: not a terminal, so no progress line is drawn on them.
  const ttys = [process.stdout, process.stderr].map((stream) => [stream, Object.getOwnPropertyDescriptor(stream, 'isTTY')] as const);
  let stdout = '';
  let stderr = '';
  const capture = (into: (text: string) => void) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;

  runningHere = line;
  setEnv(Object.entries(layer));
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  for (const [stream] of ttys) Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  const work = runCommandLine(args);
  void work.then(() => undefined, () => undefined).finally(() => (runningHere = undefined));
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`omics-conformance ${line} (in this process) did not finish within ${timeoutMs} ms: ${stdout}${stderr}`)), timeoutMs);
  });
  let code: number;
  try {
    code = await Promise.race([work, expired]);
    runningHere = undefined;
  } finally {
    clearTimeout(timer);
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    for (const [stream, was] of ttys) {
      if (was) Object.defineProperty(stream, 'isTTY', was);
      else delete (stream as { isTTY?: boolean }).isTTY;
    }
    setEnv(savedEnv);
  }
  const leaks = [
    ...signals.flatMap((s, i) => (process.listenerCount(s) === handlers[i] ? [] : [`${process.listenerCount(s) - handlers[i]!} ${s} handler(s) left behind`])),
    ...(process.exitCode === exitCode ? [] : [`process.exitCode set to ${process.exitCode}`]),
  ];
  if (leaks.length) {
    process.exitCode = exitCode;
    throw new Error(`omics-conformance ${line} (in this process): ${leaks.join('; ')}\n${stdout}${stderr}`);
  }
  return { code, stdout, stderr };
}
