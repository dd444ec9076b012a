// --export-fixtures DIR: fixtures written one file each, under names made from their ids.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Baseline } from '../../reports/baseline/format.ts';
import { fixtureFileName, type Fixture } from '../../reports/fixtures/format.ts';
import { failureFixtures } from '../../reports/fixtures/fromReport.ts';
import { baselineFixtures } from '../../reports/fixtures/fromBaseline.ts';
import { differenceFixtures } from '../../reports/fixtures/fromDifferences.ts';
import { recordedFixture, type RecordedFixture } from '../../reports/fixtures/fromRecording.ts';
import { defaultTransformers } from '../../reports/baseline/transformers.ts';
import type { DifferenceReport } from '../../reports/differences/report.ts';
import type { Report } from '../../reports/report.ts';
import { prepareReportDir, ReportDirError } from '../../reports/reportDir.ts';
import { UsageError } from '../usage.ts';
import type { RecordingRun } from './recordRun.ts';

/** The directory, made and proven writable before anything runs. */
export async function usableFixtureDir(command: string, dir: string): Promise<string> {
  try {
    return await prepareReportDir(dir, { option: '--export-fixtures', contents: 'fixtures' });
  } catch (err) {
    if (err instanceof ReportDirError) throw new UsageError(`${command}: ${err.message}`);
    throw err;
  }
}

export interface Exported {
  readonly files: readonly string[];
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

async function writeAll(fixtures: readonly Fixture[], dir: string): Promise<string[]> {
  const taken = new Set<string>();
  const files: string[] = [];
  for (const fixture of fixtures) {
    let name = fixtureFileName(fixture.id);
    for (let n = 2; taken.has(name); n++) name = fixtureFileName(`${fixture.id}~${n}`);
    taken.add(name);
    const file = join(dir, name);
    await writeFile(file, `${JSON.stringify(fixture, null, 2)}\n`);
    files.push(file);
  }
  return files;
}

export async function exportRecordedFixtures(run: RecordingRun, baseline: Baseline, dir: string): Promise<Exported> {
  return split(run.cases.map((c) => ({ key: c.key, made: recordedFixture(c, baseline.transformers, { target: run.target.kind, seed: baseline.selection.seed }, run.stores) })), dir);
}

/** verify's differing cases (those no --accept entry accepts), each expected to answer as the baseline recorded. */
export async function exportBaselineFixtures(baseline: Baseline, file: string, observed: RecordingRun, report: DifferenceReport, dir: string): Promise<Exported> {
  const made = baselineFixtures(baseline, { cases: observed.cases, stores: observed.stores, run: observed.run, target: observed.target.kind }, report.differences, { recorded: `${file} (${baseline.target.kind})`, observed: report.sides.b.name });
  return split(made, dir);
}

async function split(made: readonly { readonly key: string; readonly made: RecordedFixture }[], dir: string): Promise<Exported> {
  const fixtures = made.flatMap(({ made }) => ('fixture' in made ? [made.fixture] : []));
  const skipped = made.flatMap(({ key, made }) => ('skipped' in made ? [{ id: key, reason: made.skipped }] : []));
  return { files: await writeAll(fixtures, dir), skipped };
}

/** diff's differing cases (those no --accept entry accepts), each expected to answer as --a did. */
export async function exportDifferenceFixtures(a: RecordingRun, report: DifferenceReport, dir: string): Promise<Exported> {
  return split(differenceFixtures({ cases: a.cases, stores: a.stores, target: a.target.kind, seed: report.selection.seed }, report.differences, defaultTransformers(), `--b, ${report.sides.b.name},`), dir);
}

export async function exportFailureFixtures(report: Report, dir: string): Promise<Exported> {
  const { fixtures, skipped } = failureFixtures(report);
  return { files: await writeAll(fixtures, dir), skipped };
}

/** `fixtures: N of M cases in DIR (not exported: K: reason; …)`; `what`: the cases exported from. */
export function exportedLine(exported: Exported, dir: string, what: string): string {
  const reasons = new Map<string, number>();
  for (const s of exported.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const notes = [...reasons].map(([reason, n]) => `${n}: ${reason}`);
  return `fixtures: ${exported.files.length} of ${exported.files.length + exported.skipped.length} ${what} in ${dir}${notes.length ? ` (not exported: ${notes.join('; ')})` : ''}`;
}
