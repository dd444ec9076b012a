import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { BODY_LIMIT, REDACTED, reportedExchange, wasCut } from '../../reports/exchange.ts';
import type { WireExchange } from '../../targets/types.ts';

const exchange = suite('reports: the raw HTTP exchange a report keeps');

const signed: WireExchange = {
  request: {
    method: 'POST',
    path: '/sequencestore?x=1',
    headers: { host: '127.0.0.1:4566', 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/omics/aws4_request, Signature=abc', 'x-amz-security-token': 'FwoGZXIvYXdzEXAMPLE' },
    body: '{"name":"a"}',
  },
  response: { status: 400, headers: { 'x-amzn-errortype': 'ValidationException', 'set-cookie': 'session=1' }, body: '{"message":"no"}' },
};

exchange('credential headers are redacted, every other header kept as sent', () => {
  const r = reportedExchange(signed, 'http://127.0.0.1:4566');
  assert.is(r.request.headers.authorization, REDACTED);
  assert.is(r.request.headers['x-amz-security-token'], REDACTED);
  assert.is(r.response!.headers['set-cookie'], REDACTED);
  assert.is(r.request.headers['content-type'], 'application/json');
  assert.is(r.response!.headers['x-amzn-errortype'], 'ValidationException');
  assert.not.ok(JSON.stringify(r).includes('AKIDEXAMPLE'));
  assert.not.ok(JSON.stringify(r).includes('FwoGZXIvYXdzEXAMPLE'));
});

exchange('the URI is absolute: the endpoint\'s scheme, the host the request named, path and query', () => {
  assert.is(reportedExchange(signed, 'http://127.0.0.1:4566').request.uri, 'http://127.0.0.1:4566/sequencestore?x=1');
  const real = { ...signed, request: { ...signed.request, headers: { host: 'control-storage-omics.us-east-1.amazonaws.com' } } };
  assert.is(reportedExchange(real, undefined).request.uri, 'https://control-storage-omics.us-east-1.amazonaws.com/sequencestore?x=1');
  const hostless = { request: { ...signed.request, headers: {} } };
  assert.is(reportedExchange(hostless, undefined).request.uri, '/sequencestore?x=1');
});

exchange('bodies are cut at the limit with an ellipsis; an exchange without an answer has no response', () => {
  const long = 'x'.repeat(BODY_LIMIT + 10);
  const r = reportedExchange({ request: { ...signed.request, body: long } }, 'http://127.0.0.1:4566');
  assert.is(r.request.body.length, BODY_LIMIT + 1);
  assert.ok(r.request.body.endsWith('…'));
  assert.ok(wasCut(r.request.body));
  assert.not.ok(wasCut('x'.repeat(BODY_LIMIT)));
  assert.is(r.response, undefined);
});

exchange.run();
