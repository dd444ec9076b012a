// Reliability scenarios of the emulator, shared by bench/reliability.ts (full size) and
// test/emulator/reliability.test.ts (CI size). Each one runs over real HTTP with the real SDK,
// is bounded in count and in time, and returns what it measured; the caller judges the figures.
//   sameTokenCreates     many concurrent creates with one clientToken make one store
//   listingUnderChurn    a List walk lists every store once, also while creates and deletes run
//   killUnderWriteLoad   every create answered 200 survives a SIGKILL of the emulator process
import { CreateSequenceStoreCommand, DeleteSequenceStoreCommand, GetSequenceStoreCommand, ListSequenceStoresCommand, OmicsClient } from '@aws-sdk/client-omics';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../emulator/core/random.ts';
import { startEmulator } from '../emulator/index.ts';
import { benchClient } from './_client.ts';
import { spawnServerChild, type ServerChild } from './_serverChild.ts';


/** Rejects when `work` has not settled within `ms`, so a hang fails the caller instead of stalling it. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The seed from RELIABILITY_SEED (to replay a run), else a fresh one. */
export function reliabilitySeed(): number {
  const given = process.env.RELIABILITY_SEED;
  if (given !== undefined && /^\d+$/.test(given)) return Number(given);
  return Math.floor(Math.random() * 2 ** 31);
}

/** Every id ListSequenceStores gives, page after page, in order; fails past `maxPages` rather than walk forever. */
export async function walkList(client: OmicsClient, options: { pageSize?: number; maxPages: number }): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    if (pages === options.maxPages) throw new Error(`walkList: still more pages after ${pages}`);
    const page = await client.send(new ListSequenceStoresCommand({ ...(options.pageSize ? { maxResults: options.pageSize } : {}), ...(nextToken ? { nextToken } : {}) }));
    pages++;
    for (const store of page.sequenceStores ?? []) ids.push(store.id!);
    nextToken = page.nextToken;
  } while (nextToken);
  return { ids, pages };
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** How many times each text occurs, most frequent first, as `N× text`. */
function tally(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n}× ${t}`);
}

// ---------------------------------------------------------------------------------------------------------

export interface SameTokenResult {
  readonly calls: number;
  /** Calls answered with a store. */
  readonly answers: number;
  readonly failures: readonly string[];
  readonly distinctIds: number;
  /** Stores the emulator lists afterwards (it started empty). */
  readonly stores: number;
  readonly wallMs: number;
}

/** `calls` CreateSequenceStore calls with one clientToken and one request, all in flight at once on one client. */
export async function sameTokenCreates(options: { calls: number; sockets: number; timeLimitMs: number }): Promise<SameTokenResult> {
  const emulator = await startEmulator({ requestLogLimit: 100 });
  const client = benchClient(emulator.url, options.sockets);
  try {
    return await withTimeout(
      (async () => {
        const input = { name: 'one store', description: 'same token, same request', clientToken: 'reliability-same-token', tags: { bench: 'reliability' } };
        const started = performance.now();
        const settled = await Promise.allSettled(Array.from({ length: options.calls }, () => client.send(new CreateSequenceStoreCommand(input))));
        const wallMs = performance.now() - started;
        const ids = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id!] : []));
        const failures = tally(settled.flatMap((r) => (r.status === 'rejected' ? [errorText(r.reason)] : [])));
        const listed = await walkList(client, { maxPages: 10 });
        return { calls: options.calls, answers: ids.length, failures, distinctIds: new Set(ids).size, stores: listed.ids.length, wallMs };
      })(),
      options.timeLimitMs,
      'sameTokenCreates',
    );
  } finally {
    client.destroy();
    await emulator.close();
  }
}

// ---------------------------------------------------------------------------------------------------------

export interface WalkCheck {
  readonly listed: number;
  readonly pages: number;
  readonly wallMs: number;
  /** Ids listed more than once. */
  readonly duplicates: number;
  /** Listed ids no create ever answered with. */
  readonly neverExisted: number;
  /** Stores that must be listed (all of them when quiet; those that existed for the whole walk under churn). */
  readonly required: number;
  /** Of those, how many the walk missed. */
  readonly missing: number;
}

export interface ChurnWalkCheck extends WalkCheck {
  /** Listed stores whose delete had been answered before the walk began. */
  readonly listedAfterDelete: number;
  readonly churnCreates: number;
  readonly churnDeletes: number;
}

export interface ListingResult {
  readonly created: number;
  readonly createFailures: readonly string[];
  readonly createMs: number;
  readonly quiet: WalkCheck;
  readonly churn: ChurnWalkCheck;
  readonly churnFailures: readonly string[];
}

interface Lifetime {
  /** When the create was answered (performance.now()). */
  createdAt: number;
  /** When the delete was sent, and when it was answered. */
  deleteSentAt?: number;
  deletedAt?: number;
}

function walkCheck(ids: readonly string[], pages: number, wallMs: number, known: ReadonlyMap<string, unknown>, required: readonly string[]): WalkCheck {
  const seen = new Map<string, number>();
  for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return {
    listed: ids.length,
    pages,
    wallMs,
    duplicates: [...seen.values()].filter((n) => n > 1).length,
    neverExisted: [...seen.keys()].filter((id) => !known.has(id)).length,
    required: required.length,
    missing: required.filter((id) => !seen.has(id)).length,
  };
}

/**
 * `stores` creates from `clients` clients (one connection each), then a walk of the whole list; then
 * `churnClients` clients keep creating and deleting (seeded choice of victims) while a second walk,
 * in pages of `churnPageSize`, runs. The churn starts before that walk, so some deletes precede it.
 */
export async function listingUnderChurn(options: { stores: number; clients: number; churnClients: number; churnPageSize: number; seed: number; timeLimitMs: number }): Promise<ListingResult> {
  const emulator = await startEmulator({ requestLogLimit: 100 });
  const clients = Array.from({ length: options.clients }, () => benchClient(emulator.url, 1));
  const walker = benchClient(emulator.url, 1);
  const random = seededRandom(options.seed);
  let stopChurn = false;
  try {
    return await withTimeout(
      (async () => {
        const lifetimes = new Map<string, Lifetime>();
        const createFailures: string[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          clients.map(async (client) => {
            while (next < options.stores) {
              const n = next++;
              try {
                const { id } = await client.send(new CreateSequenceStoreCommand({ name: `listed ${n}` }));
                lifetimes.set(id!, { createdAt: performance.now() });
              } catch (error) {
                createFailures.push(errorText(error));
              }
            }
          }),
        );
        const createMs = performance.now() - started;

        const quietStart = performance.now();
        const quietWalk = await walkList(walker, { maxPages: options.stores + 10 });
        const quiet = walkCheck(quietWalk.ids, quietWalk.pages, performance.now() - quietStart, lifetimes, [...lifetimes.keys()]);

        // Churn: each worker alternates a create and a delete of a store picked at random among the live ones.
        const live = [...lifetimes.keys()];
        const churnFailures: string[] = [];
        let churnCreates = 0;
        let churnDeletes = 0;
        let churnOps = 0;
        let warmedUp: () => void = () => {};
        const warm = new Promise<void>((resolve) => (warmedUp = resolve));
        const churnClients = Array.from({ length: options.churnClients }, () => benchClient(emulator.url, 1));
        const churn = Promise.all(
          churnClients.map(async (client, w) => {
            for (let i = 0; !stopChurn; i++) {
              try {
                if (i % 2 === 0 || live.length === 0) {
                  const { id } = await client.send(new CreateSequenceStoreCommand({ name: `churn ${w}-${i}` }));
                  lifetimes.set(id!, { createdAt: performance.now() });
                  live.push(id!);
                  churnCreates++;
                } else {
                  const at = random.int(0, live.length - 1);
                  const id = live[at]!;
                  live[at] = live[live.length - 1]!;
                  live.pop();
                  const lifetime = lifetimes.get(id)!;
                  lifetime.deleteSentAt = performance.now();
                  await client.send(new DeleteSequenceStoreCommand({ id }));
                  lifetime.deletedAt = performance.now();
                  churnDeletes++;
                }
              } catch (error) {
                churnFailures.push(errorText(error));
              }
              if (++churnOps === options.churnClients * 4) warmedUp();
            }
          }),
        ).finally(() => warmedUp());
        await warm;
        const walkStart = performance.now();
        const churnWalk = await walkList(walker, { pageSize: options.churnPageSize, maxPages: Math.ceil((options.stores * 4) / options.churnPageSize) + 10 });
        const walkEnd = performance.now();
        stopChurn = true;
        await churn; // every create in flight is answered, so `lifetimes` knows every id that ever existed
        churnClients.forEach((c) => c.destroy());

        const wholeWalk = [...lifetimes].filter(([, l]) => l.createdAt < walkStart && !(l.deleteSentAt !== undefined && l.deleteSentAt <= walkEnd)).map(([id]) => id);
        const listedSet = new Set(churnWalk.ids);
        const listedAfterDelete = [...lifetimes].filter(([id, l]) => l.deletedAt !== undefined && l.deletedAt < walkStart && listedSet.has(id)).length;
        return {
          created: options.stores - createFailures.length,
          createFailures: tally(createFailures),
          createMs,
          quiet,
          churn: { ...walkCheck(churnWalk.ids, churnWalk.pages, walkEnd - walkStart, lifetimes, wholeWalk), listedAfterDelete, churnCreates, churnDeletes },
          churnFailures: tally(churnFailures),
        };
      })(),
      options.timeLimitMs,
      'listingUnderChurn',
    );
  } finally {
    stopChurn = true;
    clients.forEach((c) => c.destroy());
    walker.destroy();
    await emulator.close();
  }
}

// ---------------------------------------------------------------------------------------------------------

/** `omics-conformance emulator --port 0 --state-file F` as a child process, once it has printed its URL. */
export function spawnEmulatorChild(stateFile: string): Promise<ServerChild> {
  return spawnServerChild(['cli/main.ts', 'emulator', '--port', '0', '--host', '127.0.0.1', '--state-file', stateFile], 'the emulator');
}

export interface KillRound {
  /** The kill came when this many creates of the round had been answered 200. */
  readonly killAfterAcks: number;
  readonly acknowledged: number;
  /** Creates that had been sent and not answered when the process died. */
  readonly unanswered: number;
}

export interface KillResult {
  readonly seed: number;
  readonly kills: number;
  readonly rounds: readonly KillRound[];
  /** Creates answered 200, over all rounds. */
  readonly acknowledged: number;
  /** Acknowledged stores not found (or found under another name) after a restart, as `round id name`. */
  readonly lost: readonly string[];
  /** Errors before the kill of their round, which should not happen. */
  readonly unexpected: readonly string[];
  readonly restartMs: readonly number[];
  readonly wallMs: number;
}

/**
 * Per round: `clients` clients create stores (unique names) on the emulator child; when the round's
 * acknowledged creates reach a seeded count in 1..maxAcksBeforeKill the child gets SIGKILL; it is
 * restarted on the same state file and every store acknowledged so far, in any round, is read back by id.
 */
export async function killUnderWriteLoad(options: { kills: number; clients: number; maxAcksBeforeKill: number; seed: number; timeLimitMs: number }): Promise<KillResult> {
  const dir = mkdtempSync(join(tmpdir(), 'omics-reliability-'));
  const stateFile = join(dir, 'state.json');
  const random = seededRandom(options.seed);
  let current: ServerChild | undefined;
  try {
    return await withTimeout(
      (async () => {
        const started = performance.now();
        const acked: { round: number; id: string; name: string }[] = [];
        const rounds: KillRound[] = [];
        const lost: string[] = [];
        const unexpected: string[] = [];
        const restartMs: number[] = [];
        current = await spawnEmulatorChild(stateFile);
        for (let round = 1; round <= options.kills; round++) {
          const target = current;
          const killAfterAcks = random.int(1, options.maxAcksBeforeKill);
          let roundAcks = 0;
          let unanswered = 0;
          let killed = false;
          const clients = Array.from({ length: options.clients }, () => benchClient(target.url, 1));
          await Promise.all(
            clients.map(async (client, w) => {
              for (let i = 0; !killed; i++) {
                const name = `kill ${round}-${w}-${i}`;
                try {
                  const { id } = await client.send(new CreateSequenceStoreCommand({ name }));
                  acked.push({ round, id: id!, name });
                  if (++roundAcks === killAfterAcks) {
                    killed = true;
                    target.child.kill('SIGKILL');
                  }
                } catch (error) {
                  if (killed) unanswered++;
                  else {
                    unexpected.push(`round ${round}: ${errorText(error)}`);
                    return;
                  }
                }
              }
            }),
          );
          clients.forEach((c) => c.destroy());
          if (!killed) target.child.kill('SIGKILL'); // every client failed before the count: kill anyway, the round still counts
          const how = await target.ended;
          if (how !== 'SIGKILL') unexpected.push(`round ${round}: the emulator ended by ${how}, not SIGKILL`);
          rounds.push({ killAfterAcks, acknowledged: roundAcks, unanswered });

          const restartStart = performance.now();
          current = await spawnEmulatorChild(stateFile);
          restartMs.push(performance.now() - restartStart);
          lost.push(...(await missingStores(current.url, acked)));
          if (lost.length) break;
        }
        return { seed: options.seed, kills: rounds.length, rounds, acknowledged: acked.length, lost, unexpected, restartMs, wallMs: performance.now() - started };
      })(),
      options.timeLimitMs,
      'killUnderWriteLoad',
    );
  } finally {
    if (current) {
      current.child.kill('SIGKILL');
      await current.ended;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The acknowledged stores a Get by id does not return under their name, as `round id name: what`. */
async function missingStores(url: string, stores: readonly { round: number; id: string; name: string }[]): Promise<string[]> {
  const workers = 8;
  const client = benchClient(url, workers);
  const missing: string[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < stores.length) {
          const { round, id, name } = stores[next++]!;
          try {
            const got = await client.send(new GetSequenceStoreCommand({ id }));
            if (got.name !== name) missing.push(`round ${round} ${id} ${name}: the id now names '${got.name}'`);
          } catch (error) {
            missing.push(`round ${round} ${id} ${name}: ${errorText(error)}`);
          }
        }
      }),
    );
  } finally {
    client.destroy();
  }
  return missing;
}
