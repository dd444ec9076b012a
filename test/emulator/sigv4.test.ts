import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { Sha256 } from '@aws-crypto/sha256-js';
import {
  CreateSequenceStoreCommand,
  GetSequenceStoreCommand,
  ListSequenceStoresCommand,
  ListTagsForResourceCommand,
  OmicsClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSequenceStoreCommand,
} from '@aws-sdk/client-omics';
import { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  createSigV4Verifier,
  isOperationAllowed,
  parseCredentialSpec,
  type AuthResult,
  type Credential,
  type SignedRequest,
} from '../../emulator/sigv4/verifier.ts';
import { testIf } from '../support/skip.ts';

const KEY: Credential = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const READER: Credential = { accessKeyId: 'AKIDREADER', secretAccessKey: 'reader-secret', allowedOperations: ['GetSequenceStore'] };
const ARN = 'arn:aws:omics:us-east-1:123456789012:sequenceStore/1234567890';
const SIGNED_AT = Date.UTC(2024, 4, 17, 12, 30, 0);
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const verifierAt = (now: number, clockSkewMs?: number) =>
  createSigV4Verifier({ credentials: [KEY, READER], service: 'omics', now: () => now, ...(clockSkewMs === undefined ? {} : { clockSkewMs }) });
const verify = verifierAt(SIGNED_AT);
const verifyNow = createSigV4Verifier({ credentials: [KEY, READER], service: 'omics' });

/** The query-string encoding the JS SDK's node handler puts on the wire. */
const escapeUri = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function toWire(request: HttpRequest): SignedRequest {
  const query = Object.entries(request.query ?? {})
    .flatMap(([k, v]) => (v === null ? [escapeUri(k)] : (Array.isArray(v) ? v : [v]).map((x) => `${escapeUri(k)}=${escapeUri(x)}`)))
    .join('&');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  const body = request.body === undefined ? new Uint8Array() : typeof request.body === 'string' ? new TextEncoder().encode(request.body) : new Uint8Array(request.body);
  return { method: request.method, path: request.path, query, headers, body };
}

interface Unsigned {
  method?: string;
  path?: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
}

function unsigned(r: Unsigned = {}): HttpRequest {
  return new HttpRequest({
    method: r.method ?? 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path: r.path ?? `/tags/${escapeUri(ARN)}`,
    query: r.query ?? { maxResults: '5', nextToken: 'a b/c+d=' },
    headers: { host: '127.0.0.1:4566', 'content-type': 'application/json', 'x-custom': 'one', 'user-agent': 'test/1', ...r.headers },
    ...(r.body === undefined ? { body: '{"tags":{"team":"genomics"}}' } : r.body === '' ? {} : { body: r.body }),
  });
}

function signer(credential: Credential = KEY, service = 'omics', applyChecksum = false) {
  return new SignatureV4({ credentials: credential, region: 'us-east-1', service, sha256: Sha256, uriEscapePath: true, applyChecksum });
}

async function signed(r: Unsigned = {}, opts: { credential?: Credential; service?: string; at?: number; checksum?: boolean } = {}): Promise<SignedRequest> {
  const request = await signer(opts.credential, opts.service, opts.checksum).sign(unsigned(r), { signingDate: new Date(opts.at ?? SIGNED_AT) });
  return toWire(request as HttpRequest);
}

/** Signs a request through the real OmicsClient; a request handler records it and answers a canned 200. */
async function omicsRequests(credential: Credential = KEY): Promise<Array<{ operation: string; request: SignedRequest }>> {
  let last: HttpRequest | undefined;
  const client = new OmicsClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:4566',
    disableHostPrefix: true,
    maxAttempts: 1,
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    requestHandler: {
      handle: async (request: HttpRequest) => {
        last = request;
        return { response: new HttpResponse({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: Readable.from([Buffer.from('{}')]) }) };
      },
    },
  });
  const commands = {
    TagResource: new TagResourceCommand({ resourceArn: ARN, tags: { team: 'genomics', 'k/ey': 'v alue' } }),
    UntagResource: new UntagResourceCommand({ resourceArn: ARN, tagKeys: ['team', 'k/ey'] }),
    ListTagsForResource: new ListTagsForResourceCommand({ resourceArn: ARN }),
    ListSequenceStores: new ListSequenceStoresCommand({ maxResults: 5, nextToken: "a b/c+d=~*'()" }),
    CreateSequenceStore: new CreateSequenceStoreCommand({ name: 'séquences 序列 🧬', clientToken: 'tok-1', tags: { a: 'b' } }),
    GetSequenceStore: new GetSequenceStoreCommand({ id: '1234567890' }),
    UpdateSequenceStore: new UpdateSequenceStoreCommand({ id: '1234567890', description: 'new' }),
  };
  const out: Array<{ operation: string; request: SignedRequest }> = [];
  for (const [operation, command] of Object.entries(commands)) {
    last = undefined;
    await client.send(command as never).catch(() => undefined); // the canned body may not parse; the request is what counts
    assert.ok(last, `${operation}: the client sent nothing`);
    out.push({ operation, request: toWire(last) });
  }
  client.destroy();
  return out;
}

function expectOk(result: AuthResult, what: string) {
  assert.ok(result.ok, `${what}: ${result.ok ? '' : `${result.errorType}: ${result.message}`}`);
}

function expectFailure(result: AuthResult, errorType: string, message?: string | RegExp, what = '') {
  assert.is(result.ok, false, `${what}: expected ${errorType}, got success`);
  if (result.ok) return;
  assert.is(result.errorType, errorType, `${what}: ${result.message}`);
  assert.is(result.status, 403);
  if (typeof message === 'string') assert.is(result.message, message);
  else if (message) assert.match(result.message, message);
}

const tampered = (r: SignedRequest, change: Partial<SignedRequest>): SignedRequest => ({ ...r, ...change, headers: { ...r.headers, ...change.headers } });

// ---------------------------------------------------------------------------------------------------------

const accepted = suite('emulator/sigv4: correctly signed requests verify');

accepted('a request signed with SignatureV4 (label path, query, body) verifies and names its credential', async () => {
  const result = await verify(await signed());
  expectOk(result, 'signed request');
  if (result.ok) assert.is(result.credential.accessKeyId, KEY.accessKeyId);
});

accepted('a request carrying a signed x-amz-content-sha256 header verifies', async () => {
  expectOk(await verify(await signed({}, { checksum: true })), 'with payload hash header');
});

accepted('a GET without body, a path with reserved characters and a repeated query key verify', async () => {
  const req = await signed({ method: 'GET', path: `/x/${escapeUri("a b!'()*~")}/y`, query: { tagKeys: ['b', 'a', 'a b'], flag: '' }, body: '' });
  expectOk(await verify(req), 'GET');
});

accepted('every operation signed by the real @aws-sdk/client-omics client verifies (labels like /tags/arn%3A…)', async () => {
  const requests = await omicsRequests();
  const tag = requests.find((r) => r.operation === 'TagResource')!;
  assert.is(tag.request.path, `/tags/${encodeURIComponent(ARN)}`);
  for (const { operation, request } of requests) expectOk(await verifyNow(request), `OmicsClient ${operation}`);
});

accepted('an unsigned header may change: only the headers the client listed count', async () => {
  const req = await signed();
  expectOk(await verify(tampered(req, { headers: { 'user-agent': 'other/2', 'x-unsigned': 'added' } })), 'changed unsigned header');
});

accepted('a client that also signed a header SDKs leave out (user-agent) verifies, and changing it is refused', async () => {
  const request = await signer().sign(unsigned(), { signingDate: new Date(SIGNED_AT), signableHeaders: new Set(['user-agent']) });
  const req = toWire(request as HttpRequest);
  assert.match(String(req.headers['authorization']), /SignedHeaders=[^,]*user-agent/);
  expectOk(await verify(req), 'user-agent signed');
  expectFailure(await verify(tampered(req, { headers: { 'user-agent': 'other/2' } })), 'InvalidSignatureException', MISMATCH);
});

accepted('an absolute-URI request target (a client going through HTTP_PROXY) verifies against its path', async () => {
  const req = await signed();
  expectOk(await verify(tampered(req, { path: `http://control-storage-omics.us-east-1.amazonaws.com${req.path}` })), 'absolute URI');
});

accepted('a signature up to the clock skew old or early verifies; a custom skew applies', async () => {
  const req = await signed();
  expectOk(await verifierAt(SIGNED_AT + 4 * 60_000)(req), '4 min late');
  expectOk(await verifierAt(SIGNED_AT - 4 * 60_000)(req), '4 min early');
  expectOk(await verifierAt(SIGNED_AT + 20 * 60_000, 30 * 60_000)(req), '20 min late, 30 min skew');
});

accepted('a presigned request (X-Amz-Signature in the query) verifies', async () => {
  const presigned = await signer().presign(unsigned({ method: 'GET', body: '' }), { signingDate: new Date(SIGNED_AT), expiresIn: 900 });
  const req = toWire(presigned as HttpRequest);
  assert.match(req.query, /X-Amz-Signature=/);
  expectOk(await verify(req), 'presigned');
  expectOk(await verifierAt(SIGNED_AT + 14 * 60_000)(req), 'presigned, within X-Amz-Expires');
});

const python = spawnSync('python3', ['-c', 'import boto3'], { timeout: 20_000 });
const haveBoto3 = python.status === 0;
testIf(accepted, haveBoto3, 'python3 -c "import boto3" fails on this machine')(
  'every operation signed by botocore (boto3 omics client) verifies',
  async () => {
    const script = new URL('./fixtures/sigv4-botocore-capture.py', import.meta.url).pathname;
    const run = spawnSync('python3', [script, KEY.accessKeyId, KEY.secretAccessKey], { encoding: 'utf8', timeout: 30_000 });
    assert.is(run.status, 0, `botocore capture failed: ${run.stderr}`);
    const captured = JSON.parse(run.stdout) as Array<{ operation: string; method: string; url: string; headers: Record<string, string>; body: string }>;
    assert.is(captured.length, 6);
    for (const c of captured) {
      const url = new URL(c.url);
      const headers: Record<string, string> = { host: url.host };
      for (const [name, value] of Object.entries(c.headers)) headers[name.toLowerCase()] = value;
      const rawPath = c.url.slice(url.origin.length).split('?')[0]!;
      const request: SignedRequest = { method: c.method, path: rawPath, query: url.search.slice(1), headers, body: new TextEncoder().encode(c.body) };
      if (c.operation === 'TagResource') assert.is(rawPath, `/tags/${encodeURIComponent(ARN)}`);
      expectOk(await verifyNow(request), `botocore ${c.operation}`);
    }
  },
);

accepted.run();

// ---------------------------------------------------------------------------------------------------------

const refused = suite('emulator/sigv4: altered, unsigned, unknown and stale requests are refused');

refused('a changed body, path, signed header, query or date is an InvalidSignatureException with AWS wording', async () => {
  const req = await signed();
  const changes: Record<string, Partial<SignedRequest>> = {
    body: { body: new TextEncoder().encode('{"tags":{"team":"genomicz"}}') },
    path: { path: req.path.replace('1234567890', '1234567891') },
    'path encoding': { path: decodeURIComponent(req.path) },
    'signed header': { headers: { 'x-custom': 'two' } },
    'signed header removed': { headers: { 'x-custom': undefined } },
    'query value': { query: req.query.replace('maxResults=5', 'maxResults=6') },
    'query parameter added': { query: `${req.query}&extra=1` },
    'method': { method: 'PUT' },
    'x-amz-date by one second': { headers: { 'x-amz-date': '20240517T123001Z' } },
  };
  for (const [what, change] of Object.entries(changes)) expectFailure(await verify(tampered(req, change)), 'InvalidSignatureException', MISMATCH, what);
});

refused('a body that does not match its signed x-amz-content-sha256 is refused', async () => {
  const req = await signed({}, { checksum: true });
  expectFailure(await verify(tampered(req, { body: new TextEncoder().encode('{}') })), 'InvalidSignatureException', /x-amz-content-sha256/);
});

refused('a body changed under a real OmicsClient request is refused', async () => {
  const create = (await omicsRequests()).find((r) => r.operation === 'CreateSequenceStore')!.request;
  const body = new TextEncoder().encode(new TextDecoder().decode(create.body).replace('tok-1', 'tok-2'));
  expectFailure(await verifyNow(tampered(create, { body })), 'InvalidSignatureException');
});

refused('the wrong secret for a known key is an InvalidSignatureException', async () => {
  const req = await signed({}, { credential: { accessKeyId: KEY.accessKeyId, secretAccessKey: 'not-the-secret' } });
  expectFailure(await verify(req), 'InvalidSignatureException', MISMATCH);
});

refused('no Authorization header and no presigned query is MissingAuthenticationTokenException', async () => {
  const req = toWire(unsigned());
  expectFailure(await verify(req), 'MissingAuthenticationTokenException', 'Missing Authentication Token');
});

refused('an unknown access key is UnrecognizedClientException', async () => {
  const req = await signed({}, { credential: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: KEY.secretAccessKey } });
  expectFailure(await verify(req), 'UnrecognizedClientException', 'The security token included in the request is invalid.');
});

refused('malformed Authorization headers are IncompleteSignatureException', async () => {
  const req = await signed();
  const auth = String(req.headers['authorization']);
  const malformed: Record<string, [string, RegExp]> = {
    'another scheme': ['Bearer abc', /unsupported algorithm 'Bearer'/],
    'SigV2': ['AWS AKIDEXAMPLE:c2lnbmF0dXJl', /unsupported algorithm/],
    'no parameters': ['AWS4-HMAC-SHA256', /requires 'Credential' parameter.*requires 'Signature' parameter.*requires 'SignedHeaders' parameter/],
    'no Signature': [auth.replace(/, Signature=[0-9a-f]+/, ''), /requires 'Signature' parameter/],
    'no SignedHeaders': [auth.replace(/SignedHeaders=[^,]+, /, ''), /requires 'SignedHeaders' parameter/],
    'short credential scope': [auth.replace('/us-east-1/', '/'), /Credential '.*' is malformed/],
  };
  for (const [what, [value, message]] of Object.entries(malformed)) {
    const result = await verify(tampered(req, { headers: { authorization: value } }));
    expectFailure(result, 'IncompleteSignatureException', message, what);
    assert.ok(!result.ok && !result.message.includes('\n'), `${what}: one-line message`);
  }
  expectFailure(await verify(tampered(req, { headers: { 'x-amz-date': undefined } })), 'IncompleteSignatureException', /X-Amz-Date/);
  expectFailure(await verify(tampered(req, { headers: { 'x-amz-date': '2024-05-17T12:30:00Z' } })), 'IncompleteSignatureException', /ISO-8601 'basic format'/);
  expectFailure(await verify(tampered(req, { headers: { 'x-amz-date': '20240230T123000Z' } })), 'IncompleteSignatureException', /ISO-8601/);
});

refused('a signature older or newer than the clock skew is refused with "Signature expired" / "not yet current"', async () => {
  const req = await signed();
  expectFailure(
    await verifierAt(SIGNED_AT + 6 * 60_000)(req),
    'InvalidSignatureException',
    'Signature expired: 20240517T123000Z is now earlier than 20240517T123100Z (20240517T123600Z - 5 min.)',
  );
  expectFailure(await verifierAt(SIGNED_AT - 6 * 60_000)(req), 'InvalidSignatureException', /^Signature not yet current: 20240517T123000Z is still later than/);
  expectFailure(await verifierAt(SIGNED_AT + 2_000, 1_000)(req), 'InvalidSignatureException', /^Signature expired: .*1000 ms\.\)$/);
});

refused('a presigned request is refused once X-Amz-Expires has passed, and when altered', async () => {
  const presigned = await signer().presign(unsigned({ method: 'GET', body: '' }), { signingDate: new Date(SIGNED_AT), expiresIn: 60 });
  const req = toWire(presigned as HttpRequest);
  expectFailure(await verifierAt(SIGNED_AT + 61_000)(req), 'InvalidSignatureException', /^Signature expired/);
  expectFailure(await verify(tampered(req, { query: req.query.replace('maxResults=5', 'maxResults=6') })), 'InvalidSignatureException', MISMATCH);
  expectFailure(await verify(tampered(req, { query: req.query.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=forever') })), 'IncompleteSignatureException', /X-Amz-Expires/);
  expectFailure(await verify(tampered(req, { query: req.query.replace(/&?X-Amz-SignedHeaders=[^&]*/, '') })), 'IncompleteSignatureException', /X-Amz-SignedHeaders/);
});

refused('a signature scoped to another service is refused naming the expected one', async () => {
  const req = await signed({}, { service: 's3' });
  expectFailure(await verify(req), 'InvalidSignatureException', /scoped to correct service: 'omics'/);
});

refused('a credential scope whose date differs from x-amz-date is refused', async () => {
  const req = await signed();
  const auth = String(req.headers['authorization']).replace('/20240517/', '/20240516/');
  expectFailure(await verify(tampered(req, { headers: { authorization: auth } })), 'InvalidSignatureException', /Date in Credential scope does not match/);
});

refused('a signature of another length or case does not verify (and does not throw)', async () => {
  const req = await signed();
  const auth = String(req.headers['authorization']);
  for (const signature of ['abc', auth.split('Signature=')[1]!.toUpperCase(), `${auth.split('Signature=')[1]}00`]) {
    const result = await verify(tampered(req, { headers: { authorization: auth.replace(/Signature=[0-9a-f]+/, `Signature=${signature}`) } }));
    expectFailure(result, 'InvalidSignatureException', MISMATCH);
  }
});

refused('a path or query no client could have signed (a lone surrogate) is a mismatch, not a crash', async () => {
  const req = await signed();
  expectFailure(await verify(tampered(req, { path: '/tags/\uD800' })), 'InvalidSignatureException', MISMATCH);
  expectFailure(await verify(tampered(req, { query: 'a=\uDC00' })), 'InvalidSignatureException', MISMATCH);
});

refused('any request, however mangled, gets a result and never a rejection', async () => {
  const base = await signed();
  const auth = String(base.headers['authorization']);
  const authorization = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ maxLength: 40 }).map((s) => auth.replace(/Credential=[^,]*/, `Credential=${s}`)),
    fc.string({ maxLength: 40 }).map((s) => auth.replace(/SignedHeaders=[^,]*/, `SignedHeaders=${s}`)),
    fc.constant(undefined),
  );
  await fc.assert(
    fc.asyncProperty(
      authorization,
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.oneof(fc.constant(String(base.headers['x-amz-date'])), fc.string({ maxLength: 20 }), fc.constant(undefined)),
      async (authorization, path, query, amzDate) => {
        const result = await verify({ ...base, path, query, headers: { ...base.headers, authorization, 'x-amz-date': amzDate } });
        assert.is(result.ok, false);
        if (!result.ok) assert.is(result.status, 403);
      },
    ),
    { numRuns: 300, seed: 42 },
  );
});

refused.run();

// ---------------------------------------------------------------------------------------------------------

const specs = suite('emulator/sigv4: credential specs and allowed operations');

specs('AKID:SECRET gives a key allowed every operation', () => {
  const credential = parseCredentialSpec('AKIDEXAMPLE:wJalr/K7+EXAMPLE=');
  assert.equal(credential, { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalr/K7+EXAMPLE=' });
  assert.ok(isOperationAllowed(credential, 'DeleteSequenceStore'));
});

specs('AKID:SECRET:Op1,Op2 limits the key to those operations; "readonly" expands to the read-only ones', () => {
  const credential = parseCredentialSpec('AK:SK:GetSequenceStore, ListSequenceStores');
  assert.equal(credential.allowedOperations, ['GetSequenceStore', 'ListSequenceStores']);
  assert.ok(isOperationAllowed(credential, 'GetSequenceStore'));
  assert.not.ok(isOperationAllowed(credential, 'CreateSequenceStore'));
  const reader = parseCredentialSpec('AK:SK:readonly');
  assert.equal([...reader.allowedOperations!].sort(), ['GetSequenceStore', 'ListSequenceStores', 'ListTagsForResource']);
  assert.not.ok(isOperationAllowed(reader, 'TagResource'));
});

specs('bad specs throw one clear line that never shows the secret', () => {
  const bad: Record<string, RegExp> = {
    '': /found 0 ':' separators/,
    AKIDONLY: /found 0 ':'/,
    ':s3cr3t': /access key id is empty/,
    'AK:': /secret access key is empty/,
    'AK:s3 cr3t': /white space/,
    'AK:SK:': /empty entry/,
    'AK:SK:GetSequenceStore,,ListSequenceStores': /empty entry/,
    'AK:SK:GetSequenceStores': /unknown operation 'GetSequenceStores' \(known: CreateSequenceStore,/,
    'AK:SK:Op:extra': /found 3 ':'/,
  };
  for (const [spec, message] of Object.entries(bad)) {
    try {
      parseCredentialSpec(spec);
      assert.unreachable(`'${spec}' was accepted`);
    } catch (error) {
      const text = (error as Error).message;
      assert.match(text, /^parseCredentialSpec: /);
      assert.match(text, message);
      assert.match(text, /expected ACCESS_KEY_ID:SECRET_ACCESS_KEY/);
      assert.not.match(text, /s3 ?cr3t/);
      assert.not.ok(text.includes('\n'));
    }
  }
});

specs('a verified result carries the allowed operations for the caller to enforce', async () => {
  const [get] = await omicsRequests(READER).then((all) => all.filter((r) => r.operation === 'GetSequenceStore'));
  const result = await verifyNow(get!.request);
  expectOk(result, 'reader');
  if (result.ok) {
    assert.ok(isOperationAllowed(result.credential, 'GetSequenceStore'));
    assert.not.ok(isOperationAllowed(result.credential, 'DeleteSequenceStore'));
  }
});

specs.run();
