// The wire check's reading of a request against what encodeRequest makes of the same input.
import * as assert from 'uvu/assert';
import { encodeRequest } from '../../specs/index.ts';
import { requestProblems } from '../../suites/wire/binding.ts';
import type { WireRequest } from '../../targets/types.ts';
import { suite } from '../support/suite.ts';

const binding = suite('suites/wire: a request against encodeRequest');

const request = (method: string, path: string, body = ''): WireRequest => ({ method, path, headers: body ? { 'content-type': 'application/json' } : {}, body });
const ARN = 'arn:aws:omics:us-east-1:111111111111:sequenceStore/1234567890';

binding('what encodeRequest makes of an input has no problems, for every kind of member', () => {
  const inputs = [
    ['UntagResource', { resourceArn: ARN, tagKeys: ['a b', 'c/d', '(x)', 'ü+'] }],
    ['ListSequenceStores', { maxResults: 5, nextToken: 'a+b c', filter: { name: 'n' } }],
    ['UpdateSequenceStore', { id: '1234567890', name: 'n', clientToken: 't' }],
    ['GetSequenceStore', { id: 'a/b c%d é' }],
  ] as const;
  for (const [op, input] of inputs) assert.equal(requestProblems(op, input, encodeRequest(op, input)), [], op);
});

binding('another valid spelling of the same request has none either: lower-case escapes, a trailing empty query', () => {
  assert.equal(requestProblems('GetSequenceStore', { id: 'a/b' }, request('GET', '/sequencestore/a%2fb')), []);
  assert.equal(requestProblems('ListTagsForResource', { resourceArn: ARN }, request('GET', `${encodeRequest('ListTagsForResource', { resourceArn: ARN }).path}?`)), []);
});

binding('a label that is not percent-encoded, or reads another value, is named', () => {
  assert.equal(requestProblems('GetSequenceStore', { id: '(x)' }, request('GET', '/sequencestore/(x)')), ['label id travels as "(x)", not percent-encoded']);
  assert.equal(requestProblems('GetSequenceStore', { id: 'a' }, request('GET', '/sequencestore/b')), ['label id reads "b", the input says "a"']);
  assert.equal(requestProblems('GetSequenceStore', { id: 'a' }, request('GET', '/sequencestore/a/b')), ['path /sequencestore/a/b does not have the segments of /sequencestore/{id}']);
});

binding('query departures are named: a value, a missing or extra key, a + for a space, a broken escape', () => {
  const list = (query: string) => requestProblems('ListSequenceStores', { maxResults: 5, nextToken: 'a b' }, request('POST', `/sequencestores${query}`, '{}'));
  assert.equal(list('?maxResults=5&nextToken=a%20b'), []);
  assert.equal(list('?maxResults=6&nextToken=a%20b'), ['query maxResults=["6"], the input says ["5"]']);
  assert.equal(list('?maxResults=5'), ['query nextToken=[], the input says ["a b"]']);
  assert.equal(list('?maxResults=5&nextToken=a%20b&x=1'), ['query parameter x is not in the binding']);
  assert.equal(list('?maxResults=5&nextToken=a+b'), ['query nextToken=["a+b"], the input says ["a b"]']);
  assert.equal(list('?maxResults=5&nextToken=%ZZ'), ['the query string "maxResults=5&nextToken=%ZZ" is not valid percent-encoding']);
  const untag = requestProblems('UntagResource', { resourceArn: ARN, tagKeys: ['k1', 'k2'] }, request('DELETE', `${encodeRequest('UntagResource', { resourceArn: ARN, tagKeys: ['k2', 'k1'] }).path}`));
  assert.equal(untag, ['query tagKeys=["k2","k1"], the input says ["k1","k2"]']);
});

binding.run();
