// The round trip through independent clients: boto3 and the AWS CLI v1, where they are installed.
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { projectRoot } from '../support/paths.ts';
import { testIf } from '../support/skip.ts';
import { account, region } from './helpers.ts';

const runs = (cmd: string, args: string[]) => spawnSync(cmd, args, { timeout: 15_000, stdio: 'ignore' }).status === 0;
const haveBoto3 = runs('python3', ['-c', 'import boto3']);
const haveAwsCli = runs('aws', ['--version']) && runs('python3', ['-c', 'import awscli.clidriver']);

const test = suite('emulator: boto3 and AWS CLI v1 round trips');
let emulator: RunningEmulator;

test.before(async () => {
  emulator = await startEmulator({ region, account });
});
test.after(() => emulator.close());

/** Dummy credentials, no config files, no host prefix: nothing on this machine leaks into the run. */
const isolatedEnv = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_DISABLE_HOST_PREFIX_INJECTION: 'true',
  AWS_EC2_METADATA_DISABLED: 'true',
};

async function runScript(name: string): Promise<any> {
  const script = join(projectRoot, 'test', 'emulator', 'clients', name);
  try {
    const { stdout } = await promisify(execFile)('python3', [script, emulator.url, region, account], { env: isolatedEnv, timeout: 45_000 });
    return JSON.parse(stdout);
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${name} failed: ${(e.stderr ?? e.message).slice(-1500)}`);
  }
}

testIf(test, haveBoto3, 'python3 cannot import boto3')('boto3: create with every member, get, list pages, update, tags, delete, errors', async () => {
  const out = await runScript('boto3_roundtrip.py');
  assert.match(out.create.id, /^[0-9]{10,36}$/);
  assert.is(out.create.arn, `arn:aws:omics:${region}:${account}:sequenceStore/${out.create.id}`);
  assert.is(out.create.eTagAlgorithmFamily, 'SHA512up');
  assert.is(out.create.fallbackLocation, 's3://my-bucket/fallback/');
  assert.is(out.create.creationTimeType, 'datetime', 'botocore parsed the timestamp');
  assert.equal(out.get, { name: 'boto3 store', description: 'every member', sseType: 'KMS' });
  assert.equal(out.list, { names: ['boto3 paged', 'boto3 paged', 'boto3 paged'], pages: 2 });
  assert.equal(out.update, { name: 'boto3 renamed', hasUpdateTime: true });
  assert.equal(out.tags, { env: 'test' });
  assert.equal(out.validation, { code: 'ValidationException', status: 400, message: 'name: length must be at most 127', class: 'ValidationException' });
  assert.is(out.missing.code, 'ResourceNotFoundException');
  assert.is(out.missing.status, 404);
  assert.is(out.missing.class, 'ResourceNotFoundException', 'botocore mapped the type to its modelled exception class');
});

testIf(test, haveAwsCli, 'the AWS CLI v1 (`aws`, python awscli) is not installed')('AWS CLI v1: the same round trip with --endpoint-url', async () => {
  const out = await runScript('aws_cli_roundtrip.py');
  assert.match(out.create.id, /^[0-9]{10,36}$/);
  assert.is(out.create.eTagAlgorithmFamily, 'SHA256up');
  assert.match(out.create.creationTime, /^\d{4}-\d{2}-\d{2}T/);
  assert.is(out.get, 'cli store');
  assert.equal(out.list, { names: ['cli paged', 'cli paged', 'cli paged'], pages: 2 });
  assert.is(out.update, 'cli renamed');
  assert.equal([out.tag, out.untag, out.delete], [0, 0, 0]);
  assert.equal(out.tags, { env: 'test' });
  assert.is.not(out.validation.rc, 0);
  assert.match(out.validation.stderr, /ValidationException.*name: length must be at most 127/);
  assert.is.not(out.missing.rc, 0);
  assert.match(out.missing.stderr, /ResourceNotFoundException/);
});

test.run();
