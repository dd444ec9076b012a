// Plain cases: every boundary case made plain keeps its label (the violations it names, how it is
// sent, what it is about), and reads as plainly as the contract lets it: 'a' wherever a string may be
// anything, 'aa…a' where a length rule is about its length, the value itself where a pattern is.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { allBoundaryCases, boundaryCases, type Case } from '../../generators/index.ts';
import { plainCase, plainMembers } from '../../generators/plainCase.ts';
import { isAscii } from '../../generators/_internals/plain.ts';
import { valuesAt } from '../../generators/_internals/paths.ts';
import { codePointLength, TagKey, TagValue } from '../../specs/index.ts';
import { labelMismatch } from './support/labels.ts';

const test = suite('generators: plain cases');
const all = allBoundaryCases();

/** Every string an input holds, map keys included. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

const plainOf = (c: Case) => plainCase(c, plainMembers(c));

function find(label: string): Case {
  const c = boundaryCases('CreateSequenceStore').find((x) => x.label === `CreateSequenceStore ${label}`);
  if (!c) throw new Error(`no boundary case "CreateSequenceStore ${label}"`);
  return c;
}

test('every boundary case made plain keeps its label, its subject, how it is sent and what it needs', () => {
  let changed = 0;
  for (const c of all) {
    const p = plainOf(c);
    if (p !== c) changed++;
    assert.is(labelMismatch(p), undefined, c.label);
    assert.equal({ ...p, input: undefined }, { ...c, input: undefined }, c.label);
    assert.equal(Object.keys(p.input), Object.keys(c.input), `${c.label}: the same members`);
    const subject = c.subject;
    if (subject && (subject.rule === 'pattern' || subject.rule === 'enum')) assert.equal(valuesAt(p.input, subject.path), valuesAt(c.input, subject.path), `${c.label}: the value the label is about`);
    if (subject && (subject.rule === 'length.min' || subject.rule === 'length.max')) {
      const lengths = (x: Case) => valuesAt(x.input, subject.path).map((v) => (typeof v === 'string' ? codePointLength(v) : Array.isArray(v) ? v.length : Object.keys(v as object).length));
      assert.equal(lengths(p), lengths(c), `${c.label}: the length the label is about`);
    }
  }
  assert.ok(changed > all.length / 2, `only ${changed} of ${all.length} cases changed`);
});

test('a plain case is ASCII wherever its label lets it be', () => {
  for (const c of all) {
    const subject = c.subject;
    const kept = subject && (subject.rule === 'pattern' || subject.rule === 'enum') ? valuesAt(c.input, subject.path) : [];
    const rest = { ...plainOf(c).input };
    if (subject && kept.length) delete rest[subject.path.split(/[.[]/)[0]!];
    const other = strings(rest).filter((s) => ![...s].every(isAscii));
    assert.equal(other, [], c.label);
  }
});

test('tags: {"a":"a"} where anything goes, the length a length rule names, distinct keys', () => {
  const [keyMax, valueMax] = [TagKey.length!.max!, TagValue.length!.max!];
  assert.equal(plainOf(find('tags.<key>: a string')).input, { name: 'a', tags: { a: 'a' } });
  assert.equal(plainOf(find(`tags.<key>: length ${keyMax} (max)`)).input.tags, { ['a'.repeat(keyMax)]: 'a' });
  assert.equal(plainOf(find(`tags.<value>: length ${valueMax} (max)`)).input.tags, { a: 'a'.repeat(valueMax) });
  assert.equal(plainOf(find('tags.<value>: length 0 (min)')).input.tags, { a: '' });
  const full = plainOf(all.find((c) => c.operation === 'CreateSequenceStore' && c.subject?.path === 'tags' && c.subject.rule === 'length.max' && c.expect.outcome === 'accepted')!);
  const keys = Object.keys(full.input.tags as object);
  assert.equal(keys.slice(0, 3), ['a', 'b', 'c']);
  assert.ok(keys.every((k) => k.length === 1 && [...k].every(isAscii)), keys.join(' '));
});

test('only the members named are made plain; the same case and members give the same plain case', () => {
  const c = find('tags.<key>: a string');
  assert.equal(plainMembers(c), ['name', 'tags']);
  const tagsOnly = plainCase(c, ['tags']);
  assert.is(tagsOnly.input.name, c.input.name);
  assert.equal(tagsOnly.input.tags, { a: 'a' });
  assert.equal(plainCase(c, ['tags']), tagsOnly);
  assert.is(plainCase(c, []), c, 'no member: the case itself');
  assert.is(plainCase(c, ['nothing']), c, 'an unknown member is no member');
  const pattern = all.find((x) => x.subject?.path === 'name' && x.subject.rule === 'pattern' && x.expect.outcome === 'rejected' && Object.keys(x.input).length === 1)!;
  assert.equal(plainMembers(pattern), [], `${pattern.label}: its only member is what it is about`);
});

test.run();
