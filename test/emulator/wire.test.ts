// The HTTP front at the wire: what a client that is not an SDK can send, and what it gets back.
import { connect } from 'node:net';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { errorSchema, schemaErrors } from '../../specs/index.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { account, rawRequest, region } from './helpers.ts';

const test = suite('emulator: the restJson1 front on the wire');
let emulator: RunningEmulator;

test.before(async () => {
  emulator = await startEmulator({ region, account, maxBodyBytes: 1024 * 1024 });
});
test.after(() => emulator.close());

function assertError(res: { status: number; headers: Record<string, unknown>; body: string }, status: number, type: string): void {
  assert.is(res.status, status, res.body);
  assert.is(res.headers['x-amzn-errortype'], type);
  assert.match(String(res.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
  const body = JSON.parse(res.body) as { message: string };
  assert.equal(schemaErrors(errorSchema('ValidationException', { closed: true }), body), [], 'the body is {"message": ...}');
}

/** Sends bytes on a fresh socket and reads until the server closes or a full response arrives. */
function rawSocket(bytes: string): Promise<string> {
  const { hostname, port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    const timer = setTimeout(() => socket.destroy(new Error('rawSocket: no answer in 5 s')), 5000);
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      const [head, body = ''] = text.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head ?? '')?.[1] ?? NaN);
      if (text.includes('\r\n\r\n') && body.length >= length) socket.end();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    socket.on('error', reject);
    socket.write(bytes);
  });
}

test('malformed JSON is 400 SerializationException', async () => {
  assertError(await rawRequest(emulator.url, 'POST', '/sequencestore', '{"name": '), 400, 'SerializationException');
  assertError(await rawRequest(emulator.url, 'POST', '/sequencestore', '[1,2]'), 400, 'SerializationException');
});

test('an unknown route is 404 UnknownOperationException', async () => {
  assertError(await rawRequest(emulator.url, 'GET', '/no/such/thing'), 404, 'UnknownOperationException');
  assertError(await rawRequest(emulator.url, 'PUT', '/sequencestore'), 404, 'UnknownOperationException');
});

test('a body over 1 MiB is refused with 413 RequestEntityTooLargeException, and the server keeps serving', async () => {
  const big = JSON.stringify({ name: 'big', description: 'x'.repeat(1024 * 1024 + 10) });
  assertError(await rawRequest(emulator.url, 'POST', '/sequencestore', big), 413, 'RequestEntityTooLargeException');
  const ok = await rawRequest(emulator.url, 'POST', '/sequencestores', '{}');
  assert.is(ok.status, 200);
});

test('validation errors name the field in x-amzn-errortype ValidationException and the message', async () => {
  const res = await rawRequest(emulator.url, 'POST', '/sequencestore', JSON.stringify({ description: 'no name' }));
  assertError(res, 400, 'ValidationException');
  assert.match(JSON.parse(res.body).message, /^name: is required/);
  const page = await rawRequest(emulator.url, 'POST', '/sequencestores?maxResults=abc', '{}');
  assertError(page, 400, 'ValidationException');
  assert.match(JSON.parse(page.body).message, /^maxResults: must be of type integer/);
  const token = await rawRequest(emulator.url, 'POST', '/sequencestores?nextToken=forged', '{}');
  assertError(token, 400, 'ValidationException');
  assert.match(JSON.parse(token.body).message, /^nextToken:/);
});

test('an absolute-URI request line and any Host header reach the operation (HTTP_PROXY clients)', async () => {
  const body = JSON.stringify({ name: 'via proxy' });
  const text = await rawSocket(
    `POST http://control-storage-omics.${region}.amazonaws.com/sequencestore HTTP/1.1\r\nHost: control-storage-omics.${region}.amazonaws.com\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  assert.match(text, /^HTTP\/1\.1 200/);
  assert.match(text, /"name":"via proxy"/);
  const logged = emulator.requestLog.last()!;
  assert.is(logged.target, `http://control-storage-omics.${region}.amazonaws.com/sequencestore`);
  assert.is(logged.operation, 'CreateSequenceStore');
});

test('a percent-encoded ARN label is decoded; TagResource and UntagResource answer 204 with an empty body', async () => {
  const created = JSON.parse((await rawRequest(emulator.url, 'POST', '/sequencestore', '{"name":"labels"}')).body) as { arn: string };
  const path = `/tags/${encodeURIComponent(created.arn)}`;
  const tagged = await rawRequest(emulator.url, 'POST', path, '{"tags":{"k":"v"}}');
  assert.is(tagged.status, 204);
  assert.is(tagged.body, '');
  assert.match(String(tagged.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
  const untagged = await rawRequest(emulator.url, 'DELETE', `${path}?tagKeys=k&tagKeys=other`);
  assert.is(untagged.status, 204);
  assert.equal(JSON.parse((await rawRequest(emulator.url, 'GET', path)).body), { tags: {} });
});

test('timestamps are ISO 8601 date-time strings on the wire', async () => {
  const created = JSON.parse((await rawRequest(emulator.url, 'POST', '/sequencestore', '{"name":"times"}')).body) as { creationTime: unknown };
  assert.type(created.creationTime, 'string');
  assert.match(String(created.creationTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
});

test('garbage on the socket gets 400 and the server keeps serving', async () => {
  const text = await rawSocket('THIS IS NOT HTTP\r\n\r\n');
  assert.match(text, /^HTTP\/1\.1 400/);
  assert.is((await rawRequest(emulator.url, 'GET', '/_emulator/health')).status, 200);
});

test('the request log records what the client sent, in process and on the admin route', async () => {
  const before = emulator.requestLog.last()?.seq ?? 0;
  await rawRequest(emulator.url, 'POST', '/sequencestores?maxResults=7', '{"filter":{"name":"x"}}', { 'X-Custom': 'Yes' });
  const [entry] = emulator.requestLog.entries({ since: before });
  assert.is(entry!.operation, 'ListSequenceStores');
  assert.is(entry!.query, 'maxResults=7');
  assert.is(entry!.body, '{"filter":{"name":"x"}}');
  assert.ok(entry!.rawHeaders.includes('X-Custom'));
  assert.is(entry!.response!.status, 200);
  const admin = JSON.parse((await rawRequest(emulator.url, 'GET', `/_emulator/requests?since=${before}`)).body) as { requests: { operation: string }[] };
  assert.equal(admin.requests.map((r) => r.operation), ['ListSequenceStores']);
  assert.is((await rawRequest(emulator.url, 'DELETE', '/_emulator/requests')).status, 204);
  assert.is(emulator.requestLog.entries().length, 0);
});

test('POST /_emulator/faults scripts the next calls of an operation; DELETE clears them', async () => {
  const set = await rawRequest(emulator.url, 'POST', '/_emulator/faults', JSON.stringify({ script: [{ operation: 'ListSequenceStores', count: 2, error: 'ThrottlingException' }] }));
  assert.is(set.status, 200);
  assertError(await rawRequest(emulator.url, 'POST', '/sequencestores', '{}'), 429, 'ThrottlingException');
  assertError(await rawRequest(emulator.url, 'POST', '/sequencestores', '{}'), 429, 'ThrottlingException');
  assert.is((await rawRequest(emulator.url, 'POST', '/sequencestores', '{}')).status, 200);
  await rawRequest(emulator.url, 'POST', '/_emulator/faults', JSON.stringify({ spec: 'next=5:*:InternalServerException' }));
  assertError(await rawRequest(emulator.url, 'GET', '/sequencestore/1234567890'), 500, 'InternalServerException');
  assert.is((await rawRequest(emulator.url, 'DELETE', '/_emulator/faults')).status, 204);
  assert.is((await rawRequest(emulator.url, 'POST', '/sequencestores', '{}')).status, 200);
  assertError(await rawRequest(emulator.url, 'POST', '/_emulator/faults', '{"script":[{"error":"NoSuchError"}]}'), 400, 'BadAdminRequest');
});

test('random methods, paths, queries and bodies never get a 500 or stop the server', async () => {
  const fragments = ['/sequencestore', '/sequencestores', '/tags/', '%', '%zz', '%2F', '?', '&', '=', 'maxResults=', 'tagKeys=', '..', '\u00e9', 'arn:aws:omics', '1234567890', '{', '"', 'null'];
  const bodies = ['', '{}', 'null', '[]', '{"name":null}', '{"name":{}}', '{"tags":[1]}', '{"filter":"x"}', '{"sseConfig":{"type":"KMS"}}', '"s"', '1e999', '{"name":"\ud800"}', '{"maxResults":"5"}'];
  let seed = 12345;
  const pick = <T>(xs: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return xs[seed % xs.length]!;
  };
  for (let i = 0; i < 150; i++) {
    const path = `/${Array.from({ length: 1 + (i % 4) }, () => pick(fragments)).join('')}`.replace(/^\/\//, '/');
    const method = pick(['GET', 'POST', 'PATCH', 'DELETE', 'PUT']);
    const res = await rawRequest(emulator.url, method, encodeURI(path).replace(/%25/g, '%'), pick(bodies));
    assert.ok(res.status >= 200 && res.status < 500, `${method} ${path} answered ${res.status}: ${res.body}`);
  }
  assert.is((await rawRequest(emulator.url, 'GET', '/_emulator/health')).status, 200);
});

test('admin routes read and reset the state and switch behaviour', async () => {
  const state = JSON.parse((await rawRequest(emulator.url, 'GET', '/_emulator/state')).body) as { stores: unknown[] };
  assert.ok(state.stores.length > 0);
  const patched = await rawRequest(emulator.url, 'PATCH', '/_emulator/behaviour', '{"createDelayMs": 1000}');
  assert.is(JSON.parse(patched.body).createDelayMs, 1000);
  assertError(await rawRequest(emulator.url, 'PATCH', '/_emulator/behaviour', '{"nope": 1}'), 400, 'BadAdminRequest');
  await rawRequest(emulator.url, 'PATCH', '/_emulator/behaviour', '{"createDelayMs": 0}');
  assert.is((await rawRequest(emulator.url, 'DELETE', '/_emulator/state')).status, 204);
  assert.is(emulator.core.storeCount(), 0);
});

test.run();
