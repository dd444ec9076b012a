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

/**
 * The same command line run in this process, for refusals that end before anything runs: what it
 * prints and its exit code, as the installed command gives them (cli/main.ts runs the same function),
 * without a process start per case. `env` is laid over the process's environment for the run.
 */
export async function runCliHere(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const { runCommandLine } = await import('../../cli/commandLine.ts');
  let stdout = '';
  let stderr = '';
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const saved = new Map(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]]));
  const capture = (into: (text: string) => void) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
  Object.assign(process.env, options.env ?? {});
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  try {
    const code = await runCommandLine(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
