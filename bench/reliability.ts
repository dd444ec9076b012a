// Measured reliability of the emulator, over real HTTP with the real SDK (scenarios in bench/_reliability.ts):
// 1. 1,000 concurrent creates with one clientToken → one store, one id in every answer.
// 2. 10,000 creates from 64 clients → a List walk lists each once; a walk during creates and deletes
//    lists every store that lived through it once, none twice, none that never existed.
// 3. 20 SIGKILLs of the emulator process under create load with --state-file (seeded moments; the
//    seed is printed, RELIABILITY_SEED replays it) → no store answered 200 is lost.
import { killUnderWriteLoad, listingUnderChurn, reliabilitySeed, sameTokenCreates } from './_reliability.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'FAIL');

async function idempotency(): Promise<void> {
  const r = await sameTokenCreates({ calls: 1000, sockets: 1000, timeLimitMs: 120_000 });
  console.log('1,000 concurrent CreateSequenceStore, one clientToken, one client, each call on its own keep-alive connection');
  console.log(`  answers ${r.answers}/${r.calls}  distinct ids ${r.distinctIds}  stores ${r.stores}  wall ${seconds(r.wallMs)}  ${verdict(r.answers === r.calls && r.distinctIds === 1 && r.stores === 1)}`);
  if (r.failures.length) console.log(`  failures: ${r.failures.join('; ')}`);
}

async function listing(seed: number): Promise<void> {
  const r = await listingUnderChurn({ stores: 10_000, clients: 64, churnClients: 8, churnPageSize: 25, seed, timeLimitMs: 300_000 });
  const q = r.quiet;
  const c = r.churn;
  console.log('10,000 creates from 64 clients, then ListSequenceStores walks');
  console.log(`  creates answered ${r.created}/10000 in ${seconds(r.createMs)} (${(r.created / (r.createMs / 1000)).toFixed(0)}/s)${r.createFailures.length ? `; failures: ${r.createFailures.join('; ')}` : ''}`);
  console.log(`  quiet walk: listed ${q.listed} in ${q.pages} pages, ${seconds(q.wallMs)}; missing ${q.missing}/${q.required}, twice ${q.duplicates}, never existed ${q.neverExisted}  ${verdict(q.missing + q.duplicates + q.neverExisted === 0 && q.listed === q.required)}`);
  console.log(
    `  walk during churn (8 clients, ${c.churnCreates} creates + ${c.churnDeletes} deletes meanwhile; pages of 25): listed ${c.listed} in ${c.pages} pages, ${seconds(c.wallMs)}; ` +
      `lived through the walk ${c.required}, missing ${c.missing}, twice ${c.duplicates}, never existed ${c.neverExisted}, deleted before it ${c.listedAfterDelete}  ${verdict(c.missing + c.duplicates + c.neverExisted + c.listedAfterDelete === 0)}`,
  );
  if (r.churnFailures.length) console.log(`  churn failures: ${r.churnFailures.join('; ')}`);
}

async function kills(seed: number): Promise<void> {
  const r = await killUnderWriteLoad({ kills: 20, clients: 4, maxAcksBeforeKill: 100, seed, timeLimitMs: 600_000 });
  const unanswered = r.rounds.reduce((n, x) => n + x.unanswered, 0);
  const restarts = [...r.restartMs].sort((a, b) => a - b);
  console.log(`SIGKILL of the emulator process under create load (4 clients, --state-file), seed ${r.seed}`);
  console.log(
    `  kills ${r.kills}  acknowledged stores ${r.acknowledged}  lost ${r.lost.length}  unanswered at the kill ${unanswered}  ` +
      `restart median ${seconds(restarts[restarts.length >> 1] ?? 0)}  wall ${seconds(r.wallMs)}  ${verdict(r.lost.length === 0 && r.unexpected.length === 0 && r.kills === 20)}`,
  );
  for (const line of [...r.lost, ...r.unexpected].slice(0, 10)) console.log(`  ${line}`);
}

export async function run(): Promise<void> {
  const seed = reliabilitySeed();
  const started = performance.now();
  await idempotency();
  await listing(seed);
  await kills(seed);
  console.log(`reliability bench wall time ${seconds(performance.now() - started)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
