import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import * as assert from 'uvu/assert';
import { validInput } from '../../generators/validInput.ts';
import { decodeRequest, encodeRequest, operationNames, operations, percentEncode, type DecodedRequest } from '../../specs/index.ts';
import { toWireForm } from '../../targets/sdkForm.ts';
import { suite } from '../support/suite.ts';

const binding = suite('specs: the restJson1 binding, both ways');

const SEED = process.env.OMICS_SEED !== undefined ? Number(process.env.OMICS_SEED) : randomBytes(4).readUInt32LE() >>> 1;

const sendThrough = (operation: Parameters<typeof encodeRequest>[0], input: Record<string, unknown>): DecodedRequest => {
  const request = encodeRequest(operation, input);
  return decodeRequest(request.method, request.path, request.body);
};

binding('every operation: a valid input comes back from its request as it went in (wire form)', () => {
  console.log(`  seed ${SEED} (OMICS_SEED gives it again)`);
  for (const op of operationNames) {
    fc.assert(
      fc.property(validInput(op), (input) => {
        const decoded = sendThrough(op, input);
        const expected = JSON.parse(JSON.stringify(toWireForm(operations[op].input, input))) as Record<string, unknown>;
        assert.equal(decoded, { ok: true, operation: op, input: expected }, `${op} ${JSON.stringify(input).slice(0, 200)}`);
      }),
      { seed: SEED, numRuns: 40 },
    );
  }
});

binding('a label with characters that need percent-encoding survives, each one encoded', () => {
  const id = 'a/b c%d é(x)!*\u{1F600}';
  const request = encodeRequest('GetSequenceStore', { id });
  assert.is(request.path, '/sequencestore/a%2Fb%20c%25d%20%C3%A9%28x%29%21%2A%F0%9F%98%80');
  assert.equal(decodeRequest('GET', request.path, ''), { ok: true, operation: 'GetSequenceStore', input: { id } });
  const arn = 'arn:aws:omics:us-east-1:111111111111:sequenceStore/1234567890';
  const tags = encodeRequest('ListTagsForResource', { resourceArn: arn });
  assert.is(tags.path, '/tags/arn%3Aaws%3Aomics%3Aus-east-1%3A111111111111%3AsequenceStore%2F1234567890');
  assert.equal(sendThrough('ListTagsForResource', { resourceArn: arn }), { ok: true, operation: 'ListTagsForResource', input: { resourceArn: arn } });
});

binding('query members: scalars once, a list as repeated keys, integers read back as numbers', () => {
  const list = encodeRequest('ListSequenceStores', { maxResults: 5, nextToken: 'a b+c/d', filter: { name: 'n' } });
  assert.is(list.path, '/sequencestores?maxResults=5&nextToken=a%20b%2Bc%2Fd');
  assert.is(list.body, '{"filter":{"name":"n"}}');
  assert.equal(decodeRequest('POST', list.path, list.body), { ok: true, operation: 'ListSequenceStores', input: { maxResults: 5, nextToken: 'a b+c/d', filter: { name: 'n' } } });
  const untag = encodeRequest('UntagResource', { resourceArn: 'r', tagKeys: ['k1', 'k 2', 'ü'] });
  assert.is(untag.path, '/tags/r?tagKeys=k1&tagKeys=k%202&tagKeys=%C3%BC');
  assert.is(untag.body, '');
  assert.equal(decodeRequest('DELETE', untag.path, ''), { ok: true, operation: 'UntagResource', input: { resourceArn: 'r', tagKeys: ['k1', 'k 2', 'ü'] } });
  // A '+' a client wrote for a space reads as one; an integer that is not one stays text for validation to refuse.
  assert.equal(decodeRequest('POST', '/sequencestores?nextToken=a+b&maxResults=5x', ''), { ok: true, operation: 'ListSequenceStores', input: { maxResults: '5x', nextToken: 'a b' } });
});

binding('method, body, headers and host prefix are the operation\'s', () => {
  const create = encodeRequest('CreateSequenceStore', { name: 'n', clientToken: 't' });
  assert.equal(create, { method: 'POST', path: '/sequencestore', headers: { 'content-type': 'application/json' }, body: '{"name":"n","clientToken":"t"}', hostPrefix: operations.CreateSequenceStore.http.hostPrefix });
  const get = encodeRequest('GetSequenceStore', { id: '1234567890' });
  assert.equal([get.method, get.headers, get.body, get.hostPrefix], ['GET', {}, '', operations.GetSequenceStore.http.hostPrefix]);
  // An operation with body members always sends a JSON object, an empty one too.
  assert.is(encodeRequest('ListSequenceStores', {}).body, '{}');
});

binding('an input as given: unknown members travel in the body, a wrong type as it is, a missing label as an empty segment', () => {
  const request = encodeRequest('GetSequenceStore', { extra: 1 });
  assert.is(request.path, '/sequencestore/');
  assert.is(request.body, '{"extra":1}');
  assert.is(encodeRequest('GetSequenceStore', { id: 12 }).path, '/sequencestore/12');
  assert.is(encodeRequest('CreateSequenceStore', { name: 5 }).body, '{"name":5}');
});

binding('a lone surrogate goes out as its WTF-8 bytes, which do not decode', () => {
  const request = encodeRequest('GetSequenceStore', { id: 'a\uD800' });
  assert.is(request.path, `/sequencestore/a${percentEncode('\uD800')}`);
  assert.is(percentEncode('\uD800'), '%ED%A0%80');
  const decoded = decodeRequest('GET', request.path, '');
  assert.equal(decoded.ok === false && decoded.error.kind, 'bad-encoding');
});

binding('what names no operation, or does not decode, is a typed error, in the order a server answers', () => {
  const kind = (d: DecodedRequest) => (d.ok ? 'ok' : d.error.kind);
  assert.equal(decodeRequest('GET', '/no/such/thing', ''), { ok: false, error: { kind: 'unknown-operation', message: 'No operation matches GET /no/such/thing' } });
  assert.is(kind(decodeRequest('PUT', '/sequencestore', '')), 'unknown-operation');
  assert.is(kind(decodeRequest('GET', '/sequencestore', '')), 'unknown-operation');
  assert.is(kind(decodeRequest('GET', '/sequencestore/a/b', '')), 'unknown-operation');
  assert.is(kind(decodeRequest('GET', '/sequencestore/1/', '')), 'ok');
  assert.equal(decodeRequest('GET', '/sequencestore/%ZZ', ''), {
    ok: false,
    error: { kind: 'bad-encoding', operation: 'GetSequenceStore', message: 'The request path or query string is not valid percent-encoding: /sequencestore/%ZZ' },
  });
  assert.is(kind(decodeRequest('POST', '/sequencestores?nextToken=%FF', '{')), 'bad-encoding');
  assert.equal(decodeRequest('POST', '/sequencestore', '[1]'), { ok: false, error: { kind: 'bad-body', operation: 'CreateSequenceStore', message: 'The request body must be a JSON object' } });
  assert.is(kind(decodeRequest('POST', '/sequencestore', Buffer.from([0x7b, 0xff, 0x7d]))), 'bad-body');
  assert.is(kind(decodeRequest('POST', '/sequencestore', '{"name":')), 'bad-body');
});

binding('what the binding does not place is dropped when decoding', () => {
  const decoded = decodeRequest('PATCH', '/sequencestore/1?id=2&other=3', '{"id":"4","name":"n","other":5}');
  assert.equal(decoded, { ok: true, operation: 'UpdateSequenceStore', input: { id: '1', name: 'n' } });
});

binding.run();
