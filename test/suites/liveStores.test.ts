// Runs against a slow or quota-bound service: a cap on the stores held at once (--max-live-stores),
// the background reaper under an interrupt, and the retried create checked without the emulator's
// admin routes (the answer is lost on the client side).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import { ADMIN_PREFIX, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.ts';
import { suite } from '../support/suite.ts';

const test = suite('suites: live-store cap, reaper, lost answers');

const SEED = 424242;
async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ host: '127.0.0.1', port: 0, ...options });
}

async function storesLeft(e: RunningEmulator): Promise<number> {
  const res = await fetch(`${e.url}${ADMIN_PREFIX}/health`, { signal: AbortSignal.timeout(5000) });
  return ((await res.json()) as { stores: number }).stores;
}

/** The most stores the emulator held at once, from each change of its state on. */
function peakOf(e: RunningEmulator): { readonly most: number } {
  let most = 0;
  let reading = false;
  e.core.onChange(() => {
    if (reading) return;
    reading = true;
    try {
      most = Math.max(most, e.core.storeCount());
    } finally {
      reading = false;
    }
  });
  return {
    get most() {
      return most;
    },
  };
}

const base: ConformanceOptions = { seed: SEED, runs: 3, reportDir: false };
const skipReasons = (r: Awaited<ReturnType<typeof runConformance>>['report']) => Object.fromEntries(r.checks.map((c) => [c.id, `${c.status}${c.skipped ? `: ${c.skipped}` : ''}`]));

test('--max-live-stores 3: never more than 3 stores at once, no case skipped for it, every store deleted', async () => {
  const free = await emulator();
  const capped = await emulator();
  try {
    const [freePeak, cappedPeak] = [peakOf(free), peakOf(capped)];
    const uncapped = await runConformance({ ...base, endpoint: free.url });
    const run = await runConformance({ ...base, endpoint: capped.url, maxLiveStores: 3 });
    console.log(`  seed ${SEED}: at most ${cappedPeak.most} stores at once with the cap, ${freePeak.most} without`);
    assert.ok(cappedPeak.most <= 3, `${cappedPeak.most} stores at once`);
    assert.ok(freePeak.most > 3, 'the uncapped run holds more than 3 at once, or the cap proves nothing');
    assert.is(run.report.summary.failed, 0, JSON.stringify(run.report.checks.filter((c) => c.status === 'failed').map((c) => c.failures[0]?.message)));
    assert.equal(skipReasons(run.report), skipReasons(uncapped.report), 'the same checks judged and skipped, for the same reasons');
    assert.is(await storesLeft(capped), 0);
  } finally {
    await free.close();
    await capped.close();
  }
});

test('an interrupt while the reaper is deleting stores still deletes every store of the run', async () => {
  // Stores stay CREATING a while, so the reaper has stores to wait out when the run is stopped.
  const e = await emulator({ createDelayMs: 150 });
  try {
    const abort = new AbortController();
    let reaping = 0;
    const { report } = await runConformance({
      ...base,
      endpoint: e.url,
      signal: abort.signal,
      onCall: (obs) => {
        if (obs.operation === 'DeleteSequenceStore' && ++reaping === 3) abort.abort();
      },
    });
    assert.ok(reaping >= 3, 'the reaper deleted stores before the interrupt');
    assert.ok(report.summary.passed + report.summary.failed + report.summary.skipped > 0);
    assert.is(await storesLeft(e), 0, 'stores of the run left behind');
  } finally {
    await e.close();
  }
});

/** A plain endpoint in front of an emulator: everything passes but its admin routes, which answer 404. */
async function plainEndpoint(behind: RunningEmulator): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if ((req.url ?? '').startsWith(ADMIN_PREFIX)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    const upstream = request(`${behind.url}${req.url}`, { method: req.method, headers: req.headers, timeout: 10_000 }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function retryCheck(options: EmulatorOptions) {
  const e = await emulator(options);
  const plain = await plainEndpoint(e);
  try {
    const { report } = await runConformance({ ...base, endpoint: plain.url, suites: ['idempotency'] });
    return report.checks.find((c) => c.id === 'idempotency.retry-same-token')!;
  } finally {
    await plain.close();
    await e.close();
  }
}

test('idempotency.retry-same-token on an endpoint without admin routes: passes on the emulator, fails where the token is ignored', async () => {
  const good = await retryCheck({});
  assert.is(good.status, 'passed', JSON.stringify(good));
  const bad = await retryCheck({ deviations: { ignoreClientToken: true } });
  assert.is(bad.status, 'failed', JSON.stringify(bad));
  assert.match(bad.failures[0]!.message, /2 stores exist under the name/);
});

test.run();
