// The difference report of verify and diff in every format: JUnit XML whose counts are the report's
// (a failed testcase per case that differs), and one self-contained HTML page that escapes every value.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { create } from 'xmlbuilder2';
import { DIFFERENCE_KINDS } from '../../reports/baseline/compare.ts';
import { differencesHtml } from '../../reports/differences/html.ts';
import { differencesJunit } from '../../reports/differences/junit.ts';
import { DIFFERENCES_FORMAT, DIFFERENCES_VERSION, type DifferenceReport } from '../../reports/differences/report.ts';
import { differenceReporters } from '../../reports/differences/reporters.ts';

const test = suite('reports: differences in every format');
const HOSTILE = `<script>document.title='x'</script>"&`;

const report: DifferenceReport = {
  format: DIFFERENCES_FORMAT,
  version: DIFFERENCES_VERSION,
  command: 'verify',
  sides: { a: { role: 'recorded', name: 'baseline.json (recorded on emulator)', wire: true }, b: { role: 'observed', name: `endpoint ${HOSTILE}`, wire: true } },
  selection: { seed: 7, runs: 2, shard: '1/1', suites: ['validation'] } as DifferenceReport['selection'],
  outcome: 'different',
  summary: { compared: 5, skipped: 2, differences: 3, accepted: 1, stale: 1, byKind: { 'error-type': 2, member: 1 } },
  kinds: DIFFERENCE_KINDS,
  differences: [
    { case: 'validation/boundary@1', path: 'cases["validation/boundary@1"].calls[0].error.type', kind: 'error-type', a: 'ValidationException', b: HOSTILE },
    { case: 'validation/boundary@1', path: 'cases["validation/boundary@1"].calls[0].headers.x-amzn-errortype', kind: 'error-type', a: 'ValidationException', b: 'Other' },
    { case: 'validation/boundary@4', path: 'cases["validation/boundary@4"].calls[0].output.futureMember', kind: 'member', b: 1 },
  ],
  accepted: [{ case: 'validation/boundary@9', path: 'cases["validation/boundary@9"].calls[0].error.message', kind: 'value', a: 'one wording', b: 'another', reason: 'words messages differently', pattern: '**.error.message' }],
  stale: [{ pattern: '**.status', reason: 'slow settles', at: 'accept.txt:3' }],
  skipped: [
    { case: 'wire/boundary@1', reason: 'no wire on the mock target' },
    { case: 'wire/boundary@2', reason: 'no wire on the mock target' },
  ],
};

type XmlNode = Record<string, unknown>;
const list = (x: unknown) => (Array.isArray(x) ? x : x === undefined ? [] : [x]) as XmlNode[];

test('differences.junit.xml: a failed testcase per case that differs, a passed one per case only accepted, skipped ones for stale entries and cases not compared', () => {
  const xml = create(differencesJunit(report)).end({ format: 'object' }) as XmlNode;
  const root = xml.testsuites as XmlNode;
  assert.is(Number(root['@tests']), 5);
  assert.is(Number(root['@failures']), 2);
  assert.is(Number(root['@skipped']), 2);
  const cases = list((root.testsuite as XmlNode).testcase);
  assert.equal(cases.map((c) => c['@name']), ['validation/boundary@1', 'validation/boundary@4', 'validation/boundary@9', 'stale divergence **.status', '2 cases not compared']);
  const failure = cases[0]!.failure as XmlNode;
  assert.match(String(failure['@message']), /^2 differences: /);
  assert.ok(String(failure['#']).includes('calls[0].error.type (error-type): recorded "ValidationException", observed "'), String(failure['#']));
  assert.match(String(cases[2]!['system-out']), /accepted: .*words messages differently/);
});

test('differences.html: one page, nothing loaded, every value escaped', () => {
  const page = differencesHtml(report);
  assert.match(page, /^<!doctype html>/);
  assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
  assert.not.ok(page.includes('<script'), 'no script element, from the report or of its own');
  assert.ok(page.includes('&lt;script&gt;'), 'the hostile value shown as text');
  for (const d of report.differences) assert.ok(page.includes(d.path.replace(/"/g, '&quot;')), d.path);
  assert.match(page, /Stale divergences/);
});

test('every difference format is written by the one registry: json, markdown, junit, html', () => {
  assert.equal(differenceReporters.map((r) => r.file), ['differences.json', 'differences.md', 'differences.junit.xml', 'differences.html']);
});

test.run();
