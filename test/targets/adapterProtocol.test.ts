// The adapter protocol's lines read strictly; answers become the shapes the JS SDK gives; the
// emulator's log is a client's wire, answers included; scripted first-attempt faults meet only their call.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startEmulator } from '../../emulator/index.ts';
import { readAnswer, readHello, requestLine, timestampPaths, viewOf } from '../../targets/adapterProtocol.ts';
import { inProcessLink, adminRouteLink } from '../../targets/emulatorLink.ts';
import { operations } from '../../specs/index.ts';
import { createOmicsClient, callThroughSdk } from '../../targets/sdkClient.ts';
import { DUMMY_CREDENTIALS } from '../../targets/credentials.ts';

const test = suite('targets: the adapter protocol');

test('hello and answer lines: what is not one is named', () => {
  assert.equal(readHello('{"ready":true,"client":"x 1.0"}'), { ready: true, client: 'x 1.0' });
  assert.equal(readHello('{"ready":false,"missing":"install x"}'), { ready: false, missing: 'install x' });
  assert.match(readHello('starting…') as string, /first line is not JSON/);
  assert.match(readHello('{"id":1}') as string, /not a hello/);
  assert.equal(readAnswer('{"id":3,"output":{"a":1}}'), { id: 3, output: { a: 1 } });
  assert.equal(readAnswer('{"id":3,"output":{},"known":["id","s3Access.s3Uri"]}'), { id: 3, output: {}, known: ['id', 's3Access.s3Uri'] });
  assert.equal(readAnswer('{"id":3,"output":{},"known":[1]}'), { id: 3, output: {} });
  assert.match(readAnswer('Traceback') as string, /not JSON/);
  assert.match(readAnswer('{"output":{}}') as string, /without a numeric id/);
  assert.match(readAnswer('{"id":1,"error":{"message":"m"}}') as string, /error\.code/);
  assert.match(readAnswer('{"id":1,"error":{"code":"X","message":"m","httpStatus":42}}') as string, /httpStatus/);
  assert.match(readAnswer('{"id":1,"error":{"code":"X","message":"m","kind":"odd"}}') as string, /error\.kind/);
  assert.match(readAnswer('{"id":1}') as string, /neither an output object nor an error/);
});

test('a request line: the input in wire form, and where its timestamps are', () => {
  const after = new Date('2024-05-06T07:08:09.000Z');
  const line = JSON.parse(requestLine({ id: 1, op: 'ListSequenceStores', input: { filter: { createdAfter: after, name: 'x' } }, endpoint: 'http://127.0.0.1:1', region: 'us-east-1', credentials: DUMMY_CREDENTIALS, retry: { maxAttempts: 2 }, timeoutMs: 1000 }));
  assert.is(line.input.filter.createdAfter, '2024-05-06T07:08:09.000Z');
  assert.equal(line.timestamps, ['filter.createdAfter']);
  assert.equal(timestampPaths(operations.CreateSequenceStore.input, { name: 'x', tags: { a: 'b' } }), []);
});

test('answers as the JS SDK gives them: Dates, error kinds, what the client leaves unsaid', () => {
  const ok = viewOf('GetSequenceStore', { id: 1, output: { id: '1234567890', creationTime: '2024-05-06T07:08:09+00:00' } });
  const creationTime = 'client' in ok ? ok.client.output?.creationTime : undefined;
  assert.instance(creationTime, Date);
  assert.is((creationTime as Date).toISOString(), '2024-05-06T07:08:09.000Z');
  const service = viewOf('GetSequenceStore', { id: 1, error: { code: 'ThrottlingException', message: 'slow down', httpStatus: 429, retryable: { throttling: true } } });
  assert.equal(service, { client: { error: { name: 'ThrottlingException', message: 'slow down', retryable: { throttling: true }, httpStatus: 429, unreported: ['fault', 'isModeledClass'] } } });
  const plain = viewOf('GetSequenceStore', { id: 1, error: { code: 'X', message: 'm', httpStatus: 400, retryable: false, fault: 'client', modeled: true } });
  assert.equal(plain, { client: { error: { name: 'X', message: 'm', fault: 'client', httpStatus: 400, isModeledClass: true } } });
  assert.equal(viewOf('GetSequenceStore', { id: 1, error: { code: 'ParamValidationError', message: 'too short', kind: 'client' } }), { client: { error: { name: 'ParamValidationError', message: 'too short', unreported: ['fault', 'retryable', 'isModeledClass'], refusedByClient: true } } });
  assert.equal(viewOf('GetSequenceStore', { id: 1, error: { code: 'Timeout', message: 'no answer' } }), { transportError: 'Timeout: no answer' });
  assert.equal(viewOf('UpdateSequenceStore', { id: 1, error: { code: 'UnknownOperation', message: 'its model has no operation UpdateSequenceStore', kind: 'unsupported' } }), { unsupported: 'its model has no operation UpdateSequenceStore' });
});

test("the emulator's log is a client's wire: requests and answers, in process and over the admin route", async () => {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const client = createOmicsClient({ region: emulator.core.config.region, endpoint: emulator.url, credentials: DUMMY_CREDENTIALS });
  try {
    for (const link of [inProcessLink(emulator), (await adminRouteLink(emulator.url))!]) {
      const mark = await link.mark();
      await callThroughSdk(client, 'GetSequenceStore', { id: '1234567890' }, { captureWire: false });
      const [x, ...rest] = await link.exchangesSince(mark);
      assert.is(rest.length, 0);
      assert.is(x!.request.method, 'GET');
      assert.is(x!.request.path, '/sequencestore/1234567890');
      assert.is(x!.response!.status, 404);
      assert.is(x!.response!.headers['x-amzn-errortype'], 'ResourceNotFoundException');
      assert.match(JSON.parse(x!.response!.body).message, /1234567890/);
    }
    assert.is(await adminRouteLink('http://127.0.0.1:9'), undefined, 'no admin route there');
  } finally {
    client.destroy();
    await emulator.close();
  }
});

test('first attempts failed on purpose meet only that call; a fault it did not use is withdrawn', async () => {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const client = createOmicsClient({ region: emulator.core.config.region, endpoint: emulator.url, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  try {
    const link = inProcessLink(emulator);
    const obs = await link.withFirstAttemptsFailing('ListSequenceStores', ['InternalServerException', 'ThrottlingException'], () => callThroughSdk(client, 'ListSequenceStores', {}, { captureWire: true }));
    assert.is(obs.client.error?.name, 'InternalServerException');
    assert.is(emulator.core.faults.plan().script.length, 0, 'the unused ThrottlingException was withdrawn');
    const after = await callThroughSdk(client, 'ListSequenceStores', {}, { captureWire: true });
    assert.ok(after.client.output, 'a later call is answered');
  } finally {
    client.destroy();
    await emulator.close();
  }
});

test.run();
