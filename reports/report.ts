// The report of a run as plain, versioned data: what every format is written from.
import { checkStatus, examples, type CheckStatus, type EntryKind, type FindingEntry } from '../suites/recorder.ts';
import type { Finding } from '../suites/types.ts';
import type { Verdict } from './verdict.ts';
import type { SuitesResult } from '../suites/runSuites.ts';
import type { Observation } from '../targets/types.ts';
import { replayCommand, reproduce, type ReplayTarget, type Reproduction } from './reproduction.ts';
import { cutBody, reportedExchange, type ReportedExchange } from './exchange.ts';

export const REPORT_FORMAT = 'omics-conformance-report';
export const REPORT_VERSION = 2;

export type { CheckStatus, ReportedExchange };

export interface ReportedObservation {
  readonly via: 'sdk' | 'wire';
  readonly httpStatus?: number;
  readonly errorType?: string;
  readonly message?: string;
  readonly output?: unknown;
  readonly transportError?: string;
  /** The raw response body, cut at 4 KiB. */
  readonly body?: string;
  /** The last HTTP exchange as it went over the wire. */
  readonly exchange?: ReportedExchange;
}

/**
 * A Finding as report.json writes it: the case and the answer summarised, with a reproduction. In a
 * check's lists each stands for an entry: the first of `count` findings of one kind (`group`).
 */
export interface ReportedFinding {
  readonly message: string;
  /** How many findings of the check this entry stands for (this one the first). */
  readonly count: number;
  /** The entry's grouping key: check, operation, member, and the message with its values as placeholders. */
  readonly group: string;
  readonly expected?: unknown;
  readonly received?: unknown;
  readonly hint?: string;
  readonly case: { readonly operation: string; readonly label: string; readonly send: string; readonly input: unknown; readonly expect: unknown; readonly phase: string; readonly needs?: string };
  readonly observed: ReportedObservation;
  /** `--replay` value that runs this case again. */
  readonly replay: string;
  /** The whole command that runs it again, on the target it failed on. */
  readonly replayCommand: string;
  readonly reproduction: Reproduction;
}

export interface ReportedCheck {
  readonly id: string;
  readonly suite: string;
  readonly level: string;
  readonly title: string;
  readonly spec: string;
  readonly status: CheckStatus;
  readonly cases: number;
  /** How many findings (one per case) of each kind. */
  readonly counts: { readonly failed: number; readonly warnings: number; readonly observed: number };
  /** How many entries (findings grouped by kind) of each kind; the lists hold the first few, each with its count. */
  readonly entries: { readonly failed: number; readonly warnings: number; readonly observed: number };
  readonly failures: readonly ReportedFinding[];
  readonly warnings: readonly ReportedFinding[];
  readonly observed: readonly ReportedFinding[];
  readonly skipped?: string;
}

export interface Summary {
  /** Checks. */
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Warning entries (findings of one kind count once), and the cases that warned. */
  readonly warnings: number;
  readonly warningCases: number;
  /** OBSERVED note entries, and the cases noted. */
  readonly observed: number;
  readonly observedCases: number;
  /** Failure entries, and the failing cases. */
  readonly failures: number;
  readonly failedCases: number;
}

/** One rule of the contract: how many valid and invalid cases reaching the target exercised it. */
export interface CoverageCell {
  readonly rule: string;
  readonly valid: number;
  readonly invalid: number;
}

export interface Report {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  /** Checks passed, failed and skipped; warnings, observed notes and failures as entries (grouped) and as cases. */
  readonly summary: Summary;
  readonly target: { readonly kind: string; readonly name: string; readonly endpoint?: string; readonly region: string };
  readonly seed: number;
  readonly runs: number;
  readonly shard: string;
  readonly suites: readonly string[];
  /** The `--replay` value the run was given: it ran that one case. */
  readonly replay?: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly checks: readonly ReportedCheck[];
  /** Spec rules with both a valid and an invalid case that reached the target (rules no JSON request can break count on the invalid side). */
  readonly coverage: { readonly rules: number; readonly covered: number; readonly ratio: number; readonly uncovered: readonly string[]; readonly grid?: readonly CoverageCell[] };
  /** Error types seen, per operation: how many answers of each. */
  readonly errorTypes?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Cases run, per suite. */
  readonly suiteCases?: Readonly<Record<string, number>>;
  readonly cleanup: { readonly deleted: number; readonly left: readonly string[] };
  readonly aborted?: string;
  /** What the outcome means for CI: the checks that fail the run, those below --fail-on, expected and stale ones. */
  readonly verdict?: Verdict;
}

function observed(obs: Observation, endpoint: string | undefined): ReportedObservation {
  const exchange = obs.wire?.[obs.wire.length - 1];
  const last = exchange?.response;
  const e = obs.client.error;
  return {
    via: obs.via,
    ...(last ? { httpStatus: last.status, body: cutBody(last.body) } : e?.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
    ...(e ? { errorType: e.name, message: e.message } : {}),
    ...(obs.client.output && !last ? { output: obs.client.output } : {}),
    ...(obs.transportError ? { transportError: obs.transportError } : {}),
    ...(exchange ? { exchange: reportedExchange(exchange, endpoint) } : {}),
  };
}

function finding(entry: FindingEntry & { example: Finding }, target: ReplayTarget): ReportedFinding {
  // The engine gives every recorded finding its case and observation.
  const f = entry.example;
  const c = f.case!;
  return {
    message: f.message,
    count: entry.count,
    group: entry.group,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.received !== undefined ? { received: f.received } : {}),
    ...(f.hint ? { hint: f.hint } : {}),
    case: { operation: c.operation, label: c.label, send: c.send, input: c.input, expect: c.expect, phase: c.phase, ...(c.needs ? { needs: c.needs } : {}) },
    observed: observed(f.observation!, target.endpoint),
    replay: f.replay ?? '',
    replayCommand: replayCommand(f.replay ?? '', target),
    reproduction: reproduce(c.operation, c.input, target),
  };
}

export interface ReportMeta {
  readonly target: Report['target'];
  readonly seed: number;
  readonly runs: number;
  readonly shard: string;
  readonly suites: readonly string[];
  readonly replay?: string;
  readonly startedAt: Date;
  readonly durationMs: number;
}

/** The summary of a report's checks. */
export function summarise(checks: readonly ReportedCheck[]): Summary {
  const sum = (of: (c: ReportedCheck) => number) => checks.reduce((n, c) => n + of(c), 0);
  const status = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  return {
    passed: status('passed'),
    failed: status('failed'),
    skipped: status('skipped'),
    warnings: sum((c) => c.entries.warnings),
    warningCases: sum((c) => c.counts.warnings),
    observed: sum((c) => c.entries.observed),
    observedCases: sum((c) => c.counts.observed),
    failures: sum((c) => c.entries.failed),
    failedCases: sum((c) => c.counts.failed),
  };
}

export function buildReport(result: SuitesResult, meta: ReportMeta): Report {
  const target = { kind: meta.target.kind, region: meta.target.region, ...(meta.target.endpoint ? { endpoint: meta.target.endpoint } : {}) };
  const checks: ReportedCheck[] = result.tallies.map((t) => {
    const s = checkStatus(t);
    const reasons = [...t.skipReasons];
    const listed = (kind: EntryKind) => examples(t, kind).map((e) => finding(e, target));
    return {
      id: t.check.id,
      suite: t.check.suite,
      level: t.check.level,
      title: t.check.title,
      spec: t.check.spec,
      status: s,
      cases: t.cases,
      counts: { ...t.counts },
      entries: { failed: t.entries.failed.length, warnings: t.entries.warnings.length, observed: t.entries.observed.length },
      failures: listed('failed'),
      warnings: listed('warnings'),
      observed: listed('observed'),
      ...(s === 'skipped' ? { skipped: reasons.length ? reasons.join('; ') : 'no case of the run reached this check' } : {}),
    };
  });
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    summary: summarise(checks),
    target: meta.target,
    seed: meta.seed,
    runs: meta.runs,
    shard: meta.shard,
    suites: meta.suites,
    ...(meta.replay !== undefined ? { replay: meta.replay } : {}),
    startedAt: meta.startedAt.toISOString(),
    durationMs: Math.round(meta.durationMs),
    checks,
    coverage: {
      rules: result.coverage.total,
      covered: result.coverage.covered,
      ratio: Math.round(result.coverage.ratio * 1000) / 1000,
      uncovered: result.coverage.uncovered.map((r) => r.rule.id),
      grid: result.coverage.rules.map(({ rule }) => ({ rule: rule.id, valid: result.sent.ruleCases[rule.id]?.valid ?? 0, invalid: result.sent.ruleCases[rule.id]?.invalid ?? 0 })),
    },
    errorTypes: result.sent.errorTypes,
    suiteCases: Object.fromEntries(meta.suites.map((s) => [s, result.sent.suiteCases[s] ?? 0])),
    cleanup: result.cleanup,
    ...(result.aborted ? { aborted: result.aborted } : {}),
  };
}
