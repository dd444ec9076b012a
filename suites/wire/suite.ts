// suites/wire: valid cases of every operation, sent through the SDK on stores the run creates; the
// wire checks compare each request with the spec's binding and each success body with the SDK's
// reading of it. Stores are tracked from the raw body too, so a body the SDK cannot read leaves
// no store behind.
import { allBoundaryCases } from '../../generators/boundaryCases.ts';
import type { Case } from '../../generators/case.ts';
import { validCase } from '../../generators/validCase.ts';
import { operationNames, SequenceStoreName } from '../../specs/index.ts';
import { can, lacks } from '../../targets/capabilities.ts';
import type { Observation } from '../../targets/types.ts';
import { applyChecks, concurrently, runBoundary, runProperty, type Executed, type Suite, type SuiteEnv } from '../engine.ts';
import { prepareInput } from '../prepare.ts';
import { aimedAt, NoStoreToTestWith, RUN_TAG_KEY, type StoreRef } from '../stores.ts';
import { wireChecks } from './checks.ts';

async function createStore(env: SuiteEnv, purpose: string, runTag: boolean): Promise<StoreRef> {
  const name = env.unique.nextIfValid(SequenceStoreName, `omics-conformance ${env.stores.runId} wire ${purpose}`);
  const input = { name, ...(runTag ? { tags: { [RUN_TAG_KEY]: env.stores.runId } } : {}) };
  const obs = await env.target.call('CreateSequenceStore', input, { timeoutMs: env.options.timeoutMs });
  const ref = await env.stores.complete(obs, input);
  if (!ref) throw new NoStoreToTestWith(obs);
  await env.stores.settle(ref.id, obs);
  return ref;
}

async function send(env: SuiteEnv, c: Case, store: StoreRef | undefined): Promise<Executed[]> {
  const input = prepareInput(env, c, store ? aimedAt(c.operation, c.input, store) : c.input);
  const observation = await env.target.call(c.operation, input, { timeoutMs: env.options.timeoutMs });
  if (c.operation === 'CreateSequenceStore') {
    // Owned by its id, also where the answer left other members out; deleted at once.
    env.stores.track(observation, input);
    const id = observation.client.output?.id;
    if (typeof id === 'string') env.stores.release(id);
  }
  return [{ case: { ...c, input }, observation }];
}

export function wireExecutor(env: SuiteEnv): (c: Case) => Promise<Executed[]> {
  return async (c) => {
    if (c.needs !== 'existing-store') return send(env, c, undefined);
    // A store of its own where the case removes it; a shared store emptied of tags after each case
    // where it fills it with tags; the shared one otherwise.
    if (c.operation === 'TagResource') return env.stores.withUntaggedStore((store) => send(env, c, store));
    if (c.operation === 'DeleteSequenceStore') {
      const store = await createStore(env, `${c.operation} case`, true);
      try {
        return await send(env, c, store);
      } finally {
        env.stores.release(store.id);
      }
    }
    return env.stores.withFixture('wire fixture', (store) => send(env, c, store));
  };
}

const sdkCases = () => allBoundaryCases().filter((c) => c.expect.outcome === 'accepted' && c.send === 'sdk');

export const wireSuite: Suite = {
  name: 'wire',
  description: 'What the SDK sends matches the HTTP binding of the spec; what comes back reads the same on the wire and in the SDK.',
  checks: wireChecks,
  async run(env) {
    if (!can(env.target, 'wire-capture')) {
      const example = sdkCases()[0]!;
      const observation: Observation = { operation: example.operation, input: example.input, via: 'sdk', client: {}, durationMs: 0 };
      env.recorder.record(applyChecks(env, this.checks, [{ case: example, observation, skipped: lacks(env.target, 'wire-capture') }]), `${this.name}/boundary`);
      return;
    }
    const execute = wireExecutor(env);
    await concurrently(env, [
      (e) => runBoundary(e, this, sdkCases(), execute, { plainFailures: true }),
      ...operationNames.map((op) => (e: SuiteEnv) => runProperty(e, this, `wire/${op}/valid`, op, validCase(op).filter((c) => c.send === 'sdk'), execute)),
    ]);
  },
};
