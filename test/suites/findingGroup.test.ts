// Findings of one kind make one entry: grouped by check, operation, member and message shape, with
// a count and the first finding as the example; every entry is counted, the first few keep theirs.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { Case } from '../../generators/case.ts';
import { findingGroup, messageShape } from '../../suites/findingGroup.ts';
import { emptyTally, examples, foldFinding } from '../../suites/recorder.ts';
import { unknownMembersCheck } from '../../suites/shape/checks.ts';
import type { Finding } from '../../suites/types.ts';

const test = suite('suites: findings grouped into entries');

const valid = (label: string, phase: Case['phase'] = 'boundary'): Case => ({ operation: 'CreateSequenceStore', input: {}, send: 'sdk', expect: { outcome: 'accepted' }, label: `CreateSequenceStore ${label}`, ruleIds: [], phase });
const invalid = (label: string, path: string, phase: Case['phase'] = 'boundary'): Case => ({
  ...valid(label, phase),
  expect: { outcome: 'rejected', error: 'ValidationException', violations: [{ path, rule: 'length.max', level: 'MUST' }] },
});
const finding = (status: Finding['status'], message: string, c: Case): Finding => ({ checkId: unknownMembersCheck.id, status, message, case: c });

test('the message shape replaces the case label and every concrete value, and keeps the names', () => {
  assert.is(
    messageShape('CreateSequenceStore name: length 128 (max+1): store 1234567890 (arn:aws:omics:us-east-1:123456789012:sequenceStore/1234567890) took "x y" at 2024-01-02T03:04:05.678Z, token 0f8fad5b-d9cb-469f-a165-70867728950e', 'CreateSequenceStore name: length 128 (max+1)'),
    '<case>: store <n> (<arn>) took "…" at <time>, token <uuid>',
  );
  assert.is(messageShape('GetSequenceStore response carries members the contract does not know: s3Access, futureMember'), 'GetSequenceStore response carries members the contract does not know: s3Access, futureMember');
  assert.is(messageShape('expected ValidationException (HTTP 400) in ap-southeast-2'), 'expected ValidationException (HTTP <n>) in ap-southeast-2');
});

test('warnings that differ only in their values and cases are one entry with their count and the first as example', () => {
  const first = finding('warning', 'store 1 answered with futureMember', valid('name: length 1 (min)'));
  const findings = [first, finding('warning', 'store 22 answered with futureMember', valid('tags: 50 entries (max)', 'random')), finding('warning', 'store 3 answered with otherMember', valid('name: a string'))];
  const t = findings.reduce((x, f) => foldFinding(x, f), emptyTally(unknownMembersCheck));
  assert.is(t.counts.warnings, 3);
  assert.equal(t.entries.warnings.map((e) => e.count), [2, 1]);
  assert.is(t.entries.warnings[0]!.example, first);
  assert.is(t.entries.warnings[0]!.group, `${unknownMembersCheck.id} CreateSequenceStore: store <n> answered with futureMember`);
});

test('failures group by the member they break and by how they were found: the boundary cases, or the property its replay names', () => {
  const broke = (label: string, path: string, replay: string) => ({ ...finding('failed', `CreateSequenceStore ${label}: breaks length.max, received 200`, invalid(label, path)), replay });
  const groups = new Set(
    [
      broke('name: length 128 (max+1)', 'name', 'validation/boundary@12'),
      broke('name: length 300', 'name', 'validation/boundary@40'),
      broke('description: length 300', 'description', 'validation/boundary@41'),
      broke('name: length 129', 'name', 'validation/CreateSequenceStore/invalid@-5:3:0'),
      broke('name: length 130', 'name', 'validation/CreateSequenceStore/invalid@-5:1'),
    ].map(findingGroup),
  );
  assert.equal([...groups], [
    `${unknownMembersCheck.id} CreateSequenceStore name validation/boundary: <case>: breaks length.max, received <n>`,
    `${unknownMembersCheck.id} CreateSequenceStore description validation/boundary: <case>: breaks length.max, received <n>`,
    `${unknownMembersCheck.id} CreateSequenceStore name validation/CreateSequenceStore/invalid: <case>: breaks length.max, received <n>`,
  ]);
});

test('every entry is counted; past the first 20 of a kind an entry keeps no example, unless it is a shrunk counterexample', () => {
  const notes = Array.from({ length: 30 }, (_, i) => finding('observed', `answered with member${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`, valid('name: a string')));
  const t = [...notes, ...notes].reduce((x, f) => foldFinding(x, f), emptyTally(unknownMembersCheck));
  assert.is(t.counts.observed, 60);
  assert.is(t.entries.observed.length, 30);
  assert.ok(t.entries.observed.every((e) => e.count === 2));
  assert.is(examples(t, 'observed').length, 20);
  const failures = notes.map((f) => ({ ...f, status: 'failed' as const }));
  const full = failures.reduce((x, f) => foldFinding(x, f), emptyTally(unknownMembersCheck));
  const shrunk = foldFinding(full, finding('failed', 'a shrunk counterexample', valid('x', 'random')), { keepAll: true });
  assert.is(examples(full, 'failed').length, 20);
  assert.is(examples(shrunk, 'failed').length, 21);
  assert.is(examples(shrunk, 'failed').at(-1)!.example.message, 'a shrunk counterexample');
});

test.run();
