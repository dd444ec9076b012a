// Tallies what the checks found, per check: how many cases each saw, its failures (shrunk, with
// the replay that brings them back), warnings, observations, and why it was skipped.
import type { Case } from '../generators/case.ts';
import type { Observation } from '../targets/types.ts';
import type { Check, Finding } from './types.ts';

export interface FindingRecord {
  readonly finding: Finding;
  readonly case: Case;
  readonly observation: Observation;
  /** `--replay` value that runs the case again. */
  readonly replay: string;
}

export interface CheckTally {
  readonly check: Check;
  cases: number;
  passed: number;
  /** Totals; the lists below keep the first few of each. */
  counts: { failed: number; warnings: number; observed: number };
  readonly failures: FindingRecord[];
  readonly warnings: FindingRecord[];
  readonly observed: FindingRecord[];
  readonly skipReasons: Set<string>;
}

export interface ExecutedFinding {
  readonly check: Check;
  readonly finding: Finding;
  readonly case: Case;
  readonly observation: Observation;
}

/** Findings of one case are kept to this many per check and kind, so a report stays readable. */
const KEEP = 20;

export class Recorder {
  private readonly tallies = new Map<string, CheckTally>();
  /** Ids of the rules that valid and invalid cases reaching the target exercised. */
  readonly covered = { valid: new Set<string>(), invalid: new Set<string>() };

  cover(c: Case): void {
    if (c.expect.outcome === 'open') return;
    const into = c.expect.outcome === 'rejected' ? this.covered.invalid : this.covered.valid;
    for (const id of c.ruleIds) into.add(id);
  }

  register(checks: readonly Check[]): void {
    for (const check of checks) {
      if (!this.tallies.has(check.id)) this.tallies.set(check.id, { check, cases: 0, passed: 0, counts: { failed: 0, warnings: 0, observed: 0 }, failures: [], warnings: [], observed: [], skipReasons: new Set() });
    }
  }

  /**
   * `failures: false` counts a run without keeping its failures (fast-check is about to shrink it);
   * `keepAll` keeps the failures however many are kept already (a property's shrunk counterexample).
   */
  record(executed: readonly ExecutedFinding[], replay: string, options: { failures?: boolean; keepAll?: boolean } = {}): void {
    for (const x of executed) {
      const { check, case: c, observation } = x;
      // A case the target refused to send (the aws target's guard, its store budget) tested nothing.
      const finding: Finding = observation.refused === undefined ? x.finding : { checkId: x.finding.checkId, status: 'skipped', message: `not sent: ${observation.refused}` };
      const tally = this.tallies.get(check.id);
      if (!tally) continue;
      const rec = { finding, case: c, observation, replay };
      switch (finding.status) {
        case 'passed':
          tally.cases++;
          tally.passed++;
          break;
        case 'failed':
          if (options.failures === false) break;
          tally.cases++;
          tally.counts.failed++;
          if (options.keepAll || tally.failures.length < KEEP) tally.failures.push(rec);
          break;
        case 'warning':
          tally.cases++;
          tally.counts.warnings++;
          if (tally.warnings.length < KEEP) tally.warnings.push(rec);
          break;
        case 'observed':
          tally.cases++;
          tally.counts.observed++;
          if (tally.observed.length < KEEP) tally.observed.push(rec);
          break;
        case 'skipped':
          tally.skipReasons.add(finding.message);
          break;
      }
    }
  }

  all(): CheckTally[] {
    return [...this.tallies.values()];
  }

  failureCount(): number {
    return this.all().reduce((n, t) => n + t.failures.length, 0);
  }
}
