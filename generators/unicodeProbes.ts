// Characters that tell Unicode versions apart: for each version of the pinned window after the
// oldest, a few code points the printable pattern admits from that version on and never before (new
// letters, symbols, marks…) or, where a version added none, one whose admission changed in it (U+180E
// left the separators in 6.3); and one character every version admits, as a control. Sent to a
// target, the answers say which Unicode version its pattern matching behaves like.
import { codePointName, pinnedCharClass, unicodeVersions, type UnicodeVersion } from '../specs/index.ts';

export interface UnicodeProbe {
  readonly char: string;
  readonly codePoint: number;
  /** `U+20C1`. */
  readonly name: string;
  /** The version whose answer it tells apart from the one before (the oldest, for the control). */
  readonly version: UnicodeVersion;
  /** Every version of the window whose pattern admits it. */
  readonly admittedIn: readonly UnicodeVersion[];
}

const LAST_CODE_POINT = 0x10ffff;
const CONTROL_CODE_POINT = 0x41;

function probe(codePoint: number, version: UnicodeVersion, admittedIn: readonly UnicodeVersion[]): UnicodeProbe {
  return { char: String.fromCodePoint(codePoint), codePoint, name: codePointName(codePoint), version, admittedIn };
}

const cache = new Map<string, UnicodeProbe[]>();

/**
 * The probes of a `\p{…}` pattern: the control, then `perVersion` characters of each later version,
 * spread over that version's new characters (first, middle, last, …). A pure function of the pinned
 * table: the same probes on every Node.js.
 */
export function unicodeProbes(pattern: string, perVersion = 3): readonly UnicodeProbe[] {
  const key = `${perVersion}:${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const pinned = pinnedCharClass(pattern);
  if (!pinned) throw new Error(`unicodeProbes: pattern ${pattern} has no \\p{…} class; its matching does not depend on a Unicode version`);
  // Per version index: characters admitted from it on for good, and characters whose admission changes at it.
  const gained = unicodeVersions.map((): number[] => []);
  const changed = unicodeVersions.map((): number[] => []);
  for (let cp = 0; cp <= LAST_CODE_POINT; cp++) {
    if (pinned.kind(cp) !== 'version-dependent') continue;
    const admitted = pinned.versionsAllowing(cp);
    const from = unicodeVersions.indexOf(admitted[0]!);
    if (admitted.length === unicodeVersions.length - from) gained[from]!.push(cp);
    else unicodeVersions.forEach((v, i) => i > 0 && admitted.includes(v) !== admitted.includes(unicodeVersions[i - 1]!) && changed[i]!.push(cp));
  }
  const out = [probe(CONTROL_CODE_POINT, unicodeVersions[0]!, pinned.versionsAllowing(CONTROL_CODE_POINT))];
  for (let i = 1; i < unicodeVersions.length; i++) {
    const cps = gained[i]!.length ? gained[i]! : changed[i]!;
    const picks = new Set(Array.from({ length: Math.min(perVersion, cps.length) }, (_, i) => cps[perVersion === 1 ? 0 : Math.round((i * (cps.length - 1)) / (perVersion - 1))]!));
    for (const cp of picks) out.push(probe(cp, unicodeVersions[i]!, pinned.versionsAllowing(cp)));
  }
  cache.set(key, out);
  return out;
}
