// suites/shape: each valid CreateSequenceStore case makes a store, which is then read (Get, List,
// ListTags), updated, read again and deleted; every success answer goes through the shape checks.
import { allBoundaryCases } from '../../generators/boundaryCases.ts';
import type { Case } from '../../generators/case.ts';
import { validCase } from '../../generators/validCase.ts';
import type { OperationName } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { concurrently, runBoundary, runProperty, type Executed, type Suite, type SuiteEnv } from '../engine.ts';
import { TraceBuilder } from '../trace.ts';
import { CREATED, LIST_CONTAINS, LISTED, shapeChecks } from './checks.ts';
import { prepareInput } from '../prepare.ts';
import { listPages } from '../listPages.ts';

const UPDATED_DESCRIPTION = 'updated by omics-conformance';
const SHAPE_TAG_KEY = 'omics-conformance:shape';

function follow(c: Case, operation: OperationName, input: Record<string, unknown>): Case {
  return { operation, input, send: 'sdk', expect: { outcome: 'accepted' }, label: `${operation} after ${c.label}`, ruleIds: [], phase: c.phase };
}

/** List pages filtered by the store's name, up to the page that holds it, each noted in the trace. */
async function findInList(env: SuiteEnv, c: Case, name: unknown, id: string, trace: TraceBuilder): Promise<Executed[]> {
  const executed: Executed[] = [];
  for await (const page of listPages(env, { name })) {
    executed.push({ case: follow(c, 'ListSequenceStores', page.input), observation: trace.call(LISTED, page.observation), context: { createdWith: c.input } });
    if (page.stores.some((s) => s.id === id)) break;
  }
  return executed;
}

export async function executeShapeCase(env: SuiteEnv, given: Case): Promise<Executed[]> {
  const timeoutMs = env.options.timeoutMs;
  const c: Case = { ...given, input: prepareInput(env, given, given.input) };
  const created = await env.target.call('CreateSequenceStore', c.input, { timeoutMs });
  const out: Executed[] = [{ case: c, observation: created, context: { createdWith: c.input } }];
  const store = await env.stores.complete(created, c.input);
  if (!store) return out;
  try {
    const ctx = { createdWith: c.input };
    const call = async (operation: OperationName, input: Record<string, unknown>, extra: object = {}): Promise<Observation> => {
      const obs = await env.target.call(operation, input, { timeoutMs });
      out.push({ case: follow(c, operation, input), observation: obs, context: { ...ctx, ...extra } });
      return obs;
    };
    await env.stores.settle(store.id, created);
    await call('GetSequenceStore', { id: store.id });
    const listing = new TraceBuilder(LIST_CONTAINS, c);
    listing.call(CREATED, created);
    out.push(...(await findInList(env, c, c.input.name, store.id, listing)), { trace: listing.trace() });
    await call('ListTagsForResource', { resourceArn: store.arn });
    // A tag of the run's own, added and taken off again: the answers of TagResource and UntagResource
    // (on the boundary cases; the random ones add nothing to what these two answers show).
    if (c.phase === 'boundary') {
      const tagged = await call('TagResource', { resourceArn: store.arn, tags: { [SHAPE_TAG_KEY]: env.stores.runId } });
      if (tagged.client.output) await call('UntagResource', { resourceArn: store.arn, tagKeys: [SHAPE_TAG_KEY] });
    }
    const update = { id: store.id, description: UPDATED_DESCRIPTION };
    const updated = await call('UpdateSequenceStore', update, { updatedWith: update });
    await env.stores.settle(store.id, updated);
    // An update that did not happen (a client that cannot send it) leaves the store as created.
    const reread = await call('GetSequenceStore', { id: store.id }, updated.client.output ? { updatedWith: update } : {});
    await env.stores.settle(store.id, reread);
    const deleted = await call('DeleteSequenceStore', { id: store.id });
    if (deleted.client.output) env.stores.forget(store.id);
  } finally {
    env.stores.release(store.id);
  }
  return out;
}

const createCases = () => allBoundaryCases().filter((c) => c.operation === 'CreateSequenceStore' && c.expect.outcome === 'accepted' && c.send === 'sdk');

export const shapeSuite: Suite = {
  name: 'shape',
  description: 'Every success response matches the output shape; stores echo their inputs; ids, ARNs and timestamps are consistent.',
  checks: shapeChecks,
  async run(env) {
    const execute = (c: Case) => executeShapeCase(env, c);
    await concurrently(env, [(e) => runBoundary(e, this, createCases(), execute, { plainFailures: true }), (e) => runProperty(e, this, 'shape/CreateSequenceStore/valid', 'CreateSequenceStore', validCase('CreateSequenceStore'), execute)]);
  },
};
