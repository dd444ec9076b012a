import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { errorNames, errorSchema, inputSchema, mustViolations, operationNames, outputSchema, schemaErrors, validateInput } from '../../specs/index.ts';

const schemas = suite('specs: JSON Schemas derived from the contract');

const store = {
  id: '1234567890',
  arn: 'arn:aws:omics:us-east-1:123456789012:sequenceStore/1234567890',
  name: 'store',
  creationTime: '2024-05-06T07:08:09.123Z',
  eTagAlgorithmFamily: 'MD5up',
  status: 'ACTIVE',
  s3Access: { s3Uri: 's3://123456789012-1234567890-ab12cd34ef-s3alias/123456789012/sequenceStore/1234567890/', s3AccessPointArn: 'arn:aws:s3:us-east-1:123456789012:accesspoint/1234567890' },
};

schemas('every operation has an input and output schema that ajv compiles', () => {
  for (const op of operationNames) {
    assert.type(schemaErrors(inputSchema(op), {}), 'object');
    assert.type(schemaErrors(outputSchema(op), {}), 'object');
  }
  for (const e of errorNames) assert.equal(schemaErrors(errorSchema(e), { message: 'm' }), []);
});

schemas('a well-formed Get response passes; a numeric creationTime and a bad status do not', () => {
  assert.equal(schemaErrors(outputSchema('GetSequenceStore'), store), []);
  assert.ok(schemaErrors(outputSchema('GetSequenceStore'), { ...store, creationTime: 1714979289 }).some((e) => e.path === '/creationTime'));
  assert.ok(schemaErrors(outputSchema('GetSequenceStore'), { ...store, status: 'active' }).some((e) => e.path === '/status'));
  assert.ok(schemaErrors(outputSchema('GetSequenceStore'), { ...store, id: undefined }).length > 0);
});

schemas('output schemas accept members a newer service adds unless closed', () => {
  assert.equal(schemaErrors(outputSchema('GetSequenceStore'), { ...store, brandNew: true }), []);
  assert.ok(schemaErrors(outputSchema('GetSequenceStore', { closed: true }), { ...store, brandNew: true }).length > 0);
});

schemas('an error body needs its message', () => {
  assert.ok(schemaErrors(errorSchema('ValidationException'), {}).length > 0);
});

schemas('the body-only schema leaves out path labels and query members', () => {
  const body = inputSchema('UntagResource', { bodyOnly: true }) as { properties: Record<string, unknown> };
  assert.equal(Object.keys(body.properties), []);
  const list = inputSchema('ListSequenceStores', { bodyOnly: true }) as { properties: Record<string, unknown> };
  assert.equal(Object.keys(list.properties), ['filter']);
});

schemas('ajv and validateInput agree on MUST rules, and the documented limit joins with {documented: true}', () => {
  const samples: unknown[] = [
    { name: 'ok' },
    { name: '' },
    { name: 'n'.repeat(128) },
    { name: 'a\u200bb' },
    { name: 'n', tags: { ['k'.repeat(129)]: 'v' } },
    { name: 'n', tags: { k: 'v'.repeat(257) } },
    { name: 'n', eTagAlgorithmFamily: 'md5' },
    { name: 'n', sseConfig: {} },
    { name: 'n', propagatedSetLevelTags: Array.from({ length: 51 }, (_, i) => `k${i}`) },
    { name: 'n', fallbackLocation: 's3://x' },
    { name: 'n', description: '😀'.repeat(255) },
    { name: 'n', description: '🧬 (Unicode 10.0) is admitted by some versions of the window, so only validateInput at OBSERVED level speaks of it' },
    { name: 'n', tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
  ];
  for (const s of samples) {
    const must = mustViolations('CreateSequenceStore', s).length === 0;
    const all = validateInput('CreateSequenceStore', s).filter((v) => v.level !== 'OBSERVED').length === 0;
    assert.is(schemaErrors(inputSchema('CreateSequenceStore'), s).length === 0, must, JSON.stringify(s).slice(0, 80));
    assert.is(schemaErrors(inputSchema('CreateSequenceStore', { documented: true }), s).length === 0, all, JSON.stringify(s).slice(0, 80));
  }
});

schemas('a version-dependent character: no schema error, an OBSERVED violation, a verdict in each Unicode version', () => {
  const s = { name: 'n', description: 'sign \u20c1' };
  assert.equal(schemaErrors(inputSchema('CreateSequenceStore'), s), []);
  assert.equal(validateInput('CreateSequenceStore', s).map((v) => [v.path, v.rule, v.level]), [['description', 'pattern', 'OBSERVED']]);
  assert.equal(validateInput('CreateSequenceStore', s, { unicodeVersion: '17.0' }), []);
  assert.equal(validateInput('CreateSequenceStore', s, { unicodeVersion: '16.0' }).map((v) => [v.path, v.rule, v.level]), [['description', 'pattern', 'MUST']]);
});

schemas.run();
