// A slow service: the default run (same seed) against emulators whose new stores stay CREATING 0,
// 0.3, 2 and 10 s, one after another in this process. Each run's wall time and the stores it made;
// the goals are ratios to the run at 0.3 s: at most 1.5x at 2 s and 3x at 10 s. Then the run at
// 2 s with --max-live-stores 5: its time, and the most stores the emulator held at once.
import { runConformance } from '../cli/runConformance.ts';
import { startEmulator } from '../emulator/index.ts';

const SEED = 20261130;
const CREATING_MS = [0, 300, 2000, 10_000] as const;
const BASELINE_MS = 300;
const GOALS: Readonly<Record<number, number>> = { 2000: 1.5, 10_000: 3 };
const CAPPED = { creatingMs: 2000, maxLiveStores: 5 } as const;

interface Measured {
  readonly seconds: number;
  readonly stores: number;
  readonly most: number;
  readonly verdict: string;
}

async function measure(createDelayMs: number, maxLiveStores?: number): Promise<Measured> {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, createDelayMs });
  let most = 0;
  emulator.core.onChange(() => {
    most = Math.max(most, emulator.core.storeCount());
  });
  const made = new Set<string>();
  const started = performance.now();
  try {
    const { report } = await runConformance({
      seed: SEED,
      endpoint: emulator.url,
      reportDir: false,
      ...(maxLiveStores !== undefined ? { maxLiveStores } : {}),
      onCall: (obs) => {
        const id = obs.client.output?.id;
        if (obs.operation === 'CreateSequenceStore' && typeof id === 'string') made.add(id);
      },
    });
    const { passed, failed, skipped } = report.summary;
    return { seconds: (performance.now() - started) / 1000, stores: made.size, most, verdict: `${passed} passed, ${failed} failed, ${skipped} skipped` };
  } finally {
    await emulator.close();
  }
}

export async function run(): Promise<void> {
  console.log(`default run, --seed ${SEED}, against the emulator with --create-delay-ms N (concurrency default)`);
  const times = new Map<number, number>();
  for (const ms of CREATING_MS) {
    const m = await measure(ms);
    times.set(ms, m.seconds);
    const ratio = ms === BASELINE_MS || !times.has(BASELINE_MS) ? '' : `  ${(m.seconds / times.get(BASELINE_MS)!).toFixed(2)}x the run at ${BASELINE_MS} ms${GOALS[ms] !== undefined ? ` (goal ≤ ${GOALS[ms]}x)` : ''}`;
    console.log(`  CREATING ${String(ms).padStart(5)} ms: ${m.seconds.toFixed(1).padStart(6)} s, ${m.stores} stores, at most ${m.most} at once; ${m.verdict}${ratio}`);
  }
  const capped = await measure(CAPPED.creatingMs, CAPPED.maxLiveStores);
  console.log(`  CREATING ${CAPPED.creatingMs} ms, --max-live-stores ${CAPPED.maxLiveStores}: ${capped.seconds.toFixed(1)} s, ${capped.stores} stores, at most ${capped.most} at once; ${capped.verdict}`);
}
