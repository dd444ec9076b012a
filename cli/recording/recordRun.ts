// One recording run: the selected suites against one target in record mode (every case executed,
// nothing judged), each case's calls captured with the time each was sent, in case order whatever
// order the cases finished in. record, verify and diff are made of these.
import { randomBytes } from 'node:crypto';
import { capturedCase, type CapturedCase } from '../../reports/baseline/capture.ts';
import type { BaselineSelection } from '../../reports/baseline/format.ts';
import type { MadeStore, MadeStores } from '../../reports/fixtures/fromRecording.ts';
import type { RecordedExecution } from '../../suites/engine.ts';
import { runSuites } from '../../suites/runSuites.ts';
import { can } from '../../targets/capabilities.ts';
import type { Observation, Target } from '../../targets/types.ts';
import { operations } from '../../specs/index.ts';
import { engineOptions, openTarget, settingsOf, sweep, type ConformanceOptions, type Settings } from '../runConformance.ts';
import { aroundCalls } from '../../targets/aroundCalls.ts';

export interface RecordingRun {
  readonly target: { readonly kind: string; readonly name: string; readonly wire: boolean; readonly region: string; readonly endpoint?: string };
  readonly selection: BaselineSelection;
  /** In case order. */
  readonly cases: readonly CapturedCase[];
  readonly run: { readonly runId: string; readonly unique: ReadonlySet<string> };
  /** Every store the run created, by id: what a case that works on one made before it needs to stand alone. */
  readonly stores: MadeStores;
  readonly cleanup: { readonly deleted: number; readonly left: readonly string[] };
  /** Set when a suite stopped on an error of the harness or the target. */
  readonly aborted?: string;
}

/** The target, noting when each of its calls was sent, and each store a call of it created. */
function timed(inner: Target, sentAt: WeakMap<Observation, number>, stores: Map<string, MadeStore>): Target {
  return aroundCalls(inner, async (op, input, _options, send, via) => {
    const started = Date.now();
    const observation = await send();
    const id = via === 'sdk' && op === operations.CreateSequenceStore.name ? observation.client.output?.id : undefined;
    if (typeof id === 'string' && !stores.has(id)) stores.set(id, { input, observation });
    sentAt.set(observation, started);
    return observation;
  });
}

/** Suites in the run's order; in a suite its boundary cases, then each property's cases; by index within each. */
export function caseOrder(suites: readonly string[]): (a: CapturedCase, b: CapturedCase) => number {
  const indexOf = (key: string) => Number(/(\d+)$/.exec(key)?.[1] ?? 0);
  const phaseOf = (key: string) => key.slice(0, key.lastIndexOf('@'));
  const phaseRank = (c: CapturedCase) => (phaseOf(c.key) === `${c.suite}/boundary` ? 0 : 1);
  return (a, b) =>
    suites.indexOf(a.suite) - suites.indexOf(b.suite) ||
    phaseRank(a) - phaseRank(b) ||
    (phaseOf(a.key) < phaseOf(b.key) ? -1 : phaseOf(a.key) > phaseOf(b.key) ? 1 : 0) ||
    indexOf(a.key) - indexOf(b.key);
}

export function selectionOf(settings: Settings, options: ConformanceOptions): BaselineSelection {
  return {
    seed: settings.seed,
    runs: settings.runs,
    shard: `${settings.shard.index}/${settings.shard.count}`,
    suites: settings.selected.map((s) => s.name),
    ...(settings.operations ? { operations: settings.operations } : {}),
    ...(options.replay !== undefined ? { replay: options.replay } : {}),
  };
}

export async function recordRun(options: ConformanceOptions): Promise<RecordingRun> {
  const settings = settingsOf(options);
  const sentAt = new WeakMap<Observation, number>();
  const stores = new Map<string, MadeStore>();
  const target = timed(await openTarget(options, settings.timeoutMs), sentAt, stores);
  const runId = randomBytes(6).toString('hex');
  const executions: RecordedExecution[] = [];
  const unique = new Set<string>();
  const record = { executed: (e: RecordedExecution) => executions.push(e), madeUnique: (v: string) => unique.add(v) };
  let result;
  try {
    result = await runSuites(target, settings.selected, { ...engineOptions(settings, runId, options), record });
  } catch (err) {
    const left = await sweep(target, runId, settings.timeoutMs);
    if (left.length) throw new Error(`${(err as Error).message}; stores of this run not deleted: ${left.join(', ')}`);
    throw err;
  } finally {
    await target.close();
  }
  const suites = settings.selected.map((s) => s.name);
  const cases = executions.map((e) => capturedCase(e, (o) => sentAt.get(o))).sort(caseOrder(suites));
  return {
    target: { kind: target.kind, name: target.name, wire: can(target, 'wire-capture'), region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}) },
    selection: selectionOf(settings, options),
    cases,
    run: { runId, unique },
    stores,
    cleanup: result.cleanup,
    ...(result.aborted ? { aborted: result.aborted } : {}),
  };
}
