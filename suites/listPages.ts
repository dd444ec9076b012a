// Paging through ListSequenceStores the way every suite does: the largest page the contract allows,
// a bounded number of pages, stopping at the last page or at the first answer without an output.
import { ListSequenceStoresMaxResults } from '../specs/index.ts';
import type { Observation } from '../targets/types.ts';
import type { SuiteEnv } from './engine.ts';
import { listedStores } from './trace.ts';

const PAGE_SIZE = ListSequenceStoresMaxResults.range!.max!;
/** An account may hold many stores; a run looks at this many pages at most. */
const MAX_LIST_PAGES = 20;

/** How far a service's clock may stand from the client's: creation times and time filters allow for it. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface ListPage {
  readonly input: Record<string, unknown>;
  readonly observation: Observation;
  /** The page's stores; none when the call failed. */
  readonly stores: readonly Record<string, unknown>[];
}

export async function* listPages(env: Pick<SuiteEnv, 'target' | 'options'>, filter: Record<string, unknown>): AsyncGenerator<ListPage> {
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const input = { maxResults: PAGE_SIZE, filter, ...(nextToken ? { nextToken } : {}) };
    const observation = await env.target.call('ListSequenceStores', input, { timeoutMs: env.options.timeoutMs });
    const out = observation.client.output;
    yield { input, observation, stores: listedStores(observation) };
    nextToken = typeof out?.nextToken === 'string' ? out.nextToken : undefined;
    if (!nextToken) return;
  }
}
