// A failing boundary case run again made plain (generators/plainCase.ts), so the report shows what
// a person reads at a glance: all members at once, else one member at a time, each kept only where
// the case still fails exactly the checks it failed. The replay value names the members made plain.
import type { Case } from '../generators/case.ts';
import { plainCase, plainMembers } from '../generators/plainCase.ts';
import type { Finding } from './types.ts';

export interface PlainFailure {
  readonly case: Case;
  readonly findings: Finding[];
  readonly members: readonly string[];
}

const failedIds = (findings: readonly Finding[]) => [...new Set(findings.filter((f) => f.status === 'failed').map((f) => f.checkId))].sort();

/** The suffix of a boundary replay value for a case with these members made plain. */
export function plainSuffix(members: readonly string[]): string {
  return `:plain=${members.join(',')}`;
}

/** The plain case that fails as `c` did (its findings `found`), or undefined when there is none. */
export async function plainFailure(c: Case, found: readonly Finding[], judge: (c: Case) => Promise<Finding[]>): Promise<PlainFailure | undefined> {
  const want = JSON.stringify(failedIds(found));
  const attempt = async (members: readonly string[]): Promise<PlainFailure | undefined> => {
    const plain = plainCase(c, members);
    if (plain === c) return undefined;
    const findings = await judge(plain);
    return JSON.stringify(failedIds(findings)) === want ? { case: plain, findings, members } : undefined;
  };
  const members = plainMembers(c);
  if (members.length === 0) return undefined;
  const all = await attempt(members);
  if (all || members.length === 1) return all;
  let kept: PlainFailure | undefined;
  for (const m of members) kept = (await attempt([...(kept?.members ?? []), m])) ?? kept;
  return kept;
}

/**
 * The findings of a failing case as a report should show them: its failures replaced by those of
 * its plain case, under the plain case's replay value, where there is one. Its other findings stay:
 * the plain case's would count the case twice.
 */
export async function withPlainFailures(c: Case, found: Finding[], judge: (c: Case) => Promise<Finding[]>, replay: string): Promise<Finding[]> {
  const plain = await plainFailure(c, found, judge);
  if (!plain) return found;
  const failures = plain.findings.filter((f) => f.status === 'failed').map((f) => ({ ...f, replay: replay + plainSuffix(plain.members) }));
  return [...found.filter((f) => f.status !== 'failed'), ...failures];
}

/**
 * Which failing cases, met in case order, to run again made plain: those among the first `perCheck`
 * failing cases of one of their checks (the ones a report keeps). Deterministic for a run.
 */
export function plainChooser(perCheck: number): (found: readonly Finding[]) => boolean {
  const seen = new Map<string, number>();
  return (found) => {
    let chosen = false;
    for (const id of failedIds(found)) {
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      if (n < perCheck) chosen = true;
    }
    return chosen;
  };
}
