// Runs cases against a target and hands each observation to the checks: first the boundary cases
// (every one, in order), then fast-check properties whose failures shrink to a minimal case.
import * as fc from 'fast-check';
import type { Case } from '../generators/case.ts';
import type { OperationName } from '../specs/index.ts';
import type { Observation, Target } from '../targets/types.ts';
import type { ExecutedFinding, Recorder } from './recorder.ts';
import type { RunStores } from './stores.ts';
import type { Uniquifier } from './unique.ts';
import type { Check, CheckContext } from './types.ts';

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

/** What executing one case produced: observations, each with the case it answers and extra context. */
export interface Executed {
  readonly case: Case;
  readonly observation: Observation;
  readonly context?: Partial<CheckContext>;
  /** Findings the suite made itself (e.g. "created nothing"), for checks it runs by hand. */
  readonly findings?: readonly ExecutedFinding[];
  /** The case could not be sent to this target, and why: every check records it as skipped. */
  readonly skipped?: string;
}

export interface Suite {
  readonly name: string;
  readonly description: string;
  readonly checks: readonly Check[];
  run(env: SuiteEnv): Promise<void>;
}

export function applyChecks(env: SuiteEnv, checks: readonly Check[], executed: readonly Executed[]): ExecutedFinding[] {
  const out: ExecutedFinding[] = [];
  for (const x of executed) {
    if (x.skipped !== undefined) {
      for (const check of checks) out.push({ check, case: x.case, observation: x.observation, finding: { checkId: check.id, status: 'skipped', message: x.skipped } });
      continue;
    }
    if (!x.observation.transportError) env.recorder.cover(x.case);
    const context: CheckContext = {
      region: env.target.region,
      firstArn: env.firstArn,
      calledAt: Date.now() - x.observation.durationMs,
      hasWire: env.target.hasWire,
      ...x.context,
    };
    for (const check of checks) {
      if (check.operations && !check.operations.includes(x.observation.operation)) continue;
      if (check.needsWire && !env.target.hasWire) {
        out.push({ check, case: x.case, observation: x.observation, finding: { checkId: check.id, status: 'skipped', message: `no wire on the ${env.target.kind} target` } });
        continue;
      }
      for (const finding of check.check(x.case, x.observation, context)) out.push({ check, finding, case: x.case, observation: x.observation });
    }
    for (const f of x.findings ?? []) out.push(f);
  }
  return out;
}

const failed = (findings: readonly ExecutedFinding[]) => findings.some((f) => f.finding.status === 'failed');

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

/** Every boundary case of the shard, each once; replay of one case by its index. */
export async function runBoundary(env: SuiteEnv, suite: Suite, cases: readonly Case[], execute: (c: Case) => Promise<Executed[]>): Promise<void> {
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
   * Record the replay as `<propertyId>@<seed>:<run>`, the failing run only: replaying it runs that
   * case again and shrinks it anew. For properties whose shrinking depends on what ran (fc.commands),
   * where a full shrink path cannot be walked without running every step.
   */
  readonly replayRunOnly?: boolean;
}

/**
 * A fast-check property over generated cases. Findings of the generation runs are recorded as they
 * come; once a run fails, fast-check shrinks it, and only the smallest failing case is recorded.
 */
export async function runProperty(env: SuiteEnv, suite: Suite, propertyId: string, operation: OperationName, cases: fc.Arbitrary<Case>, execute: (c: Case) => Promise<Executed[]>, options: PropertyOptions = {}): Promise<void> {
  const replay = env.options.replay;
  if (env.options.operations && !env.options.operations.includes(operation)) return;
  if (replay?.property !== undefined && replay.property !== propertyId) return;
  if (replay?.caseIndex !== undefined) return;
  const seed = replay?.seed ?? propertySeed(env.options.seed, propertyId, env.options.shard);
  const runs = Math.max(1, Math.ceil(env.options.runs / env.options.shard.count));
  let shrinking = false;
  let lastFailing: ExecutedFinding[] = [];
  let done = 0;
  const property = fc.asyncProperty(cases, async (c) => {
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
    const path = options.replayRunOnly ? (details.counterexamplePath ?? '').split(':')[0] : details.counterexamplePath;
    env.recorder.record(lastFailing.filter((f) => f.finding.status === 'failed'), `${propertyId}@${details.seed}:${path ?? ''}`, { keepAll: true });
  } else if (details.failed && details.errorInstance) {
    throw details.errorInstance;
  }
}
