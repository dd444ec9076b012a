import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { reproduce } from '../../reports/reproduction.ts';
import { emulatorTarget } from '../../targets/emulator.ts';
import { haveAwsCli, noAwsCliReason } from '../support/tools.ts';
import { testIf } from '../support/skip.ts';
import { runCommand } from '../support/cli.ts';

const repro = suite('reports: reproductions a person can paste');
const withCli = testIf(repro, haveAwsCli, noAwsCliReason);

repro('the raw HTTP request and curl command follow the binding', () => {
  const r = reproduce('GetSequenceStore', { id: '1234567890' }, { endpoint: 'http://127.0.0.1:4566', region: 'us-east-1' });
  assert.match(r.http, /^GET \/sequencestore\/1234567890 HTTP\/1\.1\r\nhost: 127\.0\.0\.1:4566/);
  assert.match(r.curl, /-X GET 'http:\/\/127\.0\.0\.1:4566\/sequencestore\/1234567890'$/);
  assert.match(r.awsCli, /^AWS_DISABLE_HOST_PREFIX_INJECTION=true aws omics get-sequence-store --endpoint-url http:\/\/127\.0\.0\.1:4566 --region us-east-1 --cli-input-json '\{"id":"1234567890"\}'$/);
});

repro('quotes in values survive the shell', () => {
  const r = reproduce('CreateSequenceStore', { name: "it's" }, { endpoint: 'http://127.0.0.1:1', region: 'us-east-1' });
  assert.ok(r.awsCli.includes(`'{"name":"it'\\''s"}'`), r.awsCli);
});

withCli('the AWS CLI command, pasted into a shell, does what the case did', async () => {
  const target = await emulatorTarget();
  try {
    const input = { name: "store ü 'quoted'", tags: { team: 'genomics' }, eTagAlgorithmFamily: 'SHA256up' };
    const { awsCli } = reproduce('CreateSequenceStore', input, { endpoint: target.endpoint!, region: target.region });
    // Asynchronous: the emulator answers from this same process.
    const r = await runCommand('sh', ['-c', awsCli], {
      timeoutMs: 60_000,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
    });
    assert.is(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.is(out.name, input.name);
    assert.is(out.eTagAlgorithmFamily, 'SHA256up');
    const tags = await target.call('ListTagsForResource', { resourceArn: out.arn });
    assert.equal(tags.client.output!.tags, { team: 'genomics' });
  } finally {
    await target.close();
  }
});

repro.run();
