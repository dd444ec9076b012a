// The first answer of a run tells HealthOmics from anything else, and transport errors read as one
// plain sentence.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { errors } from '../../specs/index.ts';
import { notHealthOmics, plainTransportError } from '../../targets/speaks.ts';
import type { Observation } from '../../targets/types.ts';

const test = suite('targets: does the target speak HealthOmics');
const URL = 'http://127.0.0.1:4566';

function answered(status: number, body: string, type: string, client: Observation['client']): Observation {
  return { operation: 'ListSequenceStores', input: {}, via: 'sdk', client, durationMs: 1, wire: [{ request: { method: 'POST', path: '/sequencestores', headers: {}, body: '{}' }, response: { status, headers: { 'content-type': type }, body } }] } as Observation;
}
const failed = (name: string, status: number) => ({ error: { name, message: name, httpStatus: status } });

test('a list of stores, a modelled error, and a JSON success the SDK could not read all speak HealthOmics', () => {
  assert.is(notHealthOmics(answered(200, '{"sequenceStores":[]}', 'application/json', { output: { sequenceStores: [] } }), URL), undefined);
  assert.is(notHealthOmics(answered(429, '{}', 'application/json', failed(errors.ThrottlingException.name, 429)), URL), undefined);
  assert.is(notHealthOmics(answered(200, '{"sequenceStores":"x"}', 'application/json', failed('TypeError', 200)), URL), undefined, 'a wrong member is for the shape checks');
});

test('HTML, 404, 501, refused credentials and an unmodelled error are named for what they are', () => {
  assert.match(notHealthOmics(answered(200, '<!doctype html>', 'text/html', failed('SyntaxError', 200)), URL)!, /answered HTML \(HTTP 200\), not HealthOmics/);
  assert.match(notHealthOmics(answered(404, 'Not Found', 'text/plain', failed('UnknownError', 404)), URL)!, /answered 404 at \/sequencestores: is the URL right/);
  assert.match(notHealthOmics(answered(501, '{"__type":"InternalFailure","message":"not yet implemented"}', 'application/json', failed('InternalFailure', 501)), URL)!, /answered 501 InternalFailure: not yet implemented: it does not implement HealthOmics/);
  assert.match(notHealthOmics(answered(403, '{"message":"The security token included in the request is invalid."}', 'application/json', failed('UnrecognizedClientException', 403)), URL)!, /refused the credentials \(HTTP 403 UnrecognizedClientException/);
  assert.match(notHealthOmics(answered(403, '{}', 'application/json', failed(errors.AccessDeniedException.name, 403)), URL)!, /refused ListSequenceStores to these credentials \(AccessDeniedException/);
  assert.match(notHealthOmics(answered(500, '{"__type":"Boom"}', 'application/json', failed('Boom', 500)), URL)!, /answered ListSequenceStores with HTTP 500 Boom, which is not an answer HealthOmics gives/);
});

test('transport errors in one plain sentence', () => {
  assert.is(plainTransportError('getaddrinfo ENOTFOUND omics.example.invalid', 'https://omics.example.invalid'), 'the host name omics.example.invalid does not resolve (DNS)');
  assert.is(plainTransportError('connect ECONNREFUSED 127.0.0.1:4566', URL), 'nothing answers at 127.0.0.1:4566 (connection refused)');
  assert.is(plainTransportError('write EPROTO 40E7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', 'https://127.0.0.1:4566'), 'the TLS handshake failed: the server at 127.0.0.1:4566 does not speak TLS (is it plain http://?)');
  assert.match(plainTransportError('self-signed certificate in certificate chain', 'https://127.0.0.1:4566'), /^the server's TLS certificate is not trusted/);
});

test.run();
