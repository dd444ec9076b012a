// runConformance(options): the whole run as a library call: target, suites, cleanup, report.
import { randomBytes } from 'node:crypto';
import { buildReport, type Report } from '../reports/report.ts';
import { writeJsonReport } from '../reports/json.ts';
import { selectSuites, type Progress, type Replay, type Shard } from '../suites/index.ts';
import { runSuites } from '../suites/runSuites.ts';
import { operationNames, type OperationName } from '../specs/index.ts';
import { createTarget, type TargetChoice } from './targetFactory.ts';
import { UsageError } from './usage.ts';

export interface ConformanceOptions extends TargetChoice {
  readonly suites?: readonly string[];
  /** Generated cases per property (default 20). */
  readonly runs?: number;
  /** Default: a fresh random seed, written in the report. */
  readonly seed?: number;
  /** `<seed>:<path>`, `<property>@<seed>:<path>` or `<suite>/boundary@<index>`, from a report. */
  readonly replay?: string;
  /** `K/N`: this run takes the K-th of N deterministic parts. */
  readonly shard?: string;
  readonly concurrency?: number;
  /** Only cases of these operations. */
  readonly operations?: readonly string[];
  /** Where report.json goes (default conformance-report/); `false` writes nothing. */
  readonly reportDir?: string | false;
  readonly onProgress?: (progress: Progress) => void;
  /** Abort to stop between cases; the run still deletes the stores it made and reports. */
  readonly signal?: AbortSignal;
}

/** The target did not answer a first, harmless call: nothing was run. */
export class TargetUnreachableError extends Error {
  override readonly name = 'TargetUnreachableError';
}

export interface ConformanceResult {
  readonly report: Report;
  readonly reportFiles: readonly string[];
}

export const DEFAULT_RUNS = 20;
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
    if (!/^\d+$/.test(rest)) throw new UsageError(`--replay ${text}: a boundary case is replayed as <suite>/boundary@<index>`);
    return { property, caseIndex: Number(rest) };
  }
  const m = /^(-?\d+):(\d+(?::\d+)*)$/.exec(rest);
  if (!m) throw new UsageError(`--replay ${text}: give <seed>:<path> or <property>@<seed>:<path> as the report prints it`);
  return { ...(property ? { property } : {}), seed: Number(m[1]), path: m[2]! };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} must be a whole number of at least 1 (got ${value})`);
  return value;
}

export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const selected = (() => {
    try {
      return selectSuites(options.suites);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  })();
  const shard = parseShard(options.shard);
  const replay = parseReplay(options.replay);
  const runs = positive('--runs', options.runs, DEFAULT_RUNS);
  const concurrency = positive('--concurrency', options.concurrency, DEFAULT_CONCURRENCY);
  const timeoutMs = positive('--timeout-ms', options.timeoutMs, 10_000);
  const seed = options.seed ?? replay?.seed ?? randomBytes(4).readInt32LE();
  const unknownOps = (options.operations ?? []).filter((o) => !(operationNames as readonly string[]).includes(o));
  if (unknownOps.length) throw new UsageError(`--operations: no operation ${unknownOps.join(', ')}; operations: ${operationNames.join(', ')}`);
  const operations = options.operations?.length ? (options.operations as OperationName[]) : undefined;
  const runId = randomBytes(6).toString('hex');
  const startedAt = new Date();
  const target = await createTarget({ ...options, timeoutMs });
  let result;
  try {
    const probe = await target.call('ListSequenceStores', { maxResults: 1 }, { timeoutMs });
    if (probe.transportError) throw new TargetUnreachableError(`cannot reach the ${target.kind} target${target.endpoint ? ` at ${target.endpoint}` : ''}: ${probe.transportError}`);
    result = await runSuites(target, selected, {
      seed,
      runs,
      concurrency,
      timeoutMs,
      shard,
      runId,
      ...(replay ? { replay } : {}),
      ...(operations ? { operations } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    await target.close();
  }
  const report = buildReport(result, {
    target: { kind: target.kind, name: target.name, ...(target.endpoint ? { endpoint: target.endpoint } : {}), region: target.region },
    seed,
    runs,
    shard: `${shard.index}/${shard.count}`,
    suites: selected.map((s) => s.name),
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  const reportFiles = options.reportDir === false ? [] : [await writeJsonReport(report, options.reportDir ?? DEFAULT_REPORT_DIR)];
  return { report, reportFiles };
}
