// Known differences, declared as data: a divergences file (`--accept FILE`) lists one per line, a
// path pattern and the reason (`**.error.message emulator words messages differently`; `#` starts a
// comment). A difference a pattern matches is accepted: reported with its reason, never failed. An
// entry that matched nothing this time is stale, so the file does not rot.
import type { Difference } from './compare.ts';
import { pathPattern, type PathStep } from './path.ts';

export interface Divergence {
  readonly pattern: string;
  readonly reason: string;
  /** Where it was declared: `file:line`. */
  readonly at: string;
}

export interface AcceptedDifference extends Difference {
  readonly reason: string;
  readonly pattern: string;
}

export interface Judged {
  /** Differences no entry accepts: these fail. */
  readonly refused: readonly Difference[];
  readonly accepted: readonly AcceptedDifference[];
  /** Entries that accepted no difference. */
  readonly stale: readonly Divergence[];
}

/** A divergences file's text; an Error naming `file:line` and what is wrong with it. */
export function parseDivergences(text: string, file: string): Divergence[] {
  const out: Divergence[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const at = `${file}:${i + 1}`;
    const [pattern, ...words] = line.split(/\s+/);
    try {
      pathPattern(pattern!);
    } catch (err) {
      throw new Error(`${at}: ${(err as Error).message}`);
    }
    if (words.length === 0) throw new Error(`${at}: ${pattern} needs a reason after it, e.g. "${pattern} the emulator words messages differently"`);
    if (out.some((d) => d.pattern === pattern)) throw new Error(`${at}: ${pattern} is listed twice`);
    out.push({ pattern: pattern!, reason: words.join(' '), at });
  });
  return out;
}

/** Each difference accepted by the first entry whose pattern matches its path, or refused. */
export function judgeDifferences(differences: readonly Difference[], divergences: readonly Divergence[]): Judged {
  const compiled = divergences.map((d) => ({ d, test: pathPattern(d.pattern) as (s: readonly PathStep[]) => boolean }));
  const used = new Set<Divergence>();
  const refused: Difference[] = [];
  const accepted: AcceptedDifference[] = [];
  for (const difference of differences) {
    const hit = compiled.find(({ test }) => test(difference.steps));
    if (!hit) {
      refused.push(difference);
      continue;
    }
    used.add(hit.d);
    accepted.push({ ...difference, reason: hit.d.reason, pattern: hit.d.pattern });
  }
  return { refused, accepted, stale: divergences.filter((d) => !used.has(d)) };
}
