// --verify-sigv4 wired into the front: the auth errors AWS uses, and per-key operation limits.
import { CreateSequenceStoreCommand, ListSequenceStoresCommand, AccessDeniedException } from '@aws-sdk/client-omics';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { parseCredentialSpec } from '../../emulator/sigv4/verifier.ts';
import { dummyCredentials, omicsClient, rawRequest, rejection } from './helpers.ts';

const test = suite('emulator: SigV4 verification on and off');
let emulator: RunningEmulator;
const reader = { accessKeyId: 'AKIDREADER', secretAccessKey: 'reader-secret' };

test.before(async () => {
  emulator = await startEmulator({
    verifySigV4: true,
    credentials: [
      { ...dummyCredentials },
      parseCredentialSpec(`${reader.accessKeyId}:${reader.secretAccessKey}:ListSequenceStores,GetSequenceStore`),
    ],
  });
});
test.after(() => emulator.close());

test('a request signed with a configured key passes', async () => {
  const client = omicsClient(emulator.url);
  try {
    const out = await client.send(new CreateSequenceStoreCommand({ name: 'signed' }));
    assert.ok(out.id);
  } finally {
    client.destroy();
  }
});

test('unsigned, badly signed and unknown-key requests get 403 with the AWS error types', async () => {
  const unsigned = await rawRequest(emulator.url, 'POST', '/sequencestores', '{}');
  assert.is(unsigned.status, 403);
  assert.is(unsigned.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
  const wrongSecret = omicsClient(emulator.url, { credentials: { ...dummyCredentials, secretAccessKey: 'not-the-secret' } });
  const unknownKey = omicsClient(emulator.url, { credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' } });
  try {
    const bad = await rejection(wrongSecret.send(new ListSequenceStoresCommand({})));
    assert.is(bad.name, 'InvalidSignatureException');
    assert.is(bad.$metadata.httpStatusCode, 403);
    const unknown = await rejection(unknownKey.send(new ListSequenceStoresCommand({})));
    assert.is(unknown.name, 'UnrecognizedClientException');
    assert.is(unknown.$metadata.httpStatusCode, 403);
  } finally {
    wrongSecret.destroy();
    unknownKey.destroy();
  }
});

test('a key limited to some operations gets AccessDeniedException (403) for the others', async () => {
  const client = omicsClient(emulator.url, { credentials: reader });
  try {
    await client.send(new ListSequenceStoresCommand({}));
    const denied = await rejection(client.send(new CreateSequenceStoreCommand({ name: 'not allowed' })));
    assert.instance(denied, AccessDeniedException);
    assert.is(denied.$metadata.httpStatusCode, 403);
    assert.match(denied.message, /CreateSequenceStore/);
  } finally {
    client.destroy();
  }
});

test('without --verify-sigv4 an unsigned request is served', async () => {
  const open = await startEmulator();
  try {
    assert.is((await rawRequest(open.url, 'POST', '/sequencestores', '{}')).status, 200);
  } finally {
    await open.close();
  }
});

test.run();
