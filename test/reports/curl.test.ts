import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { curlCommand } from '../../reports/curl.ts';
import { BODY_LIMIT, reportedExchange } from '../../reports/exchange.ts';
import { emulatorTarget } from '../../targets/emulator.ts';
import { runCommand } from '../support/cli.ts';
import { testIf } from '../support/skip.ts';
import { haveCurl, noCurlReason } from '../support/tools.ts';

const curl = suite('reports: a curl command from the exchange');
const withCurl = testIf(curl, haveCurl, noCurlReason);

const request = { method: 'GET', uri: 'http://127.0.0.1:4566/sequencestore/1234567890', headers: { host: '127.0.0.1:4566', accept: 'application/json', authorization: '<redacted>', 'x-amz-date': '20250101T000000Z' }, body: '' };

curl('method, URI and headers as sent; the old signature and what curl writes itself are left out; a signed request is signed afresh', () => {
  const c = curlCommand(request, 'eu-west-1')!;
  assert.is(c, `curl -sS -i -X GET --aws-sigv4 'aws:amz:eu-west-1:omics' --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H 'accept: application/json' 'http://127.0.0.1:4566/sequencestore/1234567890'`);
  const unsigned = curlCommand({ ...request, headers: { accept: 'application/json' }, method: 'POST', body: `{"name":"it's"}` }, 'eu-west-1')!;
  assert.not.match(unsigned, /--aws-sigv4/);
  assert.ok(unsigned.includes(`--data-binary '{"name":"it'\\''s"}'`), unsigned);
  const token = curlCommand({ ...request, headers: { ...request.headers, 'x-amz-security-token': '<redacted>' } }, 'eu-west-1')!;
  assert.ok(token.includes(`-H "x-amz-security-token: $AWS_SESSION_TOKEN"`), token);
});

curl('no command for a request whose body the report cut', () => {
  assert.is(curlCommand({ ...request, method: 'POST', body: `${'x'.repeat(BODY_LIMIT)}y…` }, 'us-east-1'), undefined);
});

withCurl('pasted into a shell, the command sends the request again, signed, to an emulator that verifies SigV4', async () => {
  const credentials = { accessKeyId: 'AKIDCURLTEST', secretAccessKey: 'curl-test-secret' };
  const target = await emulatorTarget({ verifySigV4: true, credentials: [credentials] });
  try {
    const input = { name: "store ü 'quoted' \"double\" $HOME", description: 'a `tick` and a \\ backslash' };
    const obs = await target.call('CreateSequenceStore', input);
    assert.ok(obs.client.output, JSON.stringify(obs.client.error));
    const exchange = reportedExchange(obs.wire![obs.wire!.length - 1]!, target.endpoint);
    const command = curlCommand(exchange.request, target.region)!;
    const r = await runCommand('sh', ['-c', command], { timeoutMs: 30_000, env: { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey } });
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^HTTP\/1\.1 200 /, r.stdout);
    const answer = JSON.parse(r.stdout.slice(r.stdout.indexOf('\r\n\r\n') + 4));
    assert.is(answer.name, input.name);
    assert.is(answer.description, input.description);
    const wrong = await runCommand('sh', ['-c', command], { timeoutMs: 30_000, env: { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: 'not-the-secret' } });
    assert.not.match(wrong.stdout, /^HTTP\/1\.1 200 /, 'a wrong secret is refused: the signature is curl\'s own');
  } finally {
    await target.close();
  }
});

curl.run();
