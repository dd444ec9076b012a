// The emulator's front is as strict as a Smithy restJson1 server. The cases are adapted from Smithy's
// own malformed-request protocol tests for restJson1 (smithy-aws-protocol-tests, restJson1/
// malformedRequests: content type, accept, request body) to this API, plus what node's HTTP parser
// refuses before a request exists. Every refusal has its status, x-amzn-errortype, a JSON body with a
// message and a request id; and the emulator answers a valid request correctly afterwards.
import { connect } from 'node:net';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { defaultHttp, startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { DISCARD_FACTOR } from '../../emulator/http/body.ts';
import { operations } from '../../specs/index.ts';

const test = suite('emulator: malformed requests, as a Smithy restJson1 server answers them');
let emulator: RunningEmulator;

test.before(async () => {
  emulator = await startEmulator({ headersTimeoutMs: 300, requestTimeoutMs: 400 });
});
test.after(() => emulator.close());

const CREATE = operations.CreateSequenceStore.http;
const GET = operations.GetSequenceStore.http;
const LIST = operations.ListSequenceStores.http;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `bytes` as they are and reads the answer until the server ends it (or 5 s pass). */
function exchange(bytes: string | Buffer): Promise<Answer> {
  const { hostname, port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const guard = setTimeout(() => socket.destroy(new Error('no end of the answer within 5 s')), 5000);
    const done = () => {
      clearTimeout(guard);
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // A keep-alive answer is complete once its Content-Length is in.
      const text = Buffer.concat(chunks).toString('latin1');
      const at = text.indexOf('\r\n\r\n');
      const length = /content-length:\s*(\d+)/i.exec(text.slice(0, at))?.[1];
      if (at >= 0 && length !== undefined && Buffer.byteLength(text.slice(at + 4), 'latin1') >= Number(length)) socket.end();
    });
    socket.on('close', done);
    socket.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? done() : (clearTimeout(guard), reject(e))));
    socket.write(bytes);
  });
}

function http(method: string, path: string, headers: Record<string, string>, body: string | Buffer = ''): Buffer {
  const length = Buffer.byteLength(body);
  const head = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), ...(length || method !== 'GET' ? [`Content-Length: ${length}`] : []), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
}

interface MalformedCase {
  readonly id: string;
  readonly request: () => Buffer | string;
  readonly status: number;
  readonly errorType: string;
}

const json = { 'Content-Type': 'application/json' };
const aStore = JSON.stringify({ name: 'malformed-table' });

/** Adapted from restJson1/malformedRequests; ids keep Smithy's where the case is theirs. */
const cases: readonly MalformedCase[] = [
  { id: 'RestJsonWithBodyExpectsApplicationJsonContentType', request: () => http(CREATE.method, CREATE.uri, { 'Content-Type': 'application/hal+json' }, aStore), status: 415, errorType: 'UnsupportedMediaTypeException' },
  { id: 'RestJsonWithBodyExpectsApplicationJsonContentTypeNoHeaders', request: () => http(CREATE.method, CREATE.uri, {}, aStore), status: 415, errorType: 'UnsupportedMediaTypeException' },
  { id: 'a JSON body sent as text/plain', request: () => http(CREATE.method, CREATE.uri, { 'Content-Type': 'text/plain' }, aStore), status: 415, errorType: 'UnsupportedMediaTypeException' },
  { id: 'RestJsonWithoutBodyExpectsEmptyContentType (GetSequenceStore takes no body)', request: () => http(GET.method, GET.uri.replace('{id}', '1234567890'), json, '{}'), status: 415, errorType: 'UnsupportedMediaTypeException' },
  { id: 'RestJsonWithBodyExpectsApplicationJsonAccept', request: () => http(CREATE.method, CREATE.uri, { ...json, Accept: 'application/hal+json' }, aStore), status: 406, errorType: 'NotAcceptableException' },
  { id: 'RestJsonInvalidJsonBody', request: () => http(CREATE.method, CREATE.uri, json, '$value:L'), status: 400, errorType: 'SerializationException' },
  { id: 'RestJsonMalformedJsonBody', request: () => http(CREATE.method, CREATE.uri, json, '{['), status: 400, errorType: 'SerializationException' },
  { id: 'RestJsonTechnicallyValidJsonBody (a JSON array, not an object)', request: () => http(CREATE.method, CREATE.uri, json, '[{"name":"x"}]'), status: 400, errorType: 'SerializationException' },
  { id: 'invalid UTF-8 in the body (caf\\xe9)', request: () => http(CREATE.method, CREATE.uri, json, Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')])), status: 400, errorType: 'SerializationException' },
  { id: 'headers larger than the server takes', request: () => http(LIST.method, LIST.uri, { ...json, 'X-Padding': 'a'.repeat(20_000) }, '{}'), status: 431, errorType: 'RequestHeaderFieldsTooLargeException' },
  { id: 'a request line longer than the server takes', request: () => http(GET.method, `${GET.uri.replace('{id}', 'a'.repeat(20_000))}`, {}), status: 414, errorType: 'UriTooLongException' },
  { id: 'a garbage request line', request: () => 'this is not http\r\n\r\n', status: 400, errorType: 'BadRequestException' },
  { id: 'a method the HTTP parser does not know', request: () => 'FROB /sequencestores HTTP/1.1\r\nHost: x\r\n\r\n', status: 400, errorType: 'BadRequestException' },
  { id: 'a request that stalls before its headers end', request: () => `${LIST.method} ${LIST.uri} HTTP/1.1\r\nHost: x\r\n`, status: 408, errorType: 'RequestTimeoutException' },
  // Found by the malformed-HTTP fuzz (test/emulator/fuzz.test.ts): node closed these unanswered or answered them bare.
  { id: 'CONNECT (node closed the socket unanswered)', request: () => `CONNECT ${CREATE.uri} HTTP/1.1\r\nHost: x\r\n\r\n`, status: 404, errorType: 'UnknownOperationException' },
  { id: 'an Expect other than 100-continue (node answered a bare 417)', request: () => http(LIST.method, LIST.uri, { ...json, Expect: 'the-unexpected' }, '{}'), status: 417, errorType: 'ExpectationFailedException' },
  { id: 'a chunked body past the hard cap (the connection was cut unanswered)', request: () => chunkedPastHardCap(), status: 413, errorType: 'RequestEntityTooLargeException' },
];

/** One chunk one byte larger than the emulator ever reads of a body. */
function chunkedPastHardCap(): Buffer {
  const size = defaultHttp.maxBodyBytes * DISCARD_FACTOR + 1;
  const head = `${LIST.method} ${LIST.uri} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.alloc(size, ' '), Buffer.from('\r\n0\r\n\r\n')]);
}

for (const c of cases) {
  test(`${c.id}: ${c.status} ${c.errorType}, a JSON message and a request id; a valid request still answers`, async () => {
    const answer = await exchange(c.request());
    assert.is(answer.status, c.status, JSON.stringify(answer));
    assert.is(answer.headers['x-amzn-errortype'], c.errorType);
    assert.ok(answer.headers['x-amzn-requestid'], 'a request id');
    assert.match(answer.headers['content-type'] ?? '', /^application\/json/);
    const body = JSON.parse(answer.body) as { message?: unknown };
    assert.type(body.message, 'string');
    const after = await exchange(http(LIST.method, LIST.uri, json, '{}'));
    assert.is(after.status, LIST.code, after.body);
    assert.ok(Array.isArray((JSON.parse(after.body) as { sequenceStores?: unknown }).sequenceStores));
  });
}

test('what the media-type rules let through: parameters on the type, Accept ranges, an empty body without a type', async () => {
  for (const headers of [{ 'Content-Type': 'application/json; charset=utf-8' }, { ...json, Accept: 'application/json' }, { ...json, Accept: 'text/html, */*;q=0.1' }, { ...json, Accept: 'application/*' }]) {
    const answer = await exchange(http(LIST.method, LIST.uri, headers, '{}'));
    assert.is(answer.status, LIST.code, `${JSON.stringify(headers)}: ${answer.body}`);
  }
  assert.is((await exchange(http(LIST.method, LIST.uri, {}, ''))).status, LIST.code);
  assert.is((await exchange(http(GET.method, GET.uri.replace('{id}', '1234567890'), {}))).status, 404, 'a Get with no body reaches the operation');
});

test('a body refused for its bytes stores nothing', async () => {
  await exchange(http(CREATE.method, CREATE.uri, json, Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')])));
  const listed = JSON.parse((await exchange(http(LIST.method, LIST.uri, json, '{}'))).body) as { sequenceStores: { name: string }[] };
  assert.ok(!listed.sequenceStores.some((s) => s.name.startsWith('caf')), JSON.stringify(listed));
});

test.run();
