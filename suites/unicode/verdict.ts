// From the target's answers to the Unicode probes to the versions its pattern matching fits: a pure
// fold, so the verdict is the same whatever ran it.
import type { UnicodeProbe } from '../../generators/unicodeProbes.ts';
import { UNICODE_FLOOR, UNICODE_NEWEST, unicodeVersions, type UnicodeVersion } from '../../specs/index.ts';

/** `inconclusive`: an answer that says nothing about the pattern (throttled, no answer, another error). */
export type ProbeAnswer = 'admitted' | 'refused' | 'inconclusive';

export interface AnsweredProbe {
  readonly probe: UnicodeProbe;
  readonly answer: ProbeAnswer;
  /** What came back, in words. */
  readonly detail: string;
}

export interface UnicodeVerdict {
  /** Every version of the window whose pattern gives exactly the conclusive answers; empty when none does. */
  readonly consistentWith: readonly UnicodeVersion[];
  /** One sentence for people. */
  readonly summary: string;
  readonly conclusive: number;
  /** For an empty fit: the answers that the closest version would not give. */
  readonly contradictions: readonly string[];
}

function expected(probe: UnicodeProbe, version: UnicodeVersion): ProbeAnswer {
  return probe.admittedIn.includes(version) ? 'admitted' : 'refused';
}

function describe(a: AnsweredProbe): string {
  return `${a.answer} ${a.probe.name} (admitted in ${spanOf(a.probe.admittedIn)})`;
}

/** `14.0–15.0`, `17.0`, or a list where the versions are not one run of the window. */
export function spanOf(versions: readonly UnicodeVersion[]): string {
  if (versions.length === 0) return 'no version';
  const indices = versions.map((v) => unicodeVersions.indexOf(v));
  const contiguous = indices.every((x, i) => i === 0 || x === indices[i - 1]! + 1);
  if (!contiguous) return versions.join(', ');
  return versions.length === 1 ? versions[0]! : `${versions[0]}–${versions[versions.length - 1]}`;
}

export function unicodeVerdict(answers: readonly AnsweredProbe[]): UnicodeVerdict {
  const conclusive = answers.filter((a) => a.answer !== 'inconclusive');
  const misfits = (v: UnicodeVersion) => conclusive.filter((a) => a.answer !== expected(a.probe, v));
  const consistentWith = unicodeVersions.filter((v) => misfits(v).length === 0);
  const window = `${UNICODE_FLOOR}–${UNICODE_NEWEST}`;
  if (conclusive.length === 0) {
    return { consistentWith: [], conclusive: 0, contradictions: [], summary: `no probe got an answer about the pattern (${answers[0]?.detail ?? 'nothing was sent'}); the Unicode version is unknown` };
  }
  if (consistentWith.length === 0) {
    const closest = [...unicodeVersions].sort((a, b) => misfits(a).length - misfits(b).length)[0]!;
    const contradictions = misfits(closest).map(describe);
    return {
      consistentWith,
      conclusive: conclusive.length,
      contradictions,
      summary: `the target's pattern matching fits no single Unicode version of ${window}: closest is ${closest}, but it ${contradictions.slice(0, 3).join('; ')}${contradictions.length > 3 ? `; and ${contradictions.length - 3} more` : ''}`,
    };
  }
  const older = consistentWith[0] === UNICODE_FLOOR ? ` (or older: the pinned data starts at ${UNICODE_FLOOR})` : '';
  const newer = consistentWith[consistentWith.length - 1] === UNICODE_NEWEST ? ` (or newer: the pinned data ends at ${UNICODE_NEWEST})` : '';
  return {
    consistentWith,
    conclusive: conclusive.length,
    contradictions: [],
    summary: `the target's pattern matching behaves like Unicode ${spanOf(consistentWith)}${older}${newer}, from its answers to ${conclusive.length} probe characters`,
  };
}
