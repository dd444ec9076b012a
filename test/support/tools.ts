// Which independent clients this machine has; tests that need them skip, with the reason, where absent.
import { spawnSync } from 'node:child_process';

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
