// Tallies what the checks found, per check: how many cases each saw, its failures (shrunk, with
// the replay that brings them back), warnings, observations, and why it was skipped. Findings of the
// same kind (suites/findingGroup.ts) make one entry with a count and the first finding as its
// example. The tally of a check is a pure fold over its findings (`foldFinding`); its status a pure
// function of the tally.
import type { Case } from '../generators/case.ts';
import type { Observation } from '../targets/types.ts';
import { SentTally } from './sent.ts';
import { findingGroup } from './findingGroup.ts';
import type { Check, Finding } from './types.ts';

/** Findings of one kind: how many, and the first of them (kept for the first few entries of a check). */
export interface FindingEntry {
  readonly group: string;
  readonly count: number;
  readonly example?: Finding;
}

export type EntryKind = 'failed' | 'warnings' | 'observed';

export interface CheckTally {
  readonly check: Check;
  readonly cases: number;
  readonly passed: number;
  /** Findings of each kind. */
  readonly counts: { readonly failed: number; readonly warnings: number; readonly observed: number };
  /** Every entry of each kind, in the order first seen; the first few hold their example. */
  readonly entries: { readonly [K in EntryKind]: readonly FindingEntry[] };
  readonly skipReasons: readonly string[];
}

/** The entries of a kind that hold an example, with it: what a report lists. */
export function examples(t: CheckTally, kind: EntryKind): Array<FindingEntry & { readonly example: Finding }> {
  return t.entries[kind].filter((e): e is FindingEntry & { example: Finding } => e.example !== undefined);
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface FoldOptions {
  /** Count a failure without keeping it (fast-check is about to shrink it). */
  readonly failures?: boolean;
  /** Keep the failure however many are kept already (a property's shrunk counterexample). */
  readonly keepAll?: boolean;
}

/** Entries of one check keep their example for this many per kind, so a report stays readable. */
export const KEEP = 20;

export function emptyTally(check: Check): CheckTally {
  return { check, cases: 0, passed: 0, counts: { failed: 0, warnings: 0, observed: 0 }, entries: { failed: [], warnings: [], observed: [] }, skipReasons: [] };
}

/** The entries with one more finding: counted in its group, its example kept if the group is new and among the first few (or `all`). */
function entered(list: readonly FindingEntry[], f: Finding, all = false): readonly FindingEntry[] {
  const group = findingGroup(f);
  const at = list.findIndex((e) => e.group === group);
  if (at < 0) return [...list, { group, count: 1, ...(all || list.filter((e) => e.example).length < KEEP ? { example: f } : {}) }];
  return list.map((e, i) => (i === at ? { ...e, count: e.count + 1, ...(e.example === undefined && all ? { example: f } : {}) } : e));
}

function fold(t: CheckTally, kind: EntryKind, f: Finding, all = false): CheckTally {
  return { ...t, cases: t.cases + 1, counts: { ...t.counts, [kind]: t.counts[kind] + 1 }, entries: { ...t.entries, [kind]: entered(t.entries[kind], f, all) } };
}

/** The tally with one more finding of its check. */
export function foldFinding(t: CheckTally, f: Finding, options: FoldOptions = {}): CheckTally {
  // A case the target refused to send (the aws target's guard, its store budget) tested nothing.
  if (f.observation?.refused !== undefined && f.status !== 'skipped') f = { ...f, status: 'skipped', message: `not sent: ${f.observation.refused}` };
  switch (f.status) {
    case 'passed':
      return { ...t, cases: t.cases + 1, passed: t.passed + 1 };
    case 'failed':
      if (options.failures === false) return t;
      return fold(t, 'failed', f, options.keepAll);
    case 'warning':
      return fold(t, 'warnings', f);
    case 'observed':
      return fold(t, 'observed', f);
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
  /** One case of `suite` and the calls it made (suites/sent.ts counts them). */
  ran(suite: string, calls: readonly Observation[]): void;
  failureCount(): number;
}

export class Recorder implements FindingSink {
  private readonly tallies = new Map<string, CheckTally>();
  /** Ids of the rules that valid and invalid cases reaching the target exercised. */
  readonly covered = { valid: new Set<string>(), invalid: new Set<string>() };
  readonly sent = new SentTally();

  cover(c: Case): void {
    if (c.expect.outcome === 'open') return;
    this.sent.rulesOf(c);
    const into = c.expect.outcome === 'rejected' ? this.covered.invalid : this.covered.valid;
    for (const id of c.ruleIds) into.add(id);
  }

  ran(suite: string, calls: readonly Observation[]): void {
    this.sent.caseOf(suite, calls);
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
    return this.all().reduce((n, t) => n + t.counts.failed, 0);
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
      ran: (suite, calls) => this.into.ran(suite, calls),
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
