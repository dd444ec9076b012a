// omics-conformance report merge and render: the reports of a run's three shards merge into the
// report of the whole run (the unsharded run's checks and statuses); render writes the other formats
// again from report.json; every report either refuses is refused with exit 2 and one line.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import type { Report } from '../../reports/report.ts';
import { main as reportCommand } from '../../cli/commands/report.ts';
import { UsageError } from '../../cli/usage.ts';
import { runCli, runCliHere, type CliResult } from '../support/cli.ts';
import { readReport } from '../support/report.ts';

const test = suite('cli: omics-conformance report merge and render');
const SEED = 7;
const dir = () => mkdtempSync(join(tmpdir(), 'omics-report-'));
const base: ConformanceOptions = {
  target: 'emulator',
  suites: ['validation', 'unicode', 'idempotency'],
  operations: ['CreateSequenceStore', 'ListSequenceStores'],
  runs: 3,
  seed: SEED,
  emulator: { deviations: { unenforcedRules: ['CreateSequenceStore:name:length.max'] } },
};
const whole = dir();
const shards = [dir(), dir(), dir()];
let unsharded: Report;

test.before(async () => {
  console.log(`  seed ${SEED}`);
  await runConformance({ ...base, reportDir: whole });
  for (const [i, out] of shards.entries()) await runConformance({ ...base, shard: `${i + 1}/3`, reportDir: out });
  unsharded = readReport(whole);
});

const statuses = (r: Report) => r.checks.map((c) => `${c.id} ${c.status}`);

function refused(r: CliResult, message: RegExp): void {
  assert.is(r.code, 2, r.stdout + r.stderr);
  assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr.trim(), message);
  assert.not.match(r.stderr, /\n\s+at /);
}

/**
 * The same refusal in this process: the command throws the UsageError whose message the CLI prints
 * as its one line with exit 2 (each of those is shown once through the whole command line by \`refused\`).
 */
async function refusedHere(argv: string[], message: RegExp): Promise<void> {
  try {
    await reportCommand(argv);
  } catch (err) {
    assert.instance(err, UsageError, String(err));
    assert.is((err as Error).message.split('\n').length, 1, (err as Error).message);
    assert.match((err as Error).message, message);
    return;
  }
  assert.unreachable(`report ${argv.join(' ')} was not refused`);
}

/** A copy of a shard's report directory with its report.json changed. */
function altered(from: string, change: (r: Record<string, unknown>) => void): string {
  const to = dir();
  const report = JSON.parse(readFileSync(join(from, 'report.json'), 'utf8')) as Record<string, unknown>;
  change(report);
  writeFileSync(join(to, 'report.json'), JSON.stringify(report));
  return to;
}

test('three shards merged, in any order, are the unsharded run: the same checks with the same statuses, in every format', async () => {
  assert.ok(unsharded.summary.failed > 0 && unsharded.summary.passed > 0, JSON.stringify(unsharded.summary));
  const out = dir();
  const r = await runCli(['report', 'merge', shards[2]!, shards[0]!, shards[1]!, '--report-dir', out], { timeoutMs: 60_000 });
  assert.is(r.code, 1, `the merged run failed, as the unsharded one: ${r.stdout}${r.stderr}`);
  assert.match(r.stdout, new RegExp(`^${unsharded.summary.passed} passed, ${unsharded.summary.failed} failed`, 'm'));
  assert.equal(readdirSync(out).sort(), ['junit.xml', 'report.html', 'report.json', 'summary.md']);
  const merged = readReport(out);
  assert.equal(statuses(merged), statuses(unsharded));
  assert.is(merged.shard, '1-3/3');
  assert.is(merged.seed, SEED);
  const parts = shards.map(readReport);
  merged.checks.forEach((c, i) => {
    assert.is(c.cases, parts.reduce((n, p) => n + p.checks[i]!.cases, 0), c.id);
    assert.is(c.counts.failed, parts.reduce((n, p) => n + p.checks[i]!.counts.failed, 0), c.id);
    assert.is(c.failures.reduce((n, f) => n + f.count, 0), c.counts.failed, c.id);
    assert.is(new Set(c.observed.map((f) => f.group)).size, c.observed.length, 'one entry per kind');
  });
  assert.equal(merged.verdict!.failing, unsharded.verdict!.failing);
});

test('report merge refuses shards of different seeds, runs, suites or checks, a missing or repeated shard, and what is not a report', async () => {
  const [one, two, three] = shards as [string, string, string];
  const notJson = dir();
  writeFileSync(join(notJson, 'report.json'), 'not json');
  const notReport = dir();
  writeFileSync(join(notReport, 'report.json'), JSON.stringify({ hello: 'world' }));
  const file = join(dir(), 'notes.txt');
  writeFileSync(file, 'notes');
  const merge = (...dirs: string[]) => ['merge', ...dirs, '--report-dir', dir()];
  const cases: Array<[string[], RegExp]> = [
    [[one, altered(two, (r) => (r.seed = SEED + 1)), three], new RegExp(`shards of different runs: .* has seed ${SEED + 1}, .* ${SEED}$`)],
    [[one, altered(two, (r) => (r.runs = 5)), three], /shards of different runs: .* has runs per property 5, .* 3$/],
    [[one, altered(two, (r) => (r.suites = ['validation'])), three], /shards of different runs: .* has suites validation, .* validation,unicode,idempotency$/],
    [[one, altered(two, (r) => (r.checks = (r.checks as unknown[]).slice(1))), three], /shards of different runs: .* has another selection of checks/],
    [[one, altered(two, (r) => (r.shard = '2/4')), three], /shards of different runs: .* is shard 2\/4, .* shard 1\/3/],
    [[one, three], /shard 2\/3 is missing: merge the reports of every shard of the run/],
    [[one, two, three, altered(two, () => undefined)], /report merge: .* and .* are both shard 2\/3/],
    [[one, two, notJson], /report\.json is not a report: it is not JSON/],
    [[one, two, notReport], /report\.json is not a report: it has no "format": "omics-conformance-report"/],
    [[one, two, file], /notes\.txt is not a report: it is not JSON/],
    [[one, two, dir()], /: no report\.json there \(give the --report-dir of a run\)/],
    [[one, two, altered(three, (r) => (r.replay = 'validation/boundary@3'))], /is a --replay run, not a shard of a run/],
    [[one, two, altered(three, (r) => (r.version = 1))], /report\.json is a version 1 report; this omics-conformance reads version 2/],
    [[one, two, altered(three, (r) => delete r.checks)], /report\.json is not a valid report: \(the report\) required: must have required property 'checks'/],
  ];
  for (const [dirs, message] of cases) await refusedHere(merge(...dirs), message);
  refused(await runCliHere(['report', ...merge(one, three)]), /shard 2\/3 is missing/);
  await refusedHere(['merge', one, two, three], /--report-dir OUT is required/);
  await refusedHere(['merge', one, '--report-dir', dir(), '--reporters', 'xml'], /--reporters: no reporter xml; reporters: json, junit, md, html/);
  await refusedHere(['split', one], /unknown subcommand 'split': render, merge/);
});

test('report render writes the other formats again from report.json, as the run wrote them; it refuses what is not a report of this version', async () => {
  const copy = dir();
  cpSync(join(shards[0]!, 'report.json'), join(copy, 'report.json'));
  const r = await runCliHere(['report', 'render', copy], { timeoutMs: 60_000 });
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.equal(readdirSync(copy).sort(), ['junit.xml', 'report.html', 'report.json', 'summary.md']);
  for (const f of ['junit.xml', 'summary.md', 'report.html']) assert.is(readFileSync(join(copy, f), 'utf8'), readFileSync(join(shards[0]!, f), 'utf8'), f);
  const elsewhere = join(dir(), 'rendered');
  const md = await runCliHere(['report', 'render', join(copy, 'report.json'), '--report-dir', elsewhere, '--reporters', 'md'], { timeoutMs: 60_000 });
  assert.is(md.code, 0, md.stderr);
  assert.equal(readdirSync(elsewhere), ['summary.md']);

  const empty = dir();
  mkdirSync(join(empty, 'sub'));
  refused(await runCliHere(['report', 'render', join(empty, 'nowhere')]), /nowhere: no such file or directory/);
  await refusedHere(['render', empty], /: no report\.json there/);
  await refusedHere(['render', altered(copy, (r) => (r.version = 3))], /is a version 3 report; this omics-conformance reads version 2 \(run the suites again, or use the omics-conformance that wrote it\)/);
  await refusedHere(['render', altered(copy, (r) => (r.format = 'something-else'))], /is not a report: it has no "format"/);
  await refusedHere(['render', copy, empty], /give one report directory \(got 2\)/);
});

test.run();
