// Runs cases against a target and hands each observation to the checks: first the boundary cases
// (every one, in order; a failing one made plain where it fails the same way), then fast-check
// properties whose failures shrink to a minimal case.
import * as fc from 'fast-check';
import type { Case } from '../generators/case.ts';
import { plainCase } from '../generators/plainCase.ts';
import { operations, type OperationName } from '../specs/index.ts';
import { can, lacks } from '../targets/capabilities.ts';
import type { Capability, Observation, Target } from '../targets/types.ts';
import { plainChooser, plainSuffix, withPlainFailures } from './plainFailure.ts';
import { KEEP, OrderedSinks, type FindingSink } from './recorder.ts';
import { NoStoreToTestWith, type RunStores } from './stores.ts';
import type { CaseSlots } from './slots.ts';
import { callsOf as callsOfTrace } from './trace.ts';
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
  /** The members of that boundary case made plain (suites/plainFailure.ts). */
  readonly plain?: readonly string[];
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
  /** Most stores the run holds at once (suites/liveStores.ts); no cap when absent. */
  readonly maxLiveStores?: number;
  /** Stops the run between cases (the stores it made are still deleted). */
  readonly signal?: AbortSignal;
  /**
   * Record mode (record, verify, diff): each case's calls and traces go here unjudged, so every
   * generated case runs and none is shrunk.
   */
  readonly record?: CaseRecorder;
  /** False: failing boundary cases are not run again made plain (BoundaryOptions.plainFailures). */
  readonly plainFailures?: boolean;
  /** False: a property's first failing case is recorded as generated, not shrunk (runProperty). */
  readonly shrink?: boolean;
  /** The ids of the checks judged (`--checks`); every check of the suites run when absent. */
  readonly checks?: ReadonlySet<string>;
}

/** One case as a recording run executed it: `key` is its replay value (`<suite>/boundary@3`, `<property>@<seed>:<index>`). */
export interface RecordedExecution {
  readonly suite: string;
  readonly key: string;
  readonly executed: readonly Executed[];
}

export interface CaseRecorder {
  executed(execution: RecordedExecution): void;
  /** A value the run made unique for itself (a name, a token): it differs from run to run. */
  madeUnique(value: string): void;
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
  readonly recorder: FindingSink;
  readonly options: EngineOptions;
  /** Shared by every check of the run: the first ARN seen. */
  readonly firstArn: CheckContext['firstArn'];
  readonly unique: Uniquifier;
  /** How many cases are at work at once (`options.concurrency`); a case waiting on a store does not count. */
  readonly slots: CaseSlots;
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
  /**
   * Why this suite must have the target to itself (it scripts faults or quotas another suite's calls
   * would meet): it then runs after the others, alone. The other suites run at once.
   */
  readonly runsAlone?: string;
  /** A case of this suite may hold more than one store of its own at once (under a live-store cap it runs one case at a time). */
  readonly holdsManyStores?: boolean;
  run(env: SuiteEnv): Promise<void>;
}

function contextOf(env: SuiteEnv, calledAt: number, extra: Partial<CheckContext> | undefined): CheckContext {
  return { region: env.target.region, firstArn: env.firstArn, calledAt, capabilities: env.target.capabilities, ...extra };
}

/** Why the target cannot give a check what it needs; undefined when it can. */
function unmetNeed(env: SuiteEnv, check: Check): string | undefined {
  const missing = check.needs?.find((need): need is Capability => need !== 'stores' && !can(env.target, need));
  return missing === undefined ? undefined : lacks(env.target, missing);
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

/** The calls one case made, a scenario's included; none for what could not be sent. */
function callsOf(executed: readonly Executed[]): Observation[] {
  return executed.flatMap((x) => {
    if (!('trace' in x)) return x.skipped === undefined ? [x.observation] : [];
    if (x.trace.skipped !== undefined) return [];
    return callsOfTrace(x.trace);
  });
}

/** The findings of one case of `suite`, the case counted as sent. */
function judgeCase(env: SuiteEnv, suite: Suite, executed: readonly Executed[]): Finding[] {
  env.recorder.ran(suite.name, callsOf(executed));
  return applyChecks(env, suite.checks, executed);
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

/**
 * Runs `work` over the items, each as one case of `slots` in `lane` (the phase). After an error no further item starts,
 * and the error is thrown once the items at work are done: no case of the run outlives it (its
 * stores would escape the cleanup).
 */
/**
 * The cases that make a store are sent first: a valid create, and a delete, which needs a new store
 * of its own to remove. Against a service slow to create, each new store's CREATING time (before the
 * case can go on, or the reaper delete it) then passes while the other cases run, not after the last
 * of them. Only the order they are sent in changes: findings are recorded in case order.
 */
function storeMakersFirst<T extends { readonly c: Case }>(items: readonly T[]): T[] {
  const makes = ({ c }: T) =>
    (c.operation === operations.CreateSequenceStore.name && c.expect.outcome === 'accepted') || (c.operation === operations.DeleteSequenceStore.name && c.needs === 'existing-store');
  return [...items.filter(makes), ...items.filter((x) => !makes(x))];
}

async function pool<T>(items: readonly T[], slots: CaseSlots, lane: string, work: (item: T) => Promise<void>): Promise<void> {
  let error: { readonly cause: unknown } | undefined;
  await Promise.all(
    items.map((item) =>
      slots
        .run(async () => {
          if (!error) await work(item);
        }, lane)
        .catch((cause) => {
          error ??= { cause };
        }),
    ),
  );
  if (error) throw error.cause;
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

export interface BoundaryOptions {
  /**
   * A failing case is run again made plain, and reported so where it fails the same checks
   * (suites/plainFailure.ts): for cases built by generators/boundaryCases.ts, whose labels say what
   * a plain case must keep.
   */
  readonly plainFailures?: boolean;
}

/** Every boundary case of the shard, each once; replay of one case by its index (and the members made plain). */
export async function runBoundary(env: SuiteEnv, suite: Suite, cases: readonly Case[], given: (c: Case) => Promise<Executed[]>, options: BoundaryOptions = {}): Promise<void> {
  const execute = orSkipped(given);
  const replay = env.options.replay;
  const id = `${suite.name}/boundary`;
  if (replay?.property !== undefined && replay.property !== id) return;
  // In record mode a case's calls go to the recording unjudged (`index`: its place in the list).
  const judge = async (c: Case, index?: number): Promise<Finding[]> => {
    stopIfAborted(env);
    const executed = await execute(c);
    const record = env.options.record;
    if (!record) return judgeCase(env, suite, executed);
    record.executed({ suite: suite.name, key: `${id}@${index}`, executed });
    return [];
  };
  const wanted = env.options.operations;
  const chosen = cases
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => !wanted || wanted.includes(c.operation))
    .filter(({ index }) => (replay?.caseIndex !== undefined ? index === replay.caseIndex : inShard(index, env.options.shard)));
  const replayOf = (position: number) => `${id}@${chosen[position]!.index}${replay?.plain ? plainSuffix(replay.plain) : ''}`;
  const makePlain = options.plainFailures && env.options.plainFailures !== false && replay === undefined ? plainChooser(KEEP) : () => false;
  // Findings go to the recorder in case order, whatever order the cases (and the plain runs of the
  // failing ones, which start as soon as the cases before have been judged) finished in.
  let recording = Promise.resolve();
  const recorded = inOrder<Finding[]>((found, position) => {
    const findings = awaitedLater(makePlain(found) ? env.slots.run(() => withPlainFailures(chosen[position]!.c, found, judge, replayOf(position))) : Promise.resolve(found));
    recording = awaitedLater(
      recording.then(async () => {
        env.recorder.record(await findings, replayOf(position));
        env.options.onProgress?.({ suite: suite.name, phase: 'boundary', done: position + 1, total: chosen.length, failures: env.recorder.failureCount() });
      }),
    );
  });
  try {
    await pool(
      storeMakersFirst(chosen.map((x, position) => ({ ...x, position }))),
      env.slots,
      id,
      async ({ c, index, position }) => {
        recorded(position, await judge(replay?.plain ? plainCase(c, replay.plain) : c, index));
      },
    );
  } finally {
    await recording;
  }
}

/** `p`, its failure marked as handled: it is awaited later, in its turn. */
function awaitedLater<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * Hands results to `deliver` in index order, each once the ones before it have come, whatever
 * order they come in; none past `last()`.
 */
function inOrder<T>(deliver: (item: T, index: number) => void, last: () => number = () => Number.POSITIVE_INFINITY): (index: number, item: T) => void {
  const held = new Map<number, T>();
  let next = 0;
  return (index, item) => {
    held.set(index, item);
    while (next <= last() && held.has(next)) {
      const ready = held.get(next)!;
      held.delete(next);
      deliver(ready, next++);
    }
  };
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
 * A fast-check property over generated cases. The `runs` cases of the seed are generated up front
 * (the values fast-check's own run would try, in its order) and executed `concurrency` at a time,
 * so a slow target's waits overlap; their findings are recorded in case order, up to the first case
 * that failed. That case is then run again by its path, and fast-check shrinks it: only the
 * smallest failing case is recorded. The replay value is the one a sequential run would print.
 */
export async function runProperty(env: SuiteEnv, suite: Suite, propertyId: string, operation: OperationName, cases: fc.Arbitrary<Case>, given: (c: Case) => Promise<Executed[]>, options: PropertyOptions = {}): Promise<void> {
  const execute = orSkipped(given);
  const replay = env.options.replay;
  if (env.options.operations && !env.options.operations.includes(operation)) return;
  if (replay?.property !== undefined && replay.property !== propertyId) return;
  if (replay?.caseIndex !== undefined) return;
  const seed = replay?.seed ?? propertySeed(env.options.seed, propertyId, env.options.shard);
  const runs = Math.max(1, Math.ceil(env.options.runs / env.options.shard.count));
  const judge = async (c: Case, index?: number) => {
    stopIfAborted(env);
    const executed = await execute(c);
    if (!env.options.record) return judgeCase(env, suite, executed);
    env.options.record.executed({ suite: suite.name, key: `${propertyId}@${seed}:${index ?? replay?.path ?? ''}`, executed });
    return [];
  };
  if (replay?.path !== undefined) return shrink(env, propertyId, cases, judge, options, seed, replay.path, undefined);

  const generated = fc.sample(cases, { seed, numRuns: runs });
  let firstFailed: { readonly index: number; readonly findings: Finding[] } | undefined;
  const last = () => firstFailed?.index ?? Number.POSITIVE_INFINITY;
  // Findings go to the recorder in case order, and none after the first failing case: what a
  // sequential run would have recorded, whatever order the cases finished in.
  const recorded = inOrder<Finding[]>((findings, index) => {
    env.recorder.record(findings, '', { failures: false });
    env.options.onProgress?.({ suite: suite.name, phase: 'property', done: index + 1, total: runs, failures: env.recorder.failureCount() });
  }, last);
  await pool(
    generated.map((c, index) => ({ c, index })),
    env.slots,
    propertyId,
    async ({ c, index }) => {
      if (index > last()) return;
      const findings = await judge(c, index);
      if (failed(findings) && index < last()) firstFailed = { index, findings };
      recorded(index, findings);
    },
  );
  if (!firstFailed) return;
  if (env.options.shrink === false) return recordUnshrunk(env, `${propertyId}@${seed}:${firstFailed.index}`, firstFailed.findings);
  await shrink(env, propertyId, cases, judge, options, seed, String(firstFailed.index), firstFailed.findings);
}

/** A failing case's failures under its own replay value: the case as generated. */
function recordUnshrunk(env: SuiteEnv, replayValue: string, findings: Finding[]): void {
  env.recorder.record(findings.filter((f) => f.status === 'failed'), replayValue, { keepAll: true });
}

/**
 * Runs the case at `path` again and lets fast-check shrink it; records the smallest failing case's
 * failures under its replay value. `found`: the failures the case had when first run, recorded
 * under its own path if it passes when run again (a target that answers differently each time).
 */
async function shrink(env: SuiteEnv, propertyId: string, cases: fc.Arbitrary<Case>, judge: (c: Case) => Promise<Finding[]>, options: PropertyOptions, seed: number, path: string, found: Finding[] | undefined): Promise<void> {
  let lastFailing: Finding[] = [];
  // A replay of one case runs that case and nothing else: fast-check would go on through the shrink
  // tree (hundreds of cases once the bug is fixed); the rest of its candidates pass unrun.
  const oneCase = found === undefined;
  let ran = 0;
  const property = fc.asyncProperty(cases, async (c) => {
    if (oneCase && ran++ > 0) return true;
    const findings = await judge(c);
    if (oneCase) env.recorder.record(findings, '', { failures: false });
    if (!failed(findings)) return true;
    lastFailing = findings;
    return false;
  });
  const details = await fc.check(property, { seed, numRuns: 1, path, endOnFailure: false });
  if (details.errorInstance instanceof RunInterrupted) throw details.errorInstance;
  if (details.failed && lastFailing.length) {
    const commandsPath = options.commandsPathOf && details.counterexample ? options.commandsPathOf(details.counterexample[0]) : undefined;
    const replayValue = `${propertyId}@${details.seed}:${details.counterexamplePath ?? ''}${commandsPath !== undefined ? `#${commandsPath}` : ''}`;
    env.recorder.record(lastFailing.filter((f) => f.status === 'failed'), replayValue, { keepAll: true });
  } else if (details.failed && details.errorInstance) {
    throw details.errorInstance;
  } else if (found) {
    recordUnshrunk(env, `${propertyId}@${seed}:${path}`, found);
  }
}

/**
 * Runs phases of work (a suite's boundary cases and properties, or whole suites) at once, sharing
 * the run's case slots; each records its findings as if the phases had run one after another.
 * An error of one phase is thrown once all have ended.
 */
export async function concurrently(env: SuiteEnv, phases: ReadonlyArray<(env: SuiteEnv) => Promise<void>>): Promise<void> {
  const sinks = new OrderedSinks(env.recorder);
  const outcomes = await Promise.allSettled(
    phases.map(async (phase) => {
      const { sink, done } = sinks.next();
      try {
        await phase({ ...env, recorder: sink });
      } finally {
        done();
      }
    }),
  );
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
}
