// The boundary phase: deterministic, labelled exactly, and holding the exact bound and the value
// just past it for every constraint.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { allBoundaryCases, boundaryCases, type Case } from '../../generators/index.ts';
import { codePointLength } from '../../specs/index.ts';
import { labelMismatch } from './support/labels.ts';

const boundary = suite('generators: boundary cases');
const all = allBoundaryCases();

boundary('every boundary case is labelled exactly as validateInput sees it', () => {
  const wrong = all.map(labelMismatch).filter(Boolean);
  assert.equal(wrong, []);
});

boundary('the enumeration is deterministic', () => {
  assert.equal(JSON.stringify(allBoundaryCases()), JSON.stringify(all));
  assert.ok(all.every((c) => c.phase === 'boundary'));
});

function find(op: Case['operation'], label: string): Case {
  const c = boundaryCases(op).find((x) => x.label === `${op} ${label}`);
  if (!c) throw new Error(`no boundary case "${op} ${label}"`);
  return c;
}

boundary('exact bounds are valid and one past them is invalid (CreateSequenceStore)', () => {
  const accepted = ['name: length 1 (min)', 'name: length 127 (max)', 'tags: 50 entries (max)', 'tags.<key>: length 128 (max)', 'tags.<value>: length 256 (max)', 'tags.<value>: length 0 (min)', 'propagatedSetLevelTags: 50 items (max)', 'clientToken: length 127 (max)', 'sseConfig.keyArn: length 20 (min)', 'sseConfig.keyArn: length 2048 (max)'];
  for (const l of accepted) assert.is(find('CreateSequenceStore', l).expect.outcome, 'accepted', l);
  const rejected = ['name: length 128 (max+1)', 'tags: 51 entries (max+1)', 'tags.<key>: length 129 (max+1)', 'tags.<value>: length 257 (max+1)', 'propagatedSetLevelTags: 51 items (max+1)', 'clientToken: length 128 (max+1)', 'sseConfig.keyArn: length 2049 (max+1)', 'name: missing', 'sseConfig.type: missing'];
  for (const l of rejected) assert.is(find('CreateSequenceStore', l).expect.outcome, 'rejected', l);
});

boundary('an empty name breaks both length.min and the pattern, and the label says both', () => {
  const c = find('CreateSequenceStore', 'name: length 0 (min-1)');
  assert.is(c.input.name, '');
  assert.equal(c.expect.outcome === 'rejected' && c.expect.violations.map((v) => v.rule).sort(), ['length.min', 'pattern']);
});

boundary('51 tags on create is a SHOULD violation; on TagResource a MUST one', () => {
  const create = find('CreateSequenceStore', 'tags: 51 entries (max+1)');
  const tag = find('TagResource', 'tags: 51 entries (max+1)');
  assert.equal(create.expect.outcome === 'rejected' && create.expect.violations, [{ path: 'tags', rule: 'length.max', level: 'SHOULD' }]);
  assert.equal(tag.expect.outcome === 'rejected' && tag.expect.violations, [{ path: 'tags', rule: 'length.max', level: 'MUST' }]);
});

boundary('store ids at 10 and 36 digits are valid, 9 and 37 invalid and sent raw', () => {
  for (const op of ['GetSequenceStore', 'UpdateSequenceStore', 'DeleteSequenceStore'] as const) {
    assert.is(codePointLength(find(op, 'id: length 10 (min)').input.id as string), 10);
    assert.is(find(op, 'id: length 36 (max)').needs, 'absent-store');
    assert.is(find(op, 'id: length 9 (min-1)').send, 'wire');
    assert.is(find(op, 'id: length 37 (max+1)').send, 'wire');
    assert.is(find(op, 'id: missing').send, 'wire');
  }
});

boundary('maxResults 1 and 100 are valid, 0 and 101 invalid', () => {
  assert.is(find('ListSequenceStores', 'maxResults: 1 (min)').expect.outcome, 'accepted');
  assert.is(find('ListSequenceStores', 'maxResults: 100 (max)').expect.outcome, 'accepted');
  assert.is(find('ListSequenceStores', 'maxResults: 0 (min-1)').expect.outcome, 'rejected');
  assert.is(find('ListSequenceStores', 'maxResults: 101 (max+1)').expect.outcome, 'rejected');
});

boundary('pattern breakers include control, format, surrogate, private-use and unassigned characters', () => {
  const labels = boundaryCases('CreateSequenceStore').filter((c) => c.label.startsWith('CreateSequenceStore name: C')).map((c) => c.label.slice(26, 28));
  assert.equal(labels.sort(), ['Cc', 'Cf', 'Cn', 'Co', 'Cs']);
});

boundary('enum near misses: case variants, spaces and empty', () => {
  const values = boundaryCases('CreateSequenceStore').filter((c) => c.label.startsWith('CreateSequenceStore eTagAlgorithmFamily:') && c.expect.outcome === 'rejected' && c.ruleIds.some((id) => id.endsWith(':enum'))).map((c) => c.input.eTagAlgorithmFamily);
  for (const v of ['md5up', 'MD5UP', 'MD5up ', ' MD5up', '']) assert.ok(values.includes(v), JSON.stringify(v));
});

boundary('wrong JSON types are sent raw: a number, an array, an object for a string; a list for a map', () => {
  const raw = boundaryCases('CreateSequenceStore').filter((c) => c.expect.outcome === 'rejected' && c.ruleIds.includes('CreateSequenceStore:tags:type'));
  assert.ok(raw.some((c) => Array.isArray(c.input.tags)));
  assert.ok(raw.every((c) => c.send === 'wire'));
  const name = boundaryCases('CreateSequenceStore').filter((c) => c.ruleIds.includes('CreateSequenceStore:name:type')).map((c) => c.input.name);
  assert.ok(name.includes(42) && name.some(Array.isArray) && name.some((n) => typeof n === 'object' && !Array.isArray(n)));
});

boundary.run();
