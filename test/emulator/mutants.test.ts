// The mutant catalogue as data: unique ids, every declared check exists, every check that can fail
// is some mutant's to catch, every layer has mutants, every breakable rule is broken; and the
// switches are compiled into the pipeline, never read by the core's operations or the front.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { catalogue, LAYERS, type Mutant } from '../../emulator/mutants/catalogue.ts';
import { unobservable } from '../../emulator/mutants/derived.ts';
import { allRules, unbreakableReason } from '../../specs/index.ts';
import { suites } from '../../suites/index.ts';
import { projectRoot } from '../support/paths.ts';

const test = suite('emulator/mutants: the catalogue');
const entries = catalogue();
const mutants = entries.filter((e): e is Mutant => e.kind === 'mutant');
const checks = suites.flatMap((s) => s.checks);

test('ids are unique and every mutant names checks that exist', () => {
  assert.is(new Set(entries.map((e) => e.id)).size, entries.length);
  const known = new Set(checks.map((c) => c.id));
  for (const m of mutants) {
    assert.ok(m.catches.length > 0, `${m.id} names no check`);
    for (const id of m.catches) assert.ok(known.has(id), `${m.id} names ${id}, which no suite has`);
    assert.equal([...m.suites].sort(), [...new Set(m.catches.map((id) => id.split('.')[0]))].sort(), `${m.id} runs the suites of its checks`);
  }
});

test('every check that can fail is some mutant\'s to catch, and every layer has mutants', () => {
  const declared = new Set(mutants.flatMap((m) => m.catches));
  const orphans = checks.filter((c) => c.level !== 'OBSERVED' && !declared.has(c.id)).map((c) => c.id);
  assert.equal(orphans, []);
  for (const layer of LAYERS) assert.ok(mutants.some((m) => m.layer === layer), `no mutant in layer ${layer}`);
});

test('every breakable, observable input rule is left unenforced by one mutant; the others by none', () => {
  const unenforced = new Set(mutants.filter((m) => m.id.startsWith('unenforced:')).map((m) => m.id.slice('unenforced:'.length)));
  for (const r of allRules()) assert.is(unenforced.has(r.id), unbreakableReason(r) === undefined && unobservable(r) === undefined, r.id);
  assert.match(unobservable(allRules().find((r) => r.id === 'GetSequenceStore:id:required')!) ?? '', /path label/);
});

test('there are several hundred entries and a dozen benign variants', () => {
  assert.ok(mutants.length >= 200, String(mutants.length));
  assert.ok(entries.filter((e) => e.kind === 'variant').length >= 10);
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

test('no deviation switch is read in the core\'s operations or the front: they go through the pipeline', () => {
  const readers = [...sources(join(projectRoot, 'emulator', 'core', 'operations')), ...sources(join(projectRoot, 'emulator', 'http'))]
    .filter((f) => /deviations\./.test(readFileSync(f, 'utf8')))
    .map((f) => relative(projectRoot, f));
  assert.equal(readers, []);
});

test.run();
