// The report of a run as plain, versioned data: what every format is written from.
import { checkStatus, type CheckStatus } from '../suites/recorder.ts';
import type { Finding } from '../suites/types.ts';
import type { Verdict } from './verdict.ts';
import type { SuitesResult } from '../suites/runSuites.ts';
import type { Observation } from '../targets/types.ts';
import { replayCommand, reproduce, type ReplayTarget, type Reproduction } from './reproduction.ts';
import { cutBody, reportedExchange, type ReportedExchange } from './exchange.ts';

export const REPORT_FORMAT = 'omics-conformance-report';
export const REPORT_VERSION = 1;

export type { CheckStatus };

export interface ReportedObservation {
  readonly via: 'sdk' | 'wire';
  readonly httpStatus?: number;
  readonly errorType?: string;
  readonly message?: string;
  readonly output?: unknown;
  readonly transportError?: string;
  /** The raw response body, cut at 4 KiB. */
  readonly body?: string;
  /** The last HTTP exchange of the call, bodies cut at 4 KiB, credential headers redacted. */
  readonly exchange?: ReportedExchange;
}

/** A Finding as report.json writes it: the case and the answer summarised, with a reproduction. */
export interface ReportedFinding {
  readonly message: string;
  readonly expected?: unknown;
  readonly received?: unknown;
  readonly hint?: string;
  readonly case: { readonly operation: string; readonly label: string; readonly send: string; readonly input: unknown; readonly expect: unknown; readonly phase: string };
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
  /** How many findings of each kind; the lists keep the first few. */
  readonly counts: { readonly failed: number; readonly warnings: number; readonly observed: number };
  readonly failures: readonly ReportedFinding[];
  readonly warnings: readonly ReportedFinding[];
  readonly observed: readonly ReportedFinding[];
  readonly skipped?: string;
}

export interface Report {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number; readonly warnings: number };
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
  readonly coverage: {
    readonly rules: number;
    readonly covered: number;
    readonly ratio: number;
    readonly uncovered: readonly string[];
    /** Per rule, how many valid and invalid cases reached the target. */
    readonly grid?: readonly { readonly rule: string; readonly valid: number; readonly invalid: number }[];
  };
  /** Per operation, how many answers carried each error type. */
  readonly errorTypes?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Cases each suite sent. */
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

function finding(f: Finding, target: ReplayTarget): ReportedFinding {
  // The engine gives every recorded finding its case and observation.
  const c = f.case!;
  return {
    message: f.message,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.received !== undefined ? { received: f.received } : {}),
    ...(f.hint ? { hint: f.hint } : {}),
    case: { operation: c.operation, label: c.label, send: c.send, input: c.input, expect: c.expect, phase: c.phase },
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

export function buildReport(result: SuitesResult, meta: ReportMeta): Report {
  const target = { kind: meta.target.kind, region: meta.target.region, ...(meta.target.endpoint ? { endpoint: meta.target.endpoint } : {}) };
  const checks: ReportedCheck[] = result.tallies.map((t) => {
    const s = checkStatus(t);
    const reasons = [...t.skipReasons];
    return {
      id: t.check.id,
      suite: t.check.suite,
      level: t.check.level,
      title: t.check.title,
      spec: t.check.spec,
      status: s,
      cases: t.cases,
      counts: { ...t.counts },
      failures: t.failures.map((f) => finding(f, target)),
      warnings: t.warnings.map((f) => finding(f, target)),
      observed: t.observed.map((f) => finding(f, target)),
      ...(s === 'skipped' ? { skipped: reasons.length ? reasons.join('; ') : 'no case of the run reached this check' } : {}),
    };
  });
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    summary: {
      passed: checks.filter((c) => c.status === 'passed').length,
      failed: checks.filter((c) => c.status === 'failed').length,
      skipped: checks.filter((c) => c.status === 'skipped').length,
      warnings: checks.reduce((n, c) => n + c.counts.warnings, 0),
    },
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
