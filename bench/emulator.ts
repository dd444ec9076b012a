// Emulator throughput and List page cost.
// 1. SDK v3 requests/second against the emulator and against a no-op node:http server that returns
//    a fixed valid body, each in its own process, side by side, sequential and 16 concurrent
//    (goal: ratio >= 0.8).
// 2. Memory and the latency of one List page at 100 and 100,000 stores (goal: the same page cost;
//    under 300 MB at 100,000). Bounded: a fixed number of requests and a time cap per phase.
import { CreateSequenceStoreCommand, GetSequenceStoreCommand, OmicsClient } from '@aws-sdk/client-omics';
import { createCore } from '../emulator/index.ts';
import { operations } from '../specs/index.ts';
import { benchClient } from './_client.ts';
import { spawnServerChild, stopServerChild, type ServerChild } from './_serverChild.ts';

const REQUESTS = 1500;
const TIME_CAP_MS = 5_000;
const CONCURRENCY = 16;

/** Requests per second of `send` with `workers` in flight, stopping at REQUESTS or TIME_CAP_MS. */
async function throughput(send: () => Promise<unknown>, workers: number): Promise<number> {
  for (let i = 0; i < 200; i++) await send();
  let done = 0;
  const started = performance.now();
  const deadline = started + TIME_CAP_MS;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (done < REQUESTS && performance.now() < deadline) {
        done++;
        await send();
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** The emulator and the no-op server, each in a process of its own: the same race for both. */
async function sdkThroughput(): Promise<void> {
  const emulator = await spawnServerChild(['cli/main.ts', 'emulator', '--port', '0', '--host', '127.0.0.1'], 'the emulator');
  const toEmulator = benchClient(emulator.url, CONCURRENCY);
  let noop: ServerChild | undefined;
  let toNoop: OmicsClient | undefined;
  try {
    const created = await toEmulator.send(new CreateSequenceStoreCommand({ name: 'bench', tags: { a: 'b' } }));
    // The no-op server answers with the very body the emulator gives, so the SDK does the same parsing work.
    const fixed = await rawGet(emulator.url, operations.GetSequenceStore.http.uri.replace('{id}', created.id!));
    noop = await spawnServerChild(['bench/_noopServer.ts'], 'the no-op server', { ...process.env, NOOP_BODY: fixed });
    toNoop = benchClient(noop.url, CONCURRENCY);
    const command = () => new GetSequenceStoreCommand({ id: created.id });
    const viaNoop = toNoop;
    console.log('SDK v3 GetSequenceStore, requests/second, each server in its own process (higher is better; goal: emulator/no-op >= 0.8)');
    for (const workers of [1, CONCURRENCY]) {
      // Alternate the two, twice, and keep each one's best: neither gains from running second.
      let noopRate = 0;
      let emulatorRate = 0;
      for (let round = 0; round < 2; round++) {
        noopRate = Math.max(noopRate, await throughput(() => viaNoop.send(command()), workers));
        emulatorRate = Math.max(emulatorRate, await throughput(() => toEmulator.send(command()), workers));
      }
      const label = workers === 1 ? 'sequential   ' : `${workers} concurrent`;
      console.log(`  ${label}  no-op ${noopRate.toFixed(0).padStart(6)}  emulator ${emulatorRate.toFixed(0).padStart(6)}  ratio ${(emulatorRate / noopRate).toFixed(2)}`);
    }
  } finally {
    toEmulator.destroy();
    toNoop?.destroy();
    await stopServerChild(emulator);
    if (noop) await stopServerChild(noop);
  }
}

async function rawGet(url: string, path: string): Promise<string> {
  const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.text();
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function listPageCost(): Promise<void> {
  console.log('ListSequenceStores page of 100 (core, no HTTP): median of 200 pages, and heap used');
  for (const stores of [100, 100_000]) {
    const before = heapMb();
    const core = createCore();
    const started = performance.now();
    for (let i = 0; i < stores; i++) core.invokeNow('CreateSequenceStore', { name: `store ${i}`, tags: { team: 'bench' } });
    const fillMs = performance.now() - started;
    const afterFill = heapMb();
    // Pages from the start, the middle and the end of the list, through real tokens.
    const tokens: (string | undefined)[] = [undefined];
    let token: string | undefined;
    for (let i = 0; i < 3 && (i === 0 || token); i++) {
      const page = core.invokeNow('ListSequenceStores', { maxResults: 100, ...(token ? { nextToken: token } : {}) }) as { nextToken?: string };
      token = page.nextToken;
      if (token) tokens.push(token);
    }
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = tokens[i % tokens.length];
      const s = performance.now();
      core.invokeNow('ListSequenceStores', { maxResults: 100, ...(t ? { nextToken: t } : {}) });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const median = times[times.length >> 1]!;
    console.log(
      `  ${String(stores).padStart(7)} stores  page ${median.toFixed(3)} ms  heap +${(afterFill - before).toFixed(1)} MB (rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB)  filled in ${(fillMs / 1000).toFixed(1)} s`,
    );
    core.reset();
  }
}

export async function run(): Promise<void> {
  await sdkThroughput();
  await listPageCost();
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
