import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { validateInput, mustViolations, type Violation } from '../../specs/index.ts';

const validate = suite('specs: validateInput');
const brief = (vs: Violation[]) => vs.map((v) => `${v.path} ${v.rule} ${v.level}`).sort();

validate('a minimal create request is valid', () => {
  assert.equal(validateInput('CreateSequenceStore', { name: 's' }), []);
});

validate('a create request with every member at its maximum is valid', () => {
  const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${'k'.repeat(125)}${String(i).padStart(3, '0')}`, 'v'.repeat(256)]));
  const input = {
    name: 'n'.repeat(127),
    description: 'd'.repeat(255),
    sseConfig: { type: 'KMS', keyArn: 'arn:aws:kms:us-east-1:123456789012:key/' + 'a'.repeat(2048 - 39) },
    tags,
    clientToken: 't'.repeat(127),
    fallbackLocation: 's3://my-bucket/prefix/',
    eTagAlgorithmFamily: 'SHA512up',
    propagatedSetLevelTags: Object.keys(tags),
    s3AccessConfig: { accessLogLocation: 's3://log-bucket/logs/' },
  };
  assert.equal(input.sseConfig.keyArn.length, 2048);
  assert.equal(validateInput('CreateSequenceStore', input), []);
});

validate('name is required; a null name counts as absent', () => {
  assert.equal(brief(validateInput('CreateSequenceStore', {})), ['name required MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: null })), ['name required MUST']);
});

validate('each length bound is reported at its boundary and not before', () => {
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n'.repeat(128) })), ['name length.max MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', description: 'd'.repeat(256) })), ['description length.max MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', clientToken: 't'.repeat(128) })), ['clientToken length.max MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', tags: { ['k'.repeat(129)]: 'v' } })), ['tags.<key> length.max MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', tags: { k: 'v'.repeat(257) } })), ['tags.<value> length.max MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', tags: { '': 'v' } })), ['tags.<key> length.min MUST']);
  assert.equal(validateInput('CreateSequenceStore', { name: 'n', tags: { k: '' } }), []);
});

validate('51 tags on create break the documented limit (SHOULD); on TagResource the modelled one (MUST)', () => {
  const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', tags })), ['tags length.max SHOULD']);
  assert.equal(brief(validateInput('TagResource', { resourceArn: 'arn:aws:omics:us-east-1:123456789012:sequenceStore/1234567890', tags })), ['tags length.max MUST']);
});

validate('51 propagated tag keys and 51 untag keys are refused', () => {
  const keys = Array.from({ length: 51 }, (_, i) => `k${i}`);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', propagatedSetLevelTags: keys })), ['propagatedSetLevelTags length.max MUST']);
  assert.equal(brief(validateInput('UntagResource', { resourceArn: 'arn:x', tagKeys: keys })), ['tagKeys length.max MUST']);
});

validate('enum near-misses are refused: case, trailing space, empty', () => {
  for (const value of ['md5up', 'MD5UP', 'MD5up ', '']) {
    assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', eTagAlgorithmFamily: value })), ['eTagAlgorithmFamily enum MUST'], value);
  }
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', sseConfig: { type: 'kms' } })), ['sseConfig.type enum MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', sseConfig: {} })), ['sseConfig.type required MUST']);
});

validate('S3 locations and KMS key ARNs follow their patterns', () => {
  for (const ok of ['', 's3://bucket', 's3://my.bucket-1/', 's3://bucket/a/b/']) {
    assert.equal(validateInput('CreateSequenceStore', { name: 'n', fallbackLocation: ok }), [], ok);
  }
  for (const bad of ['s3:/bucket', 'S3://bucket', 's3://Bucket', 's3://b', 'http://bucket/', 's3://bucket/prefix-without-slash']) {
    assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', fallbackLocation: bad })), ['fallbackLocation pattern MUST'], bad);
  }
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', sseConfig: { type: 'KMS', keyArn: 'arn:aws:kms:us-east-1:12345:key/x' } })), ['sseConfig.keyArn pattern MUST']);
});

validate('wrong JSON types are reported as type violations', () => {
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 5 })), ['name type MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: ['a'] })), ['name type MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: { a: 1 } })), ['name type MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', tags: [['k', 'v']] })), ['tags type MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', tags: { k: null } })), ['tags.<value> type MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', { name: 'n', propagatedSetLevelTags: [null] })), ['propagatedSetLevelTags[] type MUST']);
  assert.equal(brief(validateInput('CreateSequenceStore', 'name')), [' type MUST']);
});

validate('list filters: maxResults range, timestamps as Date or date-time string', () => {
  assert.equal(brief(validateInput('ListSequenceStores', { maxResults: 0 })), ['maxResults range.min MUST']);
  assert.equal(brief(validateInput('ListSequenceStores', { maxResults: 101 })), ['maxResults range.max MUST']);
  assert.equal(brief(validateInput('ListSequenceStores', { maxResults: 1.5 })), ['maxResults type MUST']);
  assert.equal(validateInput('ListSequenceStores', { maxResults: 100, filter: { createdAfter: new Date(), updatedBefore: '2024-01-02T03:04:05.678Z', status: 'ACTIVE' } }), []);
  assert.equal(brief(validateInput('ListSequenceStores', { filter: { createdAfter: 'yesterday' } })), ['filter.createdAfter type MUST']);
  assert.equal(brief(validateInput('ListSequenceStores', { filter: { createdAfter: 1700000000 } })), ['filter.createdAfter type MUST']);
});

validate('path labels are checked like any member', () => {
  assert.equal(brief(validateInput('GetSequenceStore', {})), ['id required MUST']);
  assert.equal(brief(validateInput('GetSequenceStore', { id: '123456789' })), ['id length.min MUST']);
  assert.equal(brief(validateInput('GetSequenceStore', { id: '123456789012345678901234567890123456x' })), ['id length.max MUST', 'id pattern MUST']);
  assert.equal(brief(validateInput('ListTagsForResource', { resourceArn: 'nope' })), ['resourceArn pattern MUST']);
});

validate('the at field says where exactly, path says which rule', () => {
  const [v] = validateInput('CreateSequenceStore', { name: 'n', propagatedSetLevelTags: ['a', 'b', ''] });
  assert.is(v!.path, 'propagatedSetLevelTags[]');
  assert.is(v!.at, 'propagatedSetLevelTags[2]');
  const [w] = validateInput('CreateSequenceStore', { name: 'n', tags: { 'a b': 'v'.repeat(300) } });
  assert.is(w!.at, 'tags["a b"]');
});

validate('mustViolations leaves out SHOULD-level violations', () => {
  const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
  assert.equal(mustViolations('CreateSequenceStore', { name: 'n', tags }), []);
});

validate('members the contract does not name are ignored', () => {
  assert.equal(validateInput('CreateSequenceStore', { name: 'n', somethingNew: 1 }), []);
});

validate.run();
