// The strong form of the pagination promise: a walk through small pages of stores that share one
// name, with stores created and deleted between pages. Stores there all along must each appear
// once; stores that came or went during the walk may appear at most once (TargetSystem checks both).
import * as fc from 'fast-check';
import { ListSequenceStoresMaxResults } from '../../specs/index.ts';
import type { TargetSystem } from './targetSystem.ts';

export interface PagingAction {
  /** Taken after this page (1-based) came back. */
  readonly afterPage: number;
  readonly kind: 'create' | 'delete';
  /** Which live store a delete takes, wrapped to their number. */
  readonly pick: number;
}

export interface PagingScenario {
  /** Stores there before the walk starts. */
  readonly stores: number;
  readonly pageSize: number;
  readonly between: readonly PagingAction[];
}

const MAX_STORES = 6;
const MAX_PAGE_SIZE = 3;
const MAX_ACTIONS = 4;

export function pagingScenario(): fc.Arbitrary<PagingScenario> {
  const minPage = ListSequenceStoresMaxResults.range?.min ?? 1;
  return fc.record({
    stores: fc.integer({ min: 2, max: MAX_STORES }),
    pageSize: fc.integer({ min: minPage, max: Math.max(minPage, MAX_PAGE_SIZE) }),
    between: fc.array(fc.record({ afterPage: fc.integer({ min: 1, max: MAX_STORES }), kind: fc.constantFrom('create' as const, 'delete' as const), pick: fc.nat(MAX_STORES - 1) }), { maxLength: MAX_ACTIONS }),
  });
}

export function describeScenario(s: PagingScenario): string {
  const actions = [...s.between].sort((a, b) => a.afterPage - b.afterPage).map((a) => `after page ${a.afterPage} ${a.kind === 'create' ? 'create one' : `delete live store #${a.pick}`}`);
  return `paging: ${s.stores} stores of one name, pages of ${s.pageSize}${actions.length ? `; ${actions.join('; ')}` : ''}`;
}

/** Runs the scenario on stores named `name`; the system notes what it finds. */
export async function runPaging(system: TargetSystem, s: PagingScenario, name: string, maxLive = Number.POSITIVE_INFINITY): Promise<void> {
  // Under a live-store cap the walk holds at most the cap's worth of stores: fewer at the start, and no create between pages past it.
  for (let i = 0; i < Math.min(s.stores, maxLive); i++) await system.create({ name });
  const creates = s.between.filter((a) => a.kind === 'create').length;
  const maxPages = s.stores + creates + 2;
  let nextToken: string | undefined;
  let page = 0;
  do {
    const out = await system.list({ maxResults: s.pageSize, filter: { name }, ...(nextToken !== undefined ? { nextToken } : {}) });
    page++;
    for (const a of s.between.filter((x) => x.afterPage === page)) {
      if (a.kind === 'create') {
        if (system.liveIds().length < maxLive) await system.create({ name });
      }
      else {
        const live = system.liveIds();
        if (live.length) await system.delete(live[a.pick % live.length]!);
      }
    }
    nextToken = (out.nextToken as string | null | undefined) ?? undefined;
  } while (nextToken !== undefined && page < maxPages);
  if (nextToken !== undefined) system.unended(page, maxPages);
}
