// Which independent clients this machine has; tests that need them skip, with the reason, where absent.
import { spawnSync } from 'node:child_process';
import { shippedAdapter, type SdkName } from '../../targets/sdks.ts';

function works(command: string, args: string[]): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 20_000 });
  return r.status === 0;
}

export const haveAwsCli = works('aws', ['--version']);
export const noAwsCliReason = 'the AWS CLI (`aws --version`) is not installed on this machine';
export const haveBoto3 = works('python3', ['-c', 'import boto3']);
export const noBoto3Reason = 'python3 with boto3 (`python3 -c "import boto3"`) is not available on this machine';
export const haveCurl = works('curl', ['--version']);
export const noCurlReason = 'curl (`curl --version`) is not installed on this machine';

/** Where the test runtimes' packages are (the JS SDK v2 among them): test/runtimes/node_modules. */
export const runtimesNodeModules = new URL('../runtimes/node_modules', import.meta.url).pathname;

/**
 * Whether a shipped adapter's client is installed here, as the adapter itself says in its hello
 * line: the client it drives, or what is missing.
 */
export function adapterHello(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): { ready: true; client: string } | { ready: false; reason: string } {
  const r = spawnSync(command, args, { input: '', timeout: 30_000, encoding: 'utf8', env });
  try {
    const hello = JSON.parse(r.stdout.split('\n')[0] ?? '') as { ready?: boolean; client?: string; missing?: string };
    if (hello.ready === true && typeof hello.client === 'string') return { ready: true, client: hello.client };
    return { ready: false, reason: hello.missing ?? `${command} said: ${r.stdout.slice(0, 200)}` };
  } catch {
    return { ready: false, reason: `${command} ${args.join(' ')} did not start (${r.error?.message ?? (r.stderr.trim().split('\n').pop() || `exit ${r.status}`)})` };
  }
}

/** Whether a shipped adapter's client is installed: `[true, '']`, or `[false, why not]` for a visible skip. */
export function sdkPresent(sdk: SdkName): readonly [boolean, string] {
  const cmd = shippedAdapter(sdk)!;
  const hello = adapterHello(cmd.command, cmd.args ?? [], cmd.env);
  return [hello.ready, hello.ready ? '' : `--sdk ${sdk}: ${hello.reason}`];
}
