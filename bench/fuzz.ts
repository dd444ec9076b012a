// 10,000 generated malformed raw HTTP exchanges against an embedded emulator (the default body limit,
// short timeouts): counts by kind and by answer, every failure with its reproduction, memory before
// and after, and the wall time. FUZZ_SEED=<n> replays a run. Bounded: each exchange has a timeout.
import { startEmulator } from '../emulator/index.ts';
import { fuzzEmulatorOptions, fuzzExchanges, memoryNow, memoryProblem, runBatch, stillServes, HEAP_BOUND_MB, RSS_BOUND_MB } from './_fuzzFront.ts';

const EXCHANGES = 10_000;
const CONCURRENCY = 16;
const SHOWN_FAILURES = 20;

export async function run(): Promise<void> {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);
  console.log(`malformed HTTP exchanges: ${EXCHANGES}, seed ${seed} (FUZZ_SEED=${seed} replays), ${CONCURRENCY} at a time`);
  const generating = performance.now();
  const exchanges = fuzzExchanges(seed, EXCHANGES);
  console.log(`  generated in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

  const emulator = await startEmulator({ ...fuzzEmulatorOptions, port: 0, host: '127.0.0.1' });
  try {
    const before = memoryNow();
    const started = performance.now();
    const result = await runBatch(emulator, exchanges, CONCURRENCY);
    const wallS = (performance.now() - started) / 1000;
    const withLog = memoryNow();
    const logged = emulator.requestLog.entries().length;
    // The request log keeps its last entries (bodies included) by design; what is left besides it is what leaked.
    emulator.requestLog.clear();
    const after = memoryNow();
    const serving = await stillServes(emulator);

    const sorted = (counts: Record<string, number>) => Object.entries(counts).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
    console.log('  by kind:');
    for (const [kind, n] of sorted(result.byKind)) console.log(`    ${kind.padEnd(18)} ${String(n).padStart(6)}`);
    console.log('  by answer (statuses of the answers on the connection; closed = no answer):');
    for (const [status, n] of sorted(result.byStatus)) console.log(`    ${status.padEnd(18)} ${String(n).padStart(6)}`);
    console.log(`  failures: ${result.failures.length}`);
    for (const f of result.failures.slice(0, SHOWN_FAILURES)) console.log(`  #${f.index}: ${f.reason}\n${f.reproduction.replace(/^/gm, '    ')}`);
    console.log(
      `  memory (after gc): heapUsed ${before.heapUsedMb.toFixed(1)} → ${after.heapUsedMb.toFixed(1)} MB (bound +${HEAP_BOUND_MB}), buffers ${before.arrayBuffersMb.toFixed(1)} → ${after.arrayBuffersMb.toFixed(1)} MB (bound +${HEAP_BOUND_MB}), rss ${before.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)} MB (bound +${RSS_BOUND_MB}); with the request log's last ${logged} entries still held: heapUsed ${withLog.heapUsedMb.toFixed(1)} MB`,
    );
    console.log(`  memory: ${memoryProblem(before, after) ?? 'within bounds'}`);
    console.log(`  afterwards, CreateSequenceStore + GetSequenceStore through the SDK: ${serving ?? 'answered correctly'}`);
    console.log(`  wall time ${wallS.toFixed(1)} s (${(EXCHANGES / wallS).toFixed(0)} exchanges/s), slowest exchange ${(result.slowestMs / 1000).toFixed(2)} s`);
  } finally {
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
