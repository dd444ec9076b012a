import * as Omics from '@aws-sdk/client-omics';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { emulatorTarget } from '../../targets/emulator.ts';
import { endpointTarget } from '../../targets/endpoint.ts';
import { mockTarget } from '../../targets/mock.ts';
import { DUMMY_CREDENTIALS } from '../../targets/credentials.ts';
import { can } from '../../targets/capabilities.ts';
import { sanitizeErrorType } from '../../targets/errorType.ts';
import { startEmulator } from '../../emulator/index.ts';
import type { Target } from '../../targets/types.ts';

const targets = suite('targets: one interface, three local targets');

async function roundTrip(target: Target) {
  const created = await target.call('CreateSequenceStore', { name: 'round trip', tags: { team: 'omics' } });
  assert.ok(created.client.output, JSON.stringify(created.client));
  const id = created.client.output!.id as string;
  const got = await target.call('GetSequenceStore', { id });
  assert.is(got.client.output!.id, id);
  assert.instance(got.client.output!.creationTime, Date);
  const missing = await target.call('GetSequenceStore', { id: '0'.repeat(10) });
  assert.is(missing.client.error?.name, 'ResourceNotFoundException');
  assert.is(missing.client.error?.httpStatus, 404);
  assert.is(missing.client.error?.fault, 'client');
  assert.ok(missing.client.error?.isModeledClass);
  const invalid = await target.call('CreateSequenceStore', { name: 'n'.repeat(128) });
  assert.is(invalid.client.error?.name, 'ValidationException');
  return { id, created };
}

targets('the emulator target: SDK output, errors, and the wire as it was sent', async () => {
  const target = await emulatorTarget();
  try {
    assert.ok(can(target, 'wire-capture'));
    assert.match(target.endpoint!, /^http:\/\/127\.0\.0\.1:\d+$/);
    const { created } = await roundTrip(target);
    const [exchange] = created.wire!;
    assert.is(exchange!.request.method, 'POST');
    assert.is(exchange!.request.path, '/sequencestore');
    assert.is(JSON.parse(exchange!.request.body).name, 'round trip');
    assert.ok(JSON.parse(exchange!.request.body).clientToken, 'the SDK fills the idempotency token');
    assert.match(exchange!.request.headers.authorization ?? '', /^AWS4-HMAC-SHA256 /);
    assert.is(exchange!.response!.status, 200);
    assert.is(typeof JSON.parse(exchange!.response!.body).creationTime, 'string');
  } finally {
    await target.close();
  }
});

targets('the endpoint target reaches an emulator started on its own', async () => {
  const emulator = await startEmulator({ port: 0 });
  const target = endpointTarget({ endpoint: emulator.url, region: emulator.core.config.region, credentials: DUMMY_CREDENTIALS });
  try {
    await roundTrip(target);
  } finally {
    await target.close();
    await emulator.close();
  }
});

targets('the mock target answers in-process with the SDK exception classes and no wire', async () => {
  const target = mockTarget();
  try {
    assert.not.ok(can(target, 'wire-capture'));
    const { created } = await roundTrip(target);
    assert.is(created.wire, undefined);
  } finally {
    await target.close();
  }
});

targets('raw requests carry what an SDK cannot: a number where a string belongs', async () => {
  const target = await emulatorTarget();
  try {
    const raw = await target.sendRaw!('CreateSequenceStore', { name: 5 });
    assert.is(raw.via, 'wire');
    assert.is(raw.wire![0]!.request.body, '{"name":5}');
    assert.is(raw.client.error?.name, 'ValidationException');
    assert.is(raw.client.error?.httpStatus, 400);
    const created = await target.call('CreateSequenceStore', { name: 'arn label' });
    const tags = await target.sendRaw!('ListTagsForResource', { resourceArn: created.client.output!.arn });
    assert.match(tags.wire![0]!.request.path, /^\/tags\/arn%3Aaws%3Aomics%3A/);
    assert.equal(tags.client.output, { tags: {} });
  } finally {
    await target.close();
  }
});

targets('an unreachable endpoint is a transport error, within the time limit', async () => {
  const emulator = await startEmulator({ port: 0 });
  const url = emulator.url;
  await emulator.close();
  const target = endpointTarget({ endpoint: url, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, timeoutMs: 2000 });
  try {
    const obs = await target.call('ListSequenceStores', {});
    assert.ok(obs.transportError, JSON.stringify(obs.client));
    const raw = await target.sendRaw!('ListSequenceStores', {});
    assert.ok(raw.transportError);
  } finally {
    await target.close();
  }
});

targets('error types are read as clients read them', () => {
  assert.is(sanitizeErrorType('ValidationException'), 'ValidationException');
  assert.is(sanitizeErrorType('ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/'), 'ValidationException');
  assert.is(sanitizeErrorType('aws.protocoltests.restjson#FooError'), 'FooError');
  assert.is(sanitizeErrorType('aws.protocoltests.restjson#FooError:http://internal.amazon.com/'), 'FooError');
  assert.ok(Omics.ValidationException);
});

targets.run();
