// One run with failures, warnings, skipped checks and OBSERVED notes (an emulator that leaves a rule
// unenforced and answers a member the contract does not know) writes every format: report.json
// valid against its schema, junit.xml whose counts and statuses are report.json's, summary.md and
// report.html.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance } from '../../cli/runConformance.ts';
import { appendStepSummary } from '../../cli/stepSummary.ts';
import type { Report } from '../../reports/report.ts';
import { parseReporters, REPORTER_NAMES, writeReports } from '../../reports/reporters.ts';
import { reportSchemaErrors } from '../../reports/schema.ts';
import { readReport } from '../support/report.ts';

const test = suite('reports: every format from one run');
const SEED = 4;
const dir = () => mkdtempSync(join(tmpdir(), 'omics-formats-'));
const out = dir();
let report: Report;

test.before(async () => {
  console.log(`  seed ${SEED}`);
  await runConformance({
    target: 'emulator',
    suites: ['shape', 'validation', 'unicode', 'idempotency'],
    operations: ['CreateSequenceStore'],
    runs: 3,
    seed: SEED,
    reportDir: out,
    emulator: { deviations: { unenforcedRules: ['CreateSequenceStore:name:length.max'], replacedOutputMembers: { GetSequenceStore: { futureMember: 'added by a newer service' } } } },
  });
  report = readReport(out);
});

test('report.json is valid against the schema and holds failures, warnings, skipped checks and observed notes, grouped', () => {
  assert.equal(readdirSync(out).sort(), ['junit.xml', 'report.html', 'report.json', 'summary.md']);
  const { summary } = report;
  assert.ok(summary.failed > 0 && summary.skipped > 0 && summary.warnings > 0 && summary.observed > 0, JSON.stringify(summary));
  assert.ok(summary.warningCases > summary.warnings, 'warnings of one kind are one entry');
  const unknown = report.checks.find((c) => c.id === 'shape.unknown-members')!;
  assert.is(unknown.warnings.reduce((n, f) => n + f.count, 0), unknown.counts.warnings);
  assert.is(unknown.entries.warnings, unknown.warnings.length);
});

type XmlNode = Record<string, unknown>;
const list = (x: unknown): XmlNode[] => (x === undefined ? [] : Array.isArray(x) ? (x as XmlNode[]) : [x as XmlNode]);
const text = (x: unknown): string => (typeof x === 'string' ? x : String((x as XmlNode)?.['#'] ?? ''));

test("junit.xml parses; its counts and every testcase's status are report.json's", () => {
  const xml = create(readFileSync(join(out, 'junit.xml'), 'utf8')).end({ format: 'object' }) as XmlNode;
  const root = xml.testsuites as XmlNode;
  assert.is(Number(root['@tests']), report.checks.length);
  assert.is(Number(root['@failures']), report.summary.failed);
  assert.is(Number(root['@skipped']), report.summary.skipped);
  assert.is(Number(root['@errors']), 0);
  const suites = list(root.testsuite);
  assert.equal(suites.map((s) => s['@name']), [...new Set(report.checks.map((c) => c.suite))]);
  const cases = suites.flatMap((s) => {
    const testcases = list(s.testcase);
    assert.is(Number(s['@tests']), testcases.length);
    assert.is(Number(s['@failures']), testcases.filter((t) => t.failure).length);
    assert.is(Number(s['@skipped']), testcases.filter((t) => t.skipped).length);
    return testcases.map((t) => ({ suite: s['@name'], t }));
  });
  assert.is(cases.length, report.checks.length);
  report.checks.forEach((c, i) => {
    const { suite: classname, t } = cases[i]!;
    assert.is(t['@classname'], c.suite);
    assert.is(classname, c.suite);
    assert.is(t['@name'], `${c.id} — ${c.title}`);
    const status = t.failure ? 'failed' : t.skipped ? 'skipped' : 'passed';
    assert.is(status, c.status, c.id);
    if (c.status === 'failed') {
      const failure = t.failure as XmlNode;
      const body = text(failure);
      assert.is(failure['@type'], c.level);
      assert.ok((failure['@message'] as string).startsWith(c.failures[0]!.message.slice(0, 60)), c.id);
      assert.ok(body.includes(`replay: ${c.failures[0]!.replay}`), body);
      assert.ok(body.includes(c.failures[0]!.reproduction.awsCli), body);
      if (c.failures[0]!.received !== undefined) assert.match(body, /received: /);
    }
    if (c.status === 'skipped') assert.is((t.skipped as XmlNode)['@message'], c.skipped);
    if (c.warnings.length) assert.ok(text(t['system-out']).includes(`warning: ${c.warnings[0]!.message}`), c.id);
    if (c.observed.length) assert.ok(text(t['system-out']).includes(`observed: ${c.observed[0]!.message}`), c.id);
  });
});

test('summary.md: the closing line, the failures with their replay first, then a row per check', () => {
  const md = readFileSync(join(out, 'summary.md'), 'utf8');
  const lines = md.split('\n');
  assert.match(lines[0]!, new RegExp(`^## omics-conformance: ${report.summary.passed} passed, ${report.summary.failed} failed, ${report.summary.skipped} skipped$`));
  const failures = md.indexOf('### Failures');
  const checks = md.indexOf('### Checks');
  assert.ok(failures > 0 && checks > failures, md);
  for (const c of report.checks.filter((x) => x.status === 'failed')) assert.ok(md.slice(failures, checks).includes(`\`${c.failures[0]!.replay}\``), md);
  for (const c of report.checks) assert.ok(md.slice(checks).includes(`| \`${c.id}\` | ${c.level} |`), c.id);
  assert.ok(md.length < 16_384, `${md.length} characters`);
});

test('report.html is one page with every check, its text escaped', () => {
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(html, /^<!doctype html>/);
  for (const c of report.checks) assert.ok(html.includes(`<code>${c.id}</code>`), c.id);
  // Self-contained: its one script inline, nothing loaded from elsewhere.
  assert.not.match(html, /<(link|img|iframe)\b|<script\b[^>]*\bsrc=/);
  assert.not.ok(html.includes('<case>'));
});

test('--reporters: only the formats named are written; an unknown name is refused, naming the valid ones', async () => {
  const only = dir();
  const files = await writeReports(report, only, parseReporters('md, json,md'));
  assert.equal(files, [join(only, 'summary.md'), join(only, 'report.json')]);
  assert.equal(readdirSync(only).sort(), ['report.json', 'summary.md']);
  assert.throws(() => parseReporters('json,pdf'), (e: Error) => e.message === `--reporters: no reporter pdf; reporters: ${REPORTER_NAMES.join(', ')}`);
  assert.throws(() => parseReporters(' , '), /names nothing/);
});

test('GITHUB_STEP_SUMMARY gets summary.md appended; nothing without it', async () => {
  const file = join(dir(), 'step-summary.md');
  const files = (await writeReports(report, dir(), ['md'])).map(String);
  assert.is(await appendStepSummary(files, {}), undefined);
  await appendStepSummary(files, { GITHUB_STEP_SUMMARY: file });
  await appendStepSummary(files, { GITHUB_STEP_SUMMARY: file });
  const md = readFileSync(files[0]!, 'utf8');
  assert.is(readFileSync(file, 'utf8'), `${md}\n${md}\n`);
});

test('the schema takes the optional pictures of a report and refuses them malformed, and refuses a version 1 report', () => {
  const plain = JSON.parse(JSON.stringify(report)) as Record<string, unknown> & { checks: Array<{ failures: Array<{ observed: Record<string, unknown> }> }>; coverage: Record<string, unknown> };
  const failing = plain.checks.find((c) => c.failures.length)!;
  failing.failures[0]!.observed.exchange = { request: { method: 'POST', uri: '/sequencestore', headers: { 'content-type': 'application/json' }, body: '{}' }, response: { status: 200, headers: {}, body: '{}' } };
  plain.coverage.grid = [{ rule: 'CreateSequenceStore:name:length.max', valid: 3, invalid: 1 }];
  plain.errorTypes = { CreateSequenceStore: { ValidationException: 12 } };
  plain.suiteCases = { shape: 40, validation: 200 };
  assert.equal(reportSchemaErrors(plain), []);
  const broken = (change: (r: typeof plain) => void) => {
    const copy = structuredClone(plain);
    change(copy);
    return reportSchemaErrors(copy).length > 0;
  };
  assert.ok(broken((r) => (r.errorTypes = { CreateSequenceStore: { ValidationException: 'twelve' } })));
  assert.ok(broken((r) => (r.coverage.grid = [{ rule: 'x', valid: 1 }])));
  assert.ok(broken((r) => (r.suiteCases = { shape: -1 })));
  assert.ok(broken((r) => (r.checks.find((c) => c.failures.length)!.failures[0]!.observed.exchange = { request: { method: 'POST', uri: '/', headers: { a: 1 }, body: '' } })));
  assert.ok(broken((r) => (r.version = 1)));
  assert.ok(broken((r) => delete (r.checks[0] as Record<string, unknown>).entries));
});

test.run();
