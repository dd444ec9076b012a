// targets/retry.ts: a target given retries sends a transient answer's request again — SDK calls and
// raw sends alike, the same token on every attempt — and never waits past a call's time limit.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as assert from 'uvu/assert';
import { DUMMY_CREDENTIALS } from '../../targets/credentials.ts';
import { emulatorTarget } from '../../targets/emulator.ts';
import { endpointTarget } from '../../targets/endpoint.ts';
import { transientAnswer } from '../../targets/retry.ts';
import { suite } from '../support/suite.ts';

const retry = suite('targets: retries of transient answers');

const noFaults = { rate: 0, errors: [], operations: [], latencyMs: [0, 0] as [number, number], script: [] };
const statuses = (wire: readonly { response?: { status: number } }[] | undefined) => (wire ?? []).map((x) => x.response?.status);
const tokens = (wire: readonly { request: { body: string } }[] | undefined) => (wire ?? []).map((x) => (JSON.parse(x.request.body) as { clientToken?: string }).clientToken);

retry('without retries one attempt; with N retries 1 + N attempts, SDK and raw, ending on the last answer', async () => {
  const faults = { ...noFaults, rate: 1, errors: ['ThrottlingException' as const], operations: ['ListSequenceStores' as const] };
  const once = await emulatorTarget({ faults });
  const thrice = await emulatorTarget({ faults, retries: 2 });
  try {
    const a = await once.call('ListSequenceStores', {});
    assert.equal(statuses(a.wire), [429]);
    const b = await thrice.call('ListSequenceStores', {});
    assert.equal(statuses(b.wire), [429, 429, 429]);
    assert.is(b.client.error?.name, 'ThrottlingException');
    const raw = await thrice.sendRaw!('ListSequenceStores', {});
    assert.equal(statuses(raw.wire), [429, 429, 429]);
    assert.is(raw.client.error?.name, 'ThrottlingException');
    const asked = await thrice.call('ListSequenceStores', {}, { maxAttempts: 1 });
    assert.equal(statuses(asked.wire), [429], 'a call that names its attempts keeps them');
  } finally {
    await once.close();
    await thrice.close();
  }
});

retry('a scripted 500 and a 408 are retried with the same request and token; a client error is not', async () => {
  const target = await emulatorTarget({ faults: { ...noFaults, script: [{ operation: 'CreateSequenceStore', count: 1, error: 'InternalServerException' }, { operation: 'CreateSequenceStore', count: 1, error: 'RequestTimeoutException' }] }, retries: 3 });
  try {
    const created = await target.call('CreateSequenceStore', { name: 'retried' });
    assert.equal(statuses(created.wire), [500, 408, 200]);
    const sent = tokens(created.wire);
    assert.ok(sent[0] !== undefined && sent.every((t) => t === sent[0]), `one token: ${sent.join(', ')}`);
    assert.ok(created.client.output?.id);
    const invalid = await target.call('CreateSequenceStore', { name: 'n'.repeat(128) });
    assert.equal(statuses(invalid.wire), [400]);
    const rawInvalid = await target.sendRaw!('CreateSequenceStore', { name: 5 });
    assert.equal(statuses(rawInvalid.wire), [400]);
  } finally {
    await target.close();
  }
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

retry('a Retry-After is honoured, and a wait that would pass the time limit is not started', async () => {
  let answered = 0;
  const { server, url } = await listen((req, res) => {
    req.resume();
    req.on('end', () => {
      if (answered++ % 2 === 0) {
        res.writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'ThrottlingException', 'retry-after': '1' });
        res.end(JSON.stringify({ message: 'slow down' }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ sequenceStores: [] }));
      }
    });
  });
  const target = endpointTarget({ endpoint: url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, retries: 3 });
  try {
    for (const send of [(o: object) => target.call('ListSequenceStores', {}, o), (o: object) => target.sendRaw!('ListSequenceStores', {}, o)]) {
      const waited = await send({ timeoutMs: 5000 });
      assert.equal(statuses(waited.wire), [429, 200]);
      assert.ok(waited.durationMs >= 1000 && waited.durationMs < 5000, `waited ${waited.durationMs} ms`);
      const short = await send({ timeoutMs: 500 });
      assert.equal(statuses(short.wire), [429], 'a 1 s Retry-After does not fit in 500 ms');
      assert.is(short.client.error?.name, 'ThrottlingException');
      assert.ok(short.durationMs < 500, `took ${short.durationMs} ms`);
      answered = 0;
    }
  } finally {
    await target.close();
    server.close();
  }
});

retry('transient answers: the contract\'s retryable errors, the timeout, any 5xx; nothing else', () => {
  const answer = (status: number, type?: string) => ({ status, headers: type ? { 'x-amzn-errortype': type } : ({} as Record<string, string>), body: '{}' });
  assert.equal(transientAnswer(answer(429, 'ThrottlingException')), { throttling: true });
  assert.equal(transientAnswer(answer(500, 'InternalServerException')), { throttling: false });
  assert.equal(transientAnswer(answer(408, 'RequestTimeoutException')), { throttling: false });
  assert.equal(transientAnswer(answer(503)), { throttling: false });
  assert.equal(transientAnswer(answer(429)), { throttling: true });
  assert.is(transientAnswer(answer(400, 'ValidationException')), undefined);
  assert.is(transientAnswer(answer(404, 'ResourceNotFoundException')), undefined);
  assert.is(transientAnswer(answer(409, 'ConflictException')), undefined);
});

retry.run();
