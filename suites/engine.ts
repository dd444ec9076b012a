// Runs cases against a target and hands each observation to the checks: first the boundary cases
// (every one, in order), then fast-check properties whose failures shrink to a minimal case.
import * as fc from 'fast-check';
import type { Case } from '../generators/case.ts';
import type { OperationName } from '../specs/index.ts';
import type { Observation, Target } from '../targets/types.ts';
import type { Recorder } from './recorder.ts';
import { NoStoreToTestWith, type RunStores } from './stores.ts';
import type { Uniquifier } from './unique.ts';
import type { Check, CheckContext, Finding, ObservationCheck, ScenarioCheck, Trace, TraceCall } from './types.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface Replay {
  /** A property id, or `<suite>/boundary`; absent = every property of the selected suites. */
  readonly property?: string;
  readonly seed?: number;
  readonly path?: string;
  /** A boundary case's index. */
  readonly caseIndex?: number;
  /** Which commands of each shrink step ran, as fast-check's fc.commands writes it (its `replayPath`). */
  readonly commandsPath?: string;
}

export interface Progress {
  readonly suite: string;
  readonly phase: 'boundary' | 'property' | 'cleanup';
  readonly done: number;
  readonly total: number;
  readonly failures: number;
}

export interface EngineOptions {
  readonly seed: number;
  /** Runs per property. */
  readonly runs: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly shard: Shard;
  readonly replay?: Replay;
  /** Only cases of these operations (all when absent). */
  readonly operations?: readonly OperationName[];
  readonly onProgress?: (progress: Progress) => void;
  /** Stops the run between cases (the stores it made are still deleted). */
  readonly signal?: AbortSignal;
}

export class RunInterrupted extends Error {
  override readonly name = 'RunInterrupted';
}

function stopIfAborted(env: SuiteEnv): void {
  if (env.options.signal?.aborted) throw new RunInterrupted('the run was interrupted');
}

export interface SuiteEnv {
  readonly target: Target;
  readonly stores: RunStores;
  readonly recorder: Recorder;
  readonly options: EngineOptions;
  /** Shared by every check of the run: the first ARN seen. */
  readonly firstArn: CheckContext['firstArn'];
  readonly unique: Uniquifier;
}

/** One call as executed, for the observation checks, with the case it answers and extra context. */
export interface ExecutedCall {
  readonly case: Case;
  readonly observation: Observation;
  readonly context?: Partial<CheckContext>;
  /** The case could not be sent to this target, and why: every check records it as skipped. */
  readonly skipped?: string;
}

/** A scenario as executed, for the scenario checks that read its trace. */
export interface ExecutedScenario {
  readonly trace: Trace<unknown>;
  readonly context?: Partial<CheckContext>;
}

/** What executing one case produced: calls for the observation checks, traces for the scenario checks. */
export type Executed = ExecutedCall | ExecutedScenario;

export interface Suite {
  readonly name: string;
  readonly description: string;
  readonly checks: readonly Check[];
  run(env: SuiteEnv): Promise<void>;
}

function contextOf(env: SuiteEnv, calledAt: number, extra: Partial<CheckContext> | undefined): CheckContext {
  return { region: env.target.region, firstArn: env.firstArn, calledAt, hasWire: env.target.hasWire, ...extra };
}

/** Why the target cannot give a check what it needs; undefined when it can. */
function unmetNeed(env: SuiteEnv, check: Check): string | undefined {
  if (check.needs?.includes('wire') && !env.target.hasWire) return `no wire on the ${env.target.kind} target`;
  return undefined;
}

const skippedAll = (checks: readonly Check[], c: Case, observation: Observation, message: string): Finding[] =>
  checks.map((check) => ({ checkId: check.id, status: 'skipped', message, case: c, observation }));

function judgeCall(env: SuiteEnv, checks: readonly Check[], x: ExecutedCall): Finding[] {
  const { case: c, observation } = x;
  const mine = checks.filter((check): check is ObservationCheck => check.kind === 'observation');
  if (x.skipped !== undefined) return skippedAll(mine, c, observation, x.skipped);
  if (!observation.transportError) env.recorder.cover(c);
  const context = contextOf(env, Date.now() - observation.durationMs, x.context);
  const out: Finding[] = [];
  for (const check of mine) {
    if (check.operations && !check.operations.includes(observation.operation)) continue;
    const unmet = unmetNeed(env, check);
    if (unmet !== undefined) {
      out.push({ checkId: check.id, status: 'skipped', message: unmet, case: c, observation });
      continue;
    }
    for (const f of check.check(c, observation, context)) out.push({ case: c, observation, ...f });
  }
  return out;
}

/** The observation a scenario's findings show by default: its last call. */
function lastCall(trace: Trace<unknown>): Observation {
  for (let i = trace.steps.length - 1; i >= 0; i--) {
    const step = trace.steps[i] as Partial<TraceCall>;
    if (step?.kind === 'call' && step.observation) return step.observation;
  }
  return { operation: trace.case.operation, input: trace.case.input, via: 'sdk', client: {}, durationMs: 0 };
}

/** The findings of the scenario checks that read this trace. */
export function judgeTrace(env: SuiteEnv, checks: readonly Check[], x: ExecutedScenario): Finding[] {
  const { trace } = x;
  const mine = checks.filter((check): check is ScenarioCheck => check.kind === 'scenario' && check.scenarios.includes(trace.scenario));
  const observation = lastCall(trace);
  if (trace.skipped !== undefined) return skippedAll(mine, trace.case, observation, trace.skipped);
  const context = contextOf(env, Date.now(), x.context);
  const out: Finding[] = [];
  for (const check of mine) {
    const unmet = unmetNeed(env, check);
    if (unmet !== undefined) {
      out.push({ checkId: check.id, status: 'skipped', message: unmet, case: trace.case, observation });
      continue;
    }
    for (const f of check.check(trace, context)) out.push({ case: trace.case, observation, ...f });
  }
  return out;
}

export function applyChecks(env: SuiteEnv, checks: readonly Check[], executed: readonly Executed[]): Finding[] {
  return executed.flatMap((x) => ('trace' in x ? judgeTrace(env, checks, x) : judgeCall(env, checks, x)));
}

const failed = (findings: readonly Finding[]) => findings.some((f) => f.status === 'failed');

/** A property's seed: the run seed mixed with the property id and shard, so properties are independent. */
export function propertySeed(seed: number, propertyId: string, shard: Shard): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of `${propertyId}#${shard.index}/${shard.count}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h | 0;
}

export function inShard(index: number, shard: Shard): boolean {
  return index % shard.count === shard.index - 1;
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/** `execute`, with a case that found no store to test with skipped (its reason said) instead of stopping the run. */
function orSkipped(execute: (c: Case) => Promise<Executed[]>): (c: Case) => Promise<Executed[]> {
  return async (c) => {
    try {
      return await execute(c);
    } catch (err) {
      if (!(err instanceof NoStoreToTestWith)) throw err;
      return [{ case: c, observation: { operation: c.operation, input: c.input, via: c.send, client: {}, durationMs: 0 }, skipped: err.message }];
    }
  };
}

/** Every boundary case of the shard, each once; replay of one case by its index. */
export async function runBoundary(env: SuiteEnv, suite: Suite, cases: readonly Case[], given: (c: Case) => Promise<Executed[]>): Promise<void> {
  const execute = orSkipped(given);
  const replay = env.options.replay;
  const id = `${suite.name}/boundary`;
  if (replay?.property !== undefined && replay.property !== id) return;
  const wanted = env.options.operations;
  const chosen = cases
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => !wanted || wanted.includes(c.operation))
    .filter(({ index }) => (replay?.caseIndex !== undefined ? index === replay.caseIndex : inShard(index, env.options.shard)));
  let done = 0;
  await pool(chosen, env.options.concurrency, async ({ c, index }) => {
    stopIfAborted(env);
    const findings = applyChecks(env, suite.checks, await execute(c));
    env.recorder.record(findings, `${id}@${index}`);
    env.options.onProgress?.({ suite: suite.name, phase: 'boundary', done: ++done, total: chosen.length, failures: env.recorder.failureCount() });
  });
}

export interface PropertyOptions {
  /**
   * For a property over fc.commands, whose shrinking depends on which commands ran: reads that
   * record (fc.commands' `replayPath`) from a failing case. The replay value then carries it
   * (`<property>@<seed>:<path>#<commandsPath>`); the suite builds its arbitrary with the replay's
   * `commandsPath`, so a replay walks to the failing sequence without running the steps before it.
   */
  readonly commandsPathOf?: (c: Case) => string | undefined;
}

/**
 * A fast-check property over generated cases. Findings of the generation runs are recorded as they
 * come; once a run fails, fast-check shrinks it, and only the smallest failing case is recorded.
 */
export async function runProperty(env: SuiteEnv, suite: Suite, propertyId: string, operation: OperationName, cases: fc.Arbitrary<Case>, given: (c: Case) => Promise<Executed[]>, options: PropertyOptions = {}): Promise<void> {
  const execute = orSkipped(given);
  const replay = env.options.replay;
  if (env.options.operations && !env.options.operations.includes(operation)) return;
  if (replay?.property !== undefined && replay.property !== propertyId) return;
  if (replay?.caseIndex !== undefined) return;
  const seed = replay?.seed ?? propertySeed(env.options.seed, propertyId, env.options.shard);
  const runs = Math.max(1, Math.ceil(env.options.runs / env.options.shard.count));
  let shrinking = false;
  let lastFailing: Finding[] = [];
  let done = 0;
  // A replay runs the case at its path and nothing else: fast-check would go on through the shrink
  // tree (hundreds of cases once the bug is fixed); the rest of its candidates pass unrun.
  const oneCase = replay?.path !== undefined;
  let ran = 0;
  const property = fc.asyncProperty(cases, async (c) => {
    if (oneCase && ran++ > 0) return true;
    stopIfAborted(env);
    const findings = applyChecks(env, suite.checks, await execute(c));
    if (!shrinking) {
      env.recorder.record(findings, '', { failures: false });
      env.options.onProgress?.({ suite: suite.name, phase: 'property', done: ++done, total: runs, failures: env.recorder.failureCount() });
    }
    if (failed(findings)) {
      shrinking = true;
      lastFailing = findings;
      return false;
    }
    return true;
  });
  const details = await fc.check(property, {
    seed,
    numRuns: replay?.path !== undefined ? 1 : runs,
    ...(replay?.path !== undefined ? { path: replay.path } : {}),
    endOnFailure: false,
  });
  if (details.errorInstance instanceof RunInterrupted) throw details.errorInstance;
  if (details.failed && lastFailing.length) {
    const commandsPath = options.commandsPathOf && details.counterexample ? options.commandsPathOf(details.counterexample[0]) : undefined;
    const replayValue = `${propertyId}@${details.seed}:${details.counterexamplePath ?? ''}${commandsPath !== undefined ? `#${commandsPath}` : ''}`;
    env.recorder.record(lastFailing.filter((f) => f.status === 'failed'), replayValue, { keepAll: true });
  } else if (details.failed && details.errorInstance) {
    throw details.errorInstance;
  }
}
