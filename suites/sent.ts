// What a run sent and what came back, counted for the report's pictures: the cases of each suite,
// the error types each operation answered with, and per contract rule the valid and invalid cases
// that reached the target.
import type { Case } from '../generators/case.ts';
import type { Observation } from '../targets/types.ts';

export interface SentCounts {
  /** Cases each suite sent (the shrinker's reruns included). */
  readonly suiteCases: Readonly<Record<string, number>>;
  /** Per operation, how many answers carried each error type. */
  readonly errorTypes: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Per rule id, the valid and invalid cases that reached the target and exercised it. */
  readonly ruleCases: Readonly<Record<string, { readonly valid: number; readonly invalid: number }>>;
}

const sorted = <T>(map: Map<string, T>): Record<string, T> => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export class SentTally {
  private readonly suites = new Map<string, number>();
  private readonly errors = new Map<string, Map<string, number>>();
  private readonly rules = new Map<string, { valid: number; invalid: number }>();

  /** One case of `suite` and the calls it made; a case none of whose calls was sent does not count. */
  caseOf(suite: string, calls: readonly Observation[]): void {
    const sent = calls.filter((o) => o.refused === undefined);
    if (!sent.length) return;
    this.suites.set(suite, (this.suites.get(suite) ?? 0) + 1);
    for (const o of sent) {
      const type = o.transportError ? undefined : o.client.error?.name;
      if (type === undefined) continue;
      const byType = this.errors.get(o.operation) ?? new Map<string, number>();
      byType.set(type, (byType.get(type) ?? 0) + 1);
      this.errors.set(o.operation, byType);
    }
  }

  /** A case whose answer came back: the rules it exercised, counted on its side (valid or invalid). */
  rulesOf(c: Case): void {
    if (c.expect.outcome === 'open') return;
    const side = c.expect.outcome === 'rejected' ? 'invalid' : 'valid';
    for (const id of c.ruleIds) {
      const n = this.rules.get(id) ?? { valid: 0, invalid: 0 };
      n[side]++;
      this.rules.set(id, n);
    }
  }

  counts(): SentCounts {
    return {
      suiteCases: sorted(this.suites),
      errorTypes: sorted(new Map([...this.errors].map(([op, types]) => [op, sorted(types)]))),
      ruleCases: sorted(new Map([...this.rules].map(([id, n]) => [id, { ...n }]))),
    };
  }
}
