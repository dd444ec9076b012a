import { ListSequenceStoresMaxResults, operations } from '../../../specs/index.ts';
import { decodePageToken, encodePageToken } from '../pageToken.ts';
import { project, statusAt, storeView, type StoreRecord } from '../storeRecord.ts';
import { timeOf, type Handler } from './context.ts';

interface Filter {
  name?: string;
  status?: string;
  createdAfter?: unknown;
  createdBefore?: unknown;
  updatedAfter?: unknown;
  updatedBefore?: unknown;
}

/** The filter as one predicate; bounds are inclusive. */
function matcher(filter: Filter | undefined, now: number): (store: StoreRecord) => boolean {
  if (!filter) return () => true;
  const after = (v: unknown) => timeOf(v) ?? -Infinity;
  const before = (v: unknown) => timeOf(v) ?? Infinity;
  const [ca, cb, ua, ub] = [after(filter.createdAfter), before(filter.createdBefore), after(filter.updatedAfter), before(filter.updatedBefore)];
  return (store) =>
    (filter.name === undefined || store.name === filter.name) &&
    (filter.status === undefined || statusAt(store, now) === filter.status) &&
    store.creationTime >= ca &&
    store.creationTime <= cb &&
    store.updateTime >= ua &&
    store.updateTime <= ub;
}

const itemShape = (() => {
  const items = operations.ListSequenceStores.output.members.sequenceStores!.target;
  if (items.type !== 'list' || items.member.type !== 'structure') throw new Error('emulator: ListSequenceStores items are no longer a list of structures');
  return items.member;
})();

/** With no maxResults, a page is as large as the contract allows. */
const defaultPageSize = ListSequenceStoresMaxResults.range?.max;
if (defaultPageSize === undefined) throw new Error('emulator: specs/ ListSequenceStoresMaxResults has no maximum to size pages by');

export const listSequenceStores: Handler = (input, { state, now }) => {
  const pageSize = (input.maxResults as number | undefined) ?? defaultPageSize;
  const afterSeq = typeof input.nextToken === 'string' ? decodePageToken(input.nextToken) : 0;
  const matches = matcher(input.filter as Filter | undefined, now);
  const page: StoreRecord[] = [];
  let more = false;
  for (const id of state.index.after(afterSeq)) {
    const store = state.live(id, now);
    if (!store || !matches(store)) continue;
    if (page.length === pageSize) {
      more = true;
      break;
    }
    page.push(store);
  }
  const last = page[page.length - 1];
  return {
    sequenceStores: page.map((store) => project(storeView(store, now), itemShape)),
    ...(more && last ? { nextToken: encodePageToken(last.seq) } : {}),
  };
};
