// runConformance(options): the whole run as a library call: target, suites, cleanup, report.
import { randomBytes } from 'node:crypto';
import { buildReport, type Report } from '../reports/report.ts';
import { prepareReportDir, ReportDirError } from '../reports/reportDir.ts';
import { REPORTER_NAMES, writeReports, type ReporterName } from '../reports/reporters.ts';
import { runVerdict, type ExpectedFailure, type FailOn } from '../reports/verdict.ts';
import { selectChecks, selectSuites, type Progress, type Replay, type Shard } from '../suites/index.ts';
import { MIN_LIVE_STORES } from '../suites/liveStores.ts';
import { runSuites } from '../suites/runSuites.ts';
import { pollsToSettle, RunStores } from '../suites/stores.ts';
import { operationNames, type OperationName } from '../specs/index.ts';
import { startEmulator } from '../emulator/index.ts';
import { DUMMY_CREDENTIALS } from '../targets/credentials.ts';
import { endpointTarget } from '../targets/endpoint.ts';
import { guardedTarget } from '../targets/guarded.ts';
import { notHealthOmics, plainTransportError } from '../targets/speaks.ts';
import type { Capability, Observation, Target } from '../targets/types.ts';
import { DEFAULT_SDK } from '../targets/sdks.ts';
import type { AdapterFailure } from '../targets/adapterProcess.ts';
import { noRawSends, type AdapterTarget } from '../targets/adapterTarget.ts';
import { createTarget, DEFAULT_MAX_LIVE_STORES, DEFAULT_MAX_STORES, DEFAULT_RATE, targetKind, type TargetChoice } from './targetFactory.ts';
import { UsageError } from './usage.ts';
import { aroundCalls } from '../targets/aroundCalls.ts';

export interface ConformanceOptions extends TargetChoice {
  readonly suites?: readonly string[];
  /** Generated cases per property (default 20). */
  readonly runs?: number;
  /** Default: a fresh random seed, written in the report. */
  readonly seed?: number;
  /** `<seed>:<path>`, `<property>@<seed>:<path>` or `<suite>/boundary@<index>[:plain=<members>]`, from a report. */
  readonly replay?: string;
  /** `K/N`: this run takes the K-th of N deterministic parts. */
  readonly shard?: string;
  readonly concurrency?: number;
  /**
   * Most stores the run holds at once: creates wait for a slot (suites/liveStores.ts). Default: no
   * cap, but DEFAULT_MAX_LIVE_STORES against the real service.
   */
  readonly maxLiveStores?: number;
  /** Only cases of these operations. */
  readonly operations?: readonly string[];
  /** Judge only these checks (ids, or `suite.*`); the suites without one of them do not run. */
  readonly checks?: readonly string[];
  /** Judge every selected check but these. */
  readonly skipChecks?: readonly string[];
  /** Where the reports go (default conformance-report/); `false` writes nothing. */
  readonly reportDir?: string | false;
  /** The formats written there (default all: json, junit, md, html). */
  readonly reporters?: readonly ReporterName[];
  readonly onProgress?: (progress: Progress) => void;
  /** Abort to stop between cases; the run still deletes the stores it made and reports. */
  readonly signal?: AbortSignal;
  /** The lowest level whose failures fail the run (default should). */
  readonly failOn?: FailOn;
  /** Checks known to fail, with the reason: reported as expected, not failing the run. */
  readonly expectFailures?: readonly ExpectedFailure[];
  /**
   * Failing boundary cases run again made plain, for a report a person reads (default true); off
   * where only which checks fail matters (mutate): the plain case fails the same checks.
   */
  readonly plainFailures?: boolean;
  /**
   * A failing property's case shrunk to a minimal one (default true); off where only which checks
   * fail matters (mutate): shrinking runs the failing case's smaller variants one at a time.
   */
  readonly shrink?: boolean;
  /** Called as each call to the target ends, with its observation (each attempt is one wire exchange) and its time limit: for measuring a run. */
  readonly onCall?: (observation: Observation, timeoutMs: number) => void;
}

/** The target did not answer a first, harmless call, or answered as something other than HealthOmics: nothing was run. */
export class TargetUnreachableError extends Error {
  override readonly name = 'TargetUnreachableError';
}

export interface ConformanceResult {
  readonly report: Report;
  readonly reportFiles: readonly string[];
  /** The SDK the calls went through, where it was not the JS SDK v3 in process (its name and version). */
  readonly client?: string;
}

export const DEFAULT_RUNS = 20;
/** Most generated cases per property: a deeper search is a longer run, never an endless one. */
export const MAX_RUNS = 1000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_REPORT_DIR = 'conformance-report';

export function parseShard(text: string | undefined): Shard {
  if (text === undefined) return { index: 1, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${text}: give K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`);
  return { index, count };
}

export function parseReplay(text: string | undefined): Replay | undefined {
  if (text === undefined) return undefined;
  const at = text.lastIndexOf('@');
  const property = at >= 0 ? text.slice(0, at) : undefined;
  const rest = at >= 0 ? text.slice(at + 1) : text;
  if (property?.endsWith('/boundary')) {
    // `:plain=<members>`: the case with those members made plain, as a report names it.
    const m = /^(\d+)(?::plain=([A-Za-z]\w*(?:,[A-Za-z]\w*)*))?$/.exec(rest);
    if (!m) throw new UsageError(`--replay ${text}: a boundary case is replayed as <suite>/boundary@<index>, or <suite>/boundary@<index>:plain=<member>,… as the report prints it`);
    return { property, caseIndex: Number(m[1]), ...(m[2] !== undefined ? { plain: m[2].split(',') } : {}) };
  }
  // A command sequence's replay ends with `#` and which of its commands ran at each shrink step.
  const hash = rest.indexOf('#');
  const commandsPath = hash >= 0 ? rest.slice(hash + 1) : undefined;
  const m = /^(-?\d+):(\d+(?::\d+)*)$/.exec(hash >= 0 ? rest.slice(0, hash) : rest);
  if (!m || (commandsPath !== undefined && !/^[A-Za-z0-9+/]*:[A-Za-z0-9+/]*$/.test(commandsPath))) {
    throw new UsageError(`--replay ${text}: give <seed>:<path> or <property>@<seed>:<path> as the report prints it`);
  }
  return { ...(property ? { property } : {}), seed: Number(m[1]), path: m[2]!, ...(commandsPath !== undefined ? { commandsPath } : {}) };
}

function positive(name: string, value: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new UsageError(`${name} must be a whole number from 1 to ${max} (got ${value})`);
  return value;
}

export interface Settings {
  readonly selected: ReturnType<typeof selectSuites>;
  readonly shard: Shard;
  readonly replay: Replay | undefined;
  readonly runs: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly seed: number;
  readonly operations: OperationName[] | undefined;
  readonly checks: ReadonlySet<string>;
  readonly maxLiveStores: number | undefined;
}

/** The report directory, made and proven writable; a UsageError naming why it cannot be. */
export async function usableReportDir(dir: string): Promise<string> {
  try {
    return await prepareReportDir(dir);
  } catch (err) {
    if (err instanceof ReportDirError) throw new UsageError(err.message);
    throw err;
  }
}

function usage<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The run's selection and pace from its options, checked: a UsageError names what is wrong. */
export function settingsOf(options: ConformanceOptions): Settings {
  const checks = usage(() => selectChecks(options.checks, options.skipChecks));
  const selected = usage(() => selectSuites(options.suites)).filter((s) => s.checks.some((c) => checks.has(c.id)));
  if (selected.length === 0) throw new UsageError(`--checks and --skip-checks leave no check in the suites ${options.suites?.join(', ')}`);
  const shard = parseShard(options.shard);
  const replay = parseReplay(options.replay);
  const runs = positive('--runs', options.runs, DEFAULT_RUNS, MAX_RUNS);
  const concurrency = positive('--concurrency', options.concurrency, DEFAULT_CONCURRENCY);
  const timeoutMs = positive('--timeout-ms', options.timeoutMs, 10_000);
  const seed = options.seed ?? replay?.seed ?? randomBytes(4).readInt32LE();
  const unknownOps = (options.operations ?? []).filter((o) => !(operationNames as readonly string[]).includes(o));
  if (unknownOps.length) throw new UsageError(`--operations: no operation ${unknownOps.join(', ')}; operations: ${operationNames.join(', ')}`);
  const operations = options.operations?.length ? (options.operations as OperationName[]) : undefined;
  const maxLiveStores = options.maxLiveStores !== undefined ? positive('--max-live-stores', options.maxLiveStores, 0) : targetKind(options) === 'aws' ? DEFAULT_MAX_LIVE_STORES : undefined;
  if (maxLiveStores !== undefined && maxLiveStores < MIN_LIVE_STORES) throw new UsageError(`--max-live-stores must be at least ${MIN_LIVE_STORES}: a suite's shared store and a case's own (got ${maxLiveStores})`);
  return { selected, shard, replay, runs, concurrency, timeoutMs, seed, operations, checks, maxLiveStores };
}

export function engineOptions(settings: Settings, runId: string, options: ConformanceOptions) {
  return {
    seed: settings.seed,
    runs: settings.runs,
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutMs,
    ...(settings.maxLiveStores !== undefined ? { maxLiveStores: settings.maxLiveStores } : {}),
    shard: settings.shard,
    runId,
    checks: settings.checks,
    ...(settings.replay ? { replay: settings.replay } : {}),
    ...(settings.operations ? { operations: settings.operations } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.plainFailures === false ? { plainFailures: false } : {}),
    ...(options.shrink === false ? { shrink: false } : {}),
  };
}

/**
 * The target the options choose, proven to answer as HealthOmics by a first harmless call; a
 * TargetUnreachableError (the target closed) when it does not.
 */
export async function openTarget(options: ConformanceOptions, timeoutMs: number): Promise<Target> {
  const created = await createTarget({ ...options, timeoutMs });
  const target = options.onCall ? observed(created, options.onCall, timeoutMs) : created;
  try {
    const probe = await target.call('ListSequenceStores', { maxResults: 1 }, { timeoutMs });
    if (probe.transportError) throw new TargetUnreachableError(`cannot reach the ${target.kind} target${target.endpoint ? ` at ${target.endpoint}` : ''}: ${plainTransportError(probe.transportError, target.endpoint)}`);
    const foreign = notHealthOmics(probe, target.endpoint);
    if (foreign !== undefined) throw new TargetUnreachableError(foreign);
    return target;
  } catch (err) {
    await target.close();
    throw err;
  }
}

/** The failure of an adapter the target's calls went through, if it broke. */
function adapterFailure(target: Target): AdapterFailure | undefined {
  return (target as Partial<AdapterTarget>).failure?.();
}

/** When the suites stopped on an exception, the stores in the target's ledger are still deleted. */
export async function sweep(target: Target, runId: string, timeoutMs: number): Promise<string[]> {
  if (!target.ledger?.outstanding().length) return [];
  const { left } = await new RunStores(target, runId, { timeoutMs, settleTimeoutMs: 60_000 }).cleanup();
  return left;
}

export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const settings = settingsOf(options);
  const { selected, shard, seed, runs, timeoutMs } = settings;
  // Reports are written after the run: where they cannot be, nothing runs.
  const reportDir = options.reportDir === false ? undefined : await usableReportDir(options.reportDir ?? DEFAULT_REPORT_DIR);
  const runId = randomBytes(6).toString('hex');
  const startedAt = new Date();
  const target = await openTarget(options, timeoutMs);
  let result;
  try {
    try {
      result = await runSuites(target, selected, engineOptions(settings, runId, options));
    } catch (err) {
      const broken = adapterFailure(target);
      if (broken) throw broken;
      const left = await sweep(target, runId, timeoutMs);
      if (left.length) throw new Error(`${(err as Error).message}; stores of this run not deleted: ${left.join(', ')}`);
      throw err;
    }
    // An adapter that broke on the way leaves findings that cannot be trusted: the run reports that alone.
    const broken = adapterFailure(target);
    if (broken) throw broken;
  } finally {
    await target.close();
  }
  const built = buildReport(result, {
    target: { kind: target.kind, name: target.name, ...(target.endpoint ? { endpoint: target.endpoint } : {}), region: target.region },
    seed,
    runs,
    shard: `${shard.index}/${shard.count}`,
    suites: selected.map((s) => s.name),
    ...(options.replay !== undefined ? { replay: options.replay } : {}),
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  const report: Report = { ...built, verdict: runVerdict(built, { ...(options.failOn ? { failOn: options.failOn } : {}), ...(options.expectFailures ? { expected: options.expectFailures } : {}) }) };
  const reportFiles = reportDir === undefined ? [] : await writeReports(report, reportDir, options.reporters ?? REPORTER_NAMES);
  return { report, reportFiles, ...(target.client !== undefined ? { client: target.client } : {}) };
}

export interface SuitePlan {
  readonly suite: string;
  /** Cases the suite would run (boundary cases and property runs). */
  readonly cases: number;
  /** Stores it would create. */
  readonly stores: number;
  /** Requests it would send, cleanup included. */
  readonly calls: number;
}

export interface Plan {
  readonly seed: number;
  readonly suites: readonly SuitePlan[];
  readonly stores: number;
  /** Requests in all, the first reachability check included. */
  readonly calls: number;
  readonly callsByOperation: Readonly<Partial<Record<OperationName, number>>>;
  readonly maxStores: number;
  readonly rate: number;
  /** Most stores held at once (absent: no cap). */
  readonly maxLiveStores?: number;
  /** The CREATING time the estimate assumes, in seconds. */
  readonly settleS: number;
  /** Calls the run makes to see each store out of CREATING at that settle time. */
  readonly polls: number;
  /** Lower bounds of the wall time, in seconds: by the rate (calls and polls), and by the live stores (each held through its CREATING time). */
  readonly bounds: { readonly rate: number; readonly liveStores?: number };
}

/** The CREATING time --plan assumes unless told (--assume-settle-s): a guess at a real service's provisioning. */
export const DEFAULT_ASSUMED_SETTLE_S = 10;

const PLAN_CONCURRENCY = 16;

/** A target that hands every observation, with the call's time limit, to `onCall`. */
function observed(inner: Target, onCall: NonNullable<ConformanceOptions['onCall']>, timeoutMs: number): Target {
  return aroundCalls(inner, (_op, _input, o, send) => send().then((obs) => (onCall(obs, o?.timeoutMs ?? timeoutMs), obs)));
}

/** A target that counts what it sends. */
function counting(inner: Target, counts: Map<OperationName, number>): Target {
  return aroundCalls(inner, (op, _input, _options, send) => (counts.set(op, (counts.get(op) ?? 0) + 1), send()));
}

/** The name of the client under test where it is not the JS SDK v3 in this process, else undefined. */
export function clientUnderTest(choice: { readonly sdk?: string; readonly sdkAdapter?: string }): string | undefined {
  if (choice.sdkAdapter !== undefined) return `--sdk-adapter ${choice.sdkAdapter}`;
  return choice.sdk !== undefined && choice.sdk !== DEFAULT_SDK ? choice.sdk : undefined;
}

/**
 * The plan's stand-in as an SDK behind an adapter has it: the client view and no raw sends (the
 * run's raw-wire cases are skipped); the wire and scripted faults only where the service is our
 * emulator, whose request log and fault plan the adapter's calls go through.
 */
function throughClient(standIn: Target, choice: { readonly sdk?: string; readonly sdkAdapter?: string }, ourEmulator: boolean): Target {
  const client = clientUnderTest(choice);
  if (client === undefined) return standIn;
  const { sendRaw: _notThroughAnSdk, ...rest } = standIn;
  return {
    ...rest,
    client,
    capabilities: new Set<Capability>(['client-view', ...(ourEmulator ? (['wire-capture', 'fail-first-attempts'] as const) : [])]),
    lacking: {
      ...standIn.lacking,
      'raw-send': noRawSends(client),
      ...(ourEmulator ? {} : { 'wire-capture': `${client} runs in another process and the service keeps no log of its requests` }),
    },
  };
}

/**
 * What a run with these options would create and send, without sending anything to the target:
 * the selected suites, seed and runs are simulated against an in-process emulator dressed as the
 * aws target (no admin route, the guard on, no budget), so the case lists are exactly the run's.
 */
export async function planConformance(options: ConformanceOptions & { assumeSettleS?: number } = {}): Promise<Plan> {
  const settings = settingsOf(options);
  const settleS = options.assumeSettleS ?? DEFAULT_ASSUMED_SETTLE_S;
  if (!(Number.isFinite(settleS) && settleS >= 0)) throw new UsageError(`--assume-settle-s must be 0 or more seconds (got ${settleS})`);
  const maxStores = options.maxStores ?? DEFAULT_MAX_STORES;
  const rate = options.rate ?? DEFAULT_RATE;
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const counts = new Map<OperationName, number>();
  const suites: SuitePlan[] = [];
  try {
    const { endpoint: _hidden, ...asAws } = endpointTarget({ endpoint: emulator.url, region: emulator.core.config.region, credentials: DUMMY_CREDENTIALS, kind: 'aws', name: 'plan', timeoutMs: settings.timeoutMs });
    const counted = counting(throughClient(asAws, options, targetKind(options) === 'emulator'), counts);
    const total = () => [...counts.values()].reduce((a, b) => a + b, 0);
    await counted.call('ListSequenceStores', { maxResults: 1 });
    for (const suite of settings.selected) {
      const target = guardedTarget(counted);
      const before = total();
      let cases = 0;
      const onProgress = (p: Progress) => {
        if (p.phase !== 'cleanup') cases++;
      };
      // Concurrency does not change what is sent, only how fast the simulation goes.
      await runSuites(target, [suite], { ...engineOptions(settings, randomBytes(6).toString('hex'), { ...options, onProgress }), concurrency: PLAN_CONCURRENCY });
      suites.push({ suite: suite.name, cases, stores: target.ledger.created, calls: total() - before });
    }
    await asAws.close();
  } finally {
    await emulator.close();
  }
  const stores = suites.reduce((n, s) => n + s.stores, 0);
  const calls = [...counts.values()].reduce((a, b) => a + b, 0);
  const polls = settleS > 0 ? pollsToSettle(settleS * 1000, stores) : 0;
  return {
    seed: settings.seed,
    suites,
    stores,
    calls,
    callsByOperation: Object.fromEntries(counts),
    maxStores,
    rate,
    ...(settings.maxLiveStores !== undefined ? { maxLiveStores: settings.maxLiveStores } : {}),
    settleS,
    polls,
    bounds: { rate: (calls + polls) / rate, ...(settings.maxLiveStores !== undefined ? { liveStores: (stores * settleS) / settings.maxLiveStores } : {}) },
  };
}
