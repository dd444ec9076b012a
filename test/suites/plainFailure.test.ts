// A failing boundary case is reported made plain only where the plain case fails exactly the checks
// it failed: all members at once, else the members that keep the failure, one at a time.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { boundaryCases, type Case } from '../../generators/index.ts';
import { isAscii } from '../../generators/_internals/plain.ts';
import { plainChooser, plainFailure, plainSuffix, withPlainFailures } from '../../suites/plainFailure.ts';
import type { Finding } from '../../suites/types.ts';

const test = suite('suites: failing boundary cases made plain');

const c = boundaryCases('CreateSequenceStore').find((x) => x.label === 'CreateSequenceStore tags.<key>: a string')!;
const failure = (checkId: string): Finding => ({ checkId, status: 'failed', message: `${checkId} failed` });
const pass = (checkId: string): Finding => ({ checkId, status: 'passed', message: 'ok' });
const ascii = (s: unknown) => typeof s === 'string' && [...s].every(isAscii);

/** A target that fails `shape.tags-echo` on the cases `fails` picks, and notes the cases it judged. */
function tagLoss(fails: (x: Case) => boolean) {
  const judged: Case[] = [];
  const judge = async (x: Case): Promise<Finding[]> => {
    judged.push(x);
    return [pass('shape.output-schema'), fails(x) ? failure('shape.tags-echo') : pass('shape.tags-echo')];
  };
  return { judged, judge };
}

test('a failure that does not depend on the characters: every member made plain, in one run', async () => {
  const { judged, judge } = tagLoss(() => true);
  const plain = await plainFailure(c, [failure('shape.tags-echo')], judge);
  assert.ok(plain);
  assert.equal(plain!.members, ['name', 'tags']);
  assert.equal(plain!.case.input, { name: 'a', tags: { a: 'a' } });
  assert.is(judged.length, 1);
});

test('a failure that needs its name as it was: the other members made plain, the name kept', async () => {
  const { judge } = tagLoss((x) => !ascii(x.input.name));
  const plain = await plainFailure(c, [failure('shape.tags-echo')], judge);
  assert.equal(plain!.members, ['tags']);
  assert.is(plain!.case.input.name, c.input.name);
  assert.equal(plain!.case.input.tags, { a: 'a' });
});

test('no plain case fails the same checks: none is reported; one failing another check more is not the same', async () => {
  assert.is(await plainFailure(c, [failure('shape.tags-echo')], tagLoss(() => false).judge), undefined);
  const more = async (): Promise<Finding[]> => [failure('shape.tags-echo'), failure('shape.echo-inputs')];
  assert.is(await plainFailure(c, [failure('shape.tags-echo')], more), undefined);
});

test("the report's findings: the plain case's failures under its replay value, the case's other findings as they were", async () => {
  const found = [pass('shape.output-schema'), { ...failure('shape.tags-echo'), message: 'the original' }];
  const findings = await withPlainFailures(c, found, tagLoss(() => true).judge, 'shape/boundary@35');
  assert.equal(findings.map((f) => [f.checkId, f.status, f.replay]), [['shape.output-schema', 'passed', undefined], ['shape.tags-echo', 'failed', `shape/boundary@35${plainSuffix(['name', 'tags'])}`]]);
  assert.is(plainSuffix(['name', 'tags']), ':plain=name,tags');
  assert.equal(await withPlainFailures(c, found, tagLoss(() => false).judge, 'shape/boundary@35'), found, 'the case itself when no plain case fails so');
});

test('only the first failing cases of each check are run again (those a report keeps)', () => {
  const choose = plainChooser(2);
  const verdicts = [[failure('a')], [pass('a')], [failure('a')], [failure('a')], [failure('a'), failure('b')], [failure('b')], [failure('b')]];
  assert.equal(verdicts.map((v) => choose(v)), [true, false, true, false, true, true, false]);
});

test.run();
