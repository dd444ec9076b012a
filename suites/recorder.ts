// Tallies what the checks found, per check: how many cases each saw, its failures (shrunk, with
// the replay that brings them back), warnings, observations, and why it was skipped. The tally of
// a check is a pure fold over its findings (`foldFinding`); its status a pure function of the tally.
import type { Case } from '../generators/case.ts';
import type { Check, Finding } from './types.ts';

export interface CheckTally {
  readonly check: Check;
  readonly cases: number;
  readonly passed: number;
  /** Totals; the lists below keep the first few of each. */
  readonly counts: { readonly failed: number; readonly warnings: number; readonly observed: number };
  readonly failures: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly observed: readonly Finding[];
  readonly skipReasons: readonly string[];
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface FoldOptions {
  /** Count a failure without keeping it (fast-check is about to shrink it). */
  readonly failures?: boolean;
  /** Keep the failure however many are kept already (a property's shrunk counterexample). */
  readonly keepAll?: boolean;
}

/** Findings of one check are kept to this many per kind, so a report stays readable. */
export const KEEP = 20;

export function emptyTally(check: Check): CheckTally {
  return { check, cases: 0, passed: 0, counts: { failed: 0, warnings: 0, observed: 0 }, failures: [], warnings: [], observed: [], skipReasons: [] };
}

const kept = (list: readonly Finding[], f: Finding, all = false) => (all || list.length < KEEP ? [...list, f] : list);

/** The tally with one more finding of its check. */
export function foldFinding(t: CheckTally, f: Finding, options: FoldOptions = {}): CheckTally {
  // A case the target refused to send (the aws target's guard, its store budget) tested nothing.
  if (f.observation?.refused !== undefined && f.status !== 'skipped') f = { ...f, status: 'skipped', message: `not sent: ${f.observation.refused}` };
  switch (f.status) {
    case 'passed':
      return { ...t, cases: t.cases + 1, passed: t.passed + 1 };
    case 'failed':
      if (options.failures === false) return t;
      return { ...t, cases: t.cases + 1, counts: { ...t.counts, failed: t.counts.failed + 1 }, failures: kept(t.failures, f, options.keepAll) };
    case 'warning':
      return { ...t, cases: t.cases + 1, counts: { ...t.counts, warnings: t.counts.warnings + 1 }, warnings: kept(t.warnings, f) };
    case 'observed':
      return { ...t, cases: t.cases + 1, counts: { ...t.counts, observed: t.counts.observed + 1 }, observed: kept(t.observed, f) };
    case 'skipped':
      return t.skipReasons.includes(f.message) ? t : { ...t, skipReasons: [...t.skipReasons, f.message] };
  }
}

/** A check failed if any finding failed; passed if it judged any case; else it was skipped. */
export function checkStatus(t: CheckTally): CheckStatus {
  if (t.counts.failed > 0) return 'failed';
  return t.cases > 0 ? 'passed' : 'skipped';
}

/** Where a phase of a run puts what its checks found. */
export interface FindingSink {
  record(findings: readonly Finding[], replay: string, options?: FoldOptions): void;
  cover(c: Case): void;
  failureCount(): number;
}

export class Recorder implements FindingSink {
  private readonly tallies = new Map<string, CheckTally>();
  /** Ids of the rules that valid and invalid cases reaching the target exercised. */
  readonly covered = { valid: new Set<string>(), invalid: new Set<string>() };

  cover(c: Case): void {
    if (c.expect.outcome === 'open') return;
    const into = c.expect.outcome === 'rejected' ? this.covered.invalid : this.covered.valid;
    for (const id of c.ruleIds) into.add(id);
  }

  register(checks: readonly Check[]): void {
    for (const check of checks) if (!this.tallies.has(check.id)) this.tallies.set(check.id, emptyTally(check));
  }

  /** Findings of checks the run did not register (not selected) are dropped. */
  record(findings: readonly Finding[], replay: string, options: FoldOptions = {}): void {
    for (const f of findings) {
      const tally = this.tallies.get(f.checkId);
      if (tally) this.tallies.set(f.checkId, foldFinding(tally, f.replay === undefined ? { ...f, replay } : f, options));
    }
  }

  all(): CheckTally[] {
    return [...this.tallies.values()];
  }

  failureCount(): number {
    return this.all().reduce((n, t) => n + t.failures.length, 0);
  }
}

/**
 * Sinks for phases that run at once (a suite's boundary cases and properties, the suites of a run),
 * each recording into `into` in the order the sinks were made, whatever order the phases' work
 * finishes in: a report lists the same findings in the same order however the run's timing fell.
 * The first unfinished phase records at once; later ones are held until every phase before is done.
 */
export class OrderedSinks {
  private readonly held: Array<Array<() => void>> = [];
  private readonly finished: boolean[] = [];
  private head = 0;

  constructor(private readonly into: FindingSink) {}

  /** The next phase's sink, and `done` to call when the phase has recorded everything. */
  next(): { readonly sink: FindingSink; done(): void } {
    const index = this.held.length;
    this.held.push([]);
    this.finished.push(false);
    const later = (op: () => void) => (index === this.head ? op() : this.held[index]!.push(op));
    const sink: FindingSink = {
      record: (findings, replay, options) => later(() => this.into.record(findings, replay, options)),
      cover: (c) => this.into.cover(c),
      failureCount: () => this.into.failureCount(),
    };
    return { sink, done: () => this.finish(index) };
  }

  private finish(index: number): void {
    this.finished[index] = true;
    while (this.head < this.held.length && this.finished[this.head]) {
      this.head++;
      const ops = this.held[this.head];
      if (!ops) break;
      for (const op of ops.splice(0)) op();
    }
  }
}
