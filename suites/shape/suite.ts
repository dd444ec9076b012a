// suites/shape: each valid CreateSequenceStore case makes a store, which is then read (Get, List,
// ListTags), updated, read again and deleted; every success answer goes through the shape checks.
import { allBoundaryCases } from '../../generators/boundaryCases.ts';
import type { Case } from '../../generators/case.ts';
import { validCase } from '../../generators/validCase.ts';
import type { OperationName } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { runBoundary, runProperty, type Executed, type Suite, type SuiteEnv } from '../engine.ts';
import type { ExecutedFinding } from '../recorder.ts';
import { listContainsCheck, shapeChecks } from './checks.ts';
import { prepareInput } from '../prepare.ts';
import { listPages } from '../listPages.ts';

const UPDATED_DESCRIPTION = 'updated by omics-conformance';
const SHAPE_TAG_KEY = 'omics-conformance:shape';

function follow(c: Case, operation: OperationName, input: Record<string, unknown>): Case {
  return { operation, input, send: 'sdk', expect: { outcome: 'accepted' }, label: `${operation} after ${c.label}`, ruleIds: [], phase: c.phase };
}

async function findInList(env: SuiteEnv, c: Case, name: unknown, id: string): Promise<{ executed: Executed[]; found: boolean }> {
  const executed: Executed[] = [];
  for await (const page of listPages(env, { name })) {
    executed.push({ case: follow(c, 'ListSequenceStores', page.input), observation: page.observation, context: { createdWith: c.input } });
    if (page.stores.some((s) => s.id === id)) return { executed, found: true };
  }
  return { executed, found: false };
}

export async function executeShapeCase(env: SuiteEnv, given: Case): Promise<Executed[]> {
  const timeoutMs = env.options.timeoutMs;
  const c: Case = { ...given, input: prepareInput(env, given, given.input) };
  const created = await env.target.call('CreateSequenceStore', c.input, { timeoutMs });
  const out: Executed[] = [{ case: c, observation: created, context: { createdWith: c.input } }];
  const store = env.stores.track(created, c.input);
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
    const listed = await findInList(env, c, c.input.name, store.id);
    out.push(...listed.executed);
    const last = listed.executed[listed.executed.length - 1];
    if (last) {
      const finding: ExecutedFinding = {
        check: listContainsCheck,
        case: last.case,
        observation: last.observation,
        finding: listed.found
          ? { checkId: listContainsCheck.id, status: 'passed', message: `store ${store.id} listed under its name` }
          : { checkId: listContainsCheck.id, status: 'failed', message: `store ${store.id} does not appear in ListSequenceStores filtered by its name`, expected: store.id, received: last.observation.client.output, hint: 'List every store whose name matches the filter, on some page.' },
      };
      out[out.length - 1] = { ...last, findings: [finding] };
    }
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
    const reread = await call('GetSequenceStore', { id: store.id }, { updatedWith: update });
    await env.stores.settle(store.id, reread);
    const deleted = await call('DeleteSequenceStore', { id: store.id });
    if (deleted.client.output) env.stores.forget(store.id);
  } finally {
    await env.stores.dispose(store.id);
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
    await runBoundary(env, this, createCases(), execute);
    await runProperty(env, this, 'shape/CreateSequenceStore/valid', 'CreateSequenceStore', validCase('CreateSequenceStore'), execute);
  },
};
