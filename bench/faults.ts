// Verdicts under transient faults: every suite with the default budget, for three seeds, once against
// the fault-free embedded emulator and once against one that injects faults into 20% of calls
// (throttling, 500, the request timeout) with 0–20 ms of latency on every call, the second run with
// --retries. Per seed: the checks compared, how many differ in status (must be 0), the calls made and
// their attempts, the slowest call against its time limit, and the wall time of each run.
// FAULTS_SEEDS=a,b,c replays given seeds.
import { randomBytes } from 'node:crypto';
import { runConformance, type ConformanceOptions } from '../cli/runConformance.ts';
import type { Report } from '../reports/report.ts';
import type { Observation } from '../targets/types.ts';

const RETRIES = 8;
const FAULTS = { rate: 0.2, errors: [], operations: [], latencyMs: [0, 20] as [number, number], script: [] };

interface Measured {
  readonly report: Report;
  readonly calls: number;
  readonly attempts: number;
  readonly slowest: { readonly ms: number; readonly limitMs: number; readonly operation: string };
  readonly wallMs: number;
}

async function measured(options: ConformanceOptions): Promise<Measured> {
  let calls = 0;
  let attempts = 0;
  let slowest = { ms: 0, limitMs: 1, operation: '-' };
  const onCall = (obs: Observation, limitMs: number) => {
    calls++;
    attempts += obs.wire?.length ?? 1;
    if (obs.durationMs / limitMs > slowest.ms / slowest.limitMs) slowest = { ms: obs.durationMs, limitMs, operation: obs.operation };
  };
  const started = performance.now();
  const { report } = await runConformance({ ...options, reportDir: false, onCall });
  return { report, calls, attempts, slowest, wallMs: performance.now() - started };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function seeds(): number[] {
  const given = process.env.FAULTS_SEEDS?.split(',').map(Number).filter(Number.isInteger);
  return given?.length ? given : Array.from({ length: 3 }, () => randomBytes(4).readInt32LE() >>> 1);
}

export async function run(): Promise<void> {
  console.log(`every suite, default runs; faults: rate ${FAULTS.rate} over the transient errors, latency ${FAULTS.latencyMs.join('–')} ms; --retries ${RETRIES}`);
  let differences = 0;
  for (const seed of seeds()) {
    const clean = await measured({ seed });
    const faulty = await measured({ seed, retries: RETRIES, emulator: { seed, faults: FAULTS } });
    const before = new Map(clean.report.checks.map((c) => [c.id, c.status]));
    const ids = new Set([...before.keys(), ...faulty.report.checks.map((c) => c.id)]);
    const after = new Map(faulty.report.checks.map((c) => [c.id, c.status]));
    const differ = [...ids].filter((id) => before.get(id) !== after.get(id));
    differences += differ.length;
    const s = faulty.slowest;
    console.log(`seed ${seed}`);
    console.log(`  checks compared ${ids.size}  differences ${differ.length}${differ.length ? ` (${differ.map((id) => `${id}: ${before.get(id)} → ${after.get(id)}`).join('; ')})` : ''}  ${differ.length === 0 ? 'ok' : 'FAIL'}`);
    console.log(`  calls ${faulty.calls} (fault-free ${clean.calls}), attempts ${faulty.attempts} (${faulty.attempts - faulty.calls} retries)`);
    console.log(`  slowest call ${Math.round(s.ms)} ms of its ${s.limitMs} ms limit (${s.operation}; ${((100 * s.ms) / s.limitMs).toFixed(1)}%)  ${s.ms < s.limitMs ? 'ok' : 'FAIL'}`);
    console.log(`  wall: fault-free ${seconds(clean.wallMs)}, with faults ${seconds(faulty.wallMs)}`);
  }
  console.log(`differences in all: ${differences}`);
}
