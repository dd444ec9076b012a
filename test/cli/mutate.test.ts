// omics-conformance mutate, as a user runs it. The proof runs the stratified sample (`--sample`:
// for every check that can fail the cheapest mutant declaring it, one mutant of every layer, every
// benign variant) with the default budget: every mutant killed with exactly its declared checks,
// every variant passed, every check that can fail killed. The whole catalogue runs in bench/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { MutationReport } from '../../reports/mutation.ts';
import { runCli, runCliHere } from '../support/cli.ts';

// The sample takes about 100 s on a loaded 2-core CI: its limit is the command's own, not the default 240 s.
const test = suite('cli: omics-conformance mutate', undefined, { timeLimitMs: 600_000 });

test('--list names the catalogue; an unknown entry is a usage error naming it', async () => {
  const list = await runCli(['mutate', '--list']);
  assert.is(list.code, 0, list.stderr);
  assert.match(list.stdout, /^unenforced:CreateSequenceStore:name:length\.max +mutant +validation +validation\.rejects-invalid$/m);
  assert.match(list.stdout, /^short-pages +variant /m);
  const bad = await runCliHere(['mutate', '--mutants', 'no-such-mutant']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /no catalogue entry no-such-mutant \(see mutate --list\)/);
});

test('the stratified sample: 100% killed, each exactly by its declared checks; every variant passes; every check killed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'omics-mutate-'));
  try {
    const run = await runCli(['mutate', '--sample', '--seed', '7', '--report-dir', dir], { timeoutMs: 600_000 });
    const report = JSON.parse(readFileSync(join(dir, 'mutation.json'), 'utf8')) as MutationReport;
    console.log(`  mutate --sample --seed 7: ${report.score.killed}/${report.score.mutants} killed, ${report.exact} exact, variants ${report.variants.passed}/${report.variants.total}, ${Math.round(report.durationMs / 1000)} s`);
    const wrong = report.mutants.filter((m) => !m.killed || m.unexpected.length || m.missed.length).map((m) => `${m.id}: failing [${m.failing.join(', ')}], declared [${m.catches.join(', ')}]`);
    assert.equal(wrong, [], 'mutants not killed exactly as declared');
    assert.equal(report.variantResults.filter((v) => !v.passed).map((v) => `${v.id}: ${v.failing.join(', ')}`), []);
    assert.equal(report.unkilledChecks, []);
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stdout, /score: \d+ of \d+ mutants killed \(100\.0%\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
