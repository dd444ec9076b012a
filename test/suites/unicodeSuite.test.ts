// suites/unicode: the probe's verdict is a pure fold of the answers, and an emulator told to behave
// like a Unicode version is reported as exactly that version; the other suites pass against the
// emulator at every version it accepts, since no case expects a version-dependent verdict.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance } from '../../cli/runConformance.ts';
import { unicodeProbes } from '../../generators/index.ts';
import type { Report } from '../../reports/report.ts';
import { pinnedCharClass, unicodeVersions, type UnicodeVersion } from '../../specs/index.ts';
import { probedPattern } from '../../suites/unicode/suite.ts';
import { unicodeVerdict, type AnsweredProbe } from '../../suites/unicode/verdict.ts';
import { checkOf, failingIds } from '../support/report.ts';

const test = suite('suites/unicode');
const SEED = 9;
const pattern = probedPattern();
const printable = pinnedCharClass(pattern)!;

function answersOf(version: UnicodeVersion): AnsweredProbe[] {
  return unicodeProbes(pattern).map((probe) => ({ probe, answer: printable.allowedIn(probe.codePoint, version) ? 'admitted' : 'refused', detail: '' }));
}

function consistentWith(report: Report): unknown {
  const c = checkOf(report, 'unicode.version');
  assert.is(c.level, 'OBSERVED');
  assert.is(c.counts.observed, 1, JSON.stringify(c));
  return (c.observed[0]!.received as { consistentWith: unknown }).consistentWith;
}

test('the answers of a service on any version of the window fit exactly that version', () => {
  for (const v of unicodeVersions) assert.equal(unicodeVerdict(answersOf(v)).consistentWith, [v], v);
  assert.match(unicodeVerdict(answersOf('14.0')).summary, /behaves like Unicode 14\.0, /);
  assert.match(unicodeVerdict(answersOf(unicodeVersions[0]!)).summary, /or older/);
});

test('answers no version gives are said to fit none, naming the closest and what it would not do', () => {
  const answers = answersOf('14.0').map((a, i) => (i === 0 ? { ...a, answer: 'refused' as const } : a));
  const verdict = unicodeVerdict(answers);
  assert.equal(verdict.consistentWith, []);
  assert.match(verdict.summary, /fits no single Unicode version of 6\.1–17\.0: closest is 14\.0, but it refused U\+0041/);
});

test('answers that say nothing about the pattern give no version', () => {
  const answers = answersOf('14.0').map((a) => ({ ...a, answer: 'inconclusive' as const, detail: 'ThrottlingException (HTTP 400)' }));
  const verdict = unicodeVerdict(answers);
  assert.equal(verdict.consistentWith, []);
  assert.is(verdict.conclusive, 0);
  assert.match(verdict.summary, /unknown/);
});

test('the mock target (the emulator core, no wire) is probed too', async () => {
  const { report } = await runConformance({ target: 'mock', emulator: { unicodeVersion: '12.1' }, suites: ['unicode'], seed: SEED, reportDir: false });
  assert.equal(consistentWith(report), ['12.1']);
});

test('a replay of another property, or a run without ListSequenceStores, skips the probe and says so', async () => {
  const { report } = await runConformance({ target: 'emulator', suites: ['unicode'], operations: ['CreateSequenceStore'], seed: SEED, reportDir: false });
  assert.is(checkOf(report, 'unicode.version').status, 'skipped');
});

// In process (the mock target on the emulator's core): the version decides what the core's validation
// admits, which no wire changes; the oldest version over HTTP is `mutate`'s unicode-oldest variant.
for (const v of unicodeVersions) {
  test(`the emulator at Unicode ${v}: reported as ${v}, and validation, lifecycle and shape pass`, async () => {
    const { report } = await runConformance({ target: 'mock', emulator: { unicodeVersion: v }, suites: ['shape', 'validation', 'unicode', 'lifecycle'], runs: 5, seed: SEED, reportDir: false });
    assert.equal(failingIds(report), [], JSON.stringify(report.checks.filter((c) => c.status === 'failed').map((c) => c.failures[0]?.message)));
    assert.equal(consistentWith(report), [v]);
  });
}

test.run();
