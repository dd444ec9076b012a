// A run against an emulator that injects transient faults at random (20% of calls: throttling, 500,
// the request timeout; 0–20 ms of latency on every call), with --retries, reaches the verdicts of the
// fault-free run of the same seed — no false positive, no false negative — and no call passes its
// time limit. Cases that script the fault they expect still see it on their one attempt.
import { randomBytes } from 'node:crypto';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import type { Report } from '../../reports/report.ts';
import type { Observation } from '../../targets/types.ts';
import { assertValidReport } from '../support/report.ts';
import { suite } from '../support/suite.ts';

const faults = suite('suites: transient faults retried away');

/** Retries enough that a call failing every attempt (0.2^9 ≈ 5e-7 a call) does not happen in a test. */
const RETRIES = 8;
const seedOf = (name: string) => (process.env[name] !== undefined ? Number(process.env[name]) : randomBytes(4).readInt32LE() >>> 1);

interface Measured {
  readonly report: Report;
  readonly calls: number;
  readonly attempts: number;
  /** Calls that ran to or past their time limit. */
  readonly late: string[];
}

async function measured(options: ConformanceOptions): Promise<Measured> {
  let calls = 0;
  let attempts = 0;
  const late: string[] = [];
  const onCall = (obs: Observation, timeoutMs: number) => {
    calls++;
    attempts += obs.wire?.length ?? 1;
    if (obs.durationMs >= timeoutMs) late.push(`${obs.operation} took ${Math.round(obs.durationMs)} ms of ${timeoutMs} ms (${obs.transportError ?? obs.client.error?.name ?? 'success'})`);
  };
  const { report } = await runConformance({ ...options, reportDir: false, onCall });
  assertValidReport(report);
  return { report, calls, attempts, late };
}

const statuses = (report: Report) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));

faults('20% injected 429/500/408 and 0–20 ms latency, retried: the fault-free verdicts, no call past its limit', async () => {
  const seed = seedOf('OMICS_FAULTS_SEED');
  const faultSeed = seedOf('OMICS_FAULTS_EMULATOR_SEED');
  console.log(`  seed ${seed}, emulator fault seed ${faultSeed} (OMICS_FAULTS_SEED / OMICS_FAULTS_EMULATOR_SEED give them again)`);
  // Every suite, half of the boundary cases (a shard), three runs per property: under a minute on two cores.
  const base: ConformanceOptions = { seed, runs: 3, shard: '1/2' };
  const clean = await measured(base);
  const faulty = await measured({
    ...base,
    retries: RETRIES,
    emulator: { seed: faultSeed, faults: { rate: 0.2, errors: [], operations: [], latencyMs: [0, 20], script: [] } },
  });
  assert.equal(faulty.attempts > faulty.calls, true, 'faults were injected and retried');
  assert.equal(statuses(faulty.report), statuses(clean.report), 'the same status for every check');
  assert.is(faulty.report.summary.failed, 0, JSON.stringify(faulty.report.checks.filter((c) => c.status === 'failed').map((c) => c.failures[0]?.message), null, 2));
  assert.equal(faulty.late, [], 'no call ran to its time limit');
  assert.equal(clean.late, []);
  console.log(`  ${clean.report.checks.length} checks alike; ${faulty.calls} calls, ${faulty.attempts - faulty.calls} retries`);
});

faults.run();
