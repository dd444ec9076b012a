// suites/validation: negative rejection and positive acceptance, case by case, and proof that a
// refused request left no trace (checked through Get, ListTags and List, in an account that may
// already hold other people's stores).
import { allBoundaryCases } from '../../generators/boundaryCases.ts';
import type { Case } from '../../generators/case.ts';
import { invalidCase } from '../../generators/invalidCase.ts';
import { validCase } from '../../generators/validCase.ts';
import { operationNames, type OperationName } from '../../specs/index.ts';
import { can, lacks } from '../../targets/capabilities.ts';
import type { Observation } from '../../targets/types.ts';
import { concurrently, runBoundary, runProperty, type Executed, type Suite, type SuiteEnv } from '../engine.ts';
import { TraceBuilder } from '../trace.ts';
import { aimedAt, type StoreRef } from '../stores.ts';
import { AFTER, BEFORE, CHANGES_NOTHING, LISTED, REFUSED, validationChecks, type ChangesNothingFact } from './checks.ts';
import { prepareInput } from '../prepare.ts';
import { CLOCK_SKEW_MS, listPages } from '../listPages.ts';

/** Operations whose effect on an existing store a refused request must not have. */
const MUTATING: readonly OperationName[] = ['UpdateSequenceStore', 'TagResource', 'UntagResource'];

async function send(env: SuiteEnv, c: Case, input: Record<string, unknown>): Promise<Observation | undefined> {
  const timeoutMs = env.options.timeoutMs;
  if (c.send === 'wire') return env.target.sendRaw?.(c.operation, input, { timeoutMs });
  return env.target.call(c.operation, input, { timeoutMs });
}

/** Get and ListTags of the store, noted under `role`. */
async function readStore(env: SuiteEnv, trace: TraceBuilder<ChangesNothingFact>, role: string, store: StoreRef): Promise<void> {
  const timeoutMs = env.options.timeoutMs;
  const [get, tags] = await Promise.all([
    env.target.call('GetSequenceStore', { id: store.id }, { timeoutMs }),
    env.target.call('ListTagsForResource', { resourceArn: store.arn }, { timeoutMs }),
  ]);
  trace.call(role, get);
  trace.call(role, tags);
}

/** Every store created since `since`, as List pages; and which of the listed ones the run already had. */
async function listSince(env: SuiteEnv, trace: TraceBuilder<ChangesNothingFact>, since: number): Promise<void> {
  const listed: string[] = [];
  for await (const page of listPages(env, { createdAfter: new Date(since - CLOCK_SKEW_MS) })) {
    trace.call(LISTED, page.observation);
    for (const s of page.stores) if (typeof s.id === 'string') listed.push(s.id);
  }
  // A valid create of the same name, sent by another case and not yet answered, is not a stray.
  await env.stores.createsAnswered();
  trace.fact({ kind: 'own-stores', ids: listed.filter((id) => env.stores.owns(id)) });
}

export async function executeValidationCase(env: SuiteEnv, c: Case): Promise<Executed[]> {
  if (c.send === 'wire' && !can(env.target, 'raw-send')) {
    const observation: Observation = { operation: c.operation, input: c.input, via: 'wire', client: {}, durationMs: 0 };
    return [{ case: c, observation, skipped: lacks(env.target, 'raw-send') }];
  }
  const rejected = c.expect.outcome === 'rejected';
  if (c.needs !== 'existing-store') return runCase(env, c, undefined);
  // A store of its own where the case removes it; a shared store emptied of tags after each case
  // where it fills it with tags; the shared fixture, one case at a time, otherwise.
  if (c.operation === 'DeleteSequenceStore') return runCase(env, c, await env.stores.fresh('delete case'));
  if (c.operation === 'TagResource' && !rejected) return env.stores.withUntaggedStore((store) => runCase(env, c, store));
  return env.stores.withFixture('fixture', (fixture) => runCase(env, c, fixture));
}

async function runCase(env: SuiteEnv, c: Case, store: StoreRef | undefined): Promise<Executed[]> {
  const rejected = c.expect.outcome === 'rejected';
  const input = prepareInput(env, c, store ? aimedAt(c.operation, c.input, store) : c.input);
  const sent: Case = { ...c, input };
  const trace = new TraceBuilder<ChangesNothingFact>(CHANGES_NOTHING, sent);
  const readsStore = rejected && store !== undefined && MUTATING.includes(c.operation);
  if (readsStore) await readStore(env, trace, BEFORE, store);

  const calledAt = Date.now();
  const obs = await send(env, c, input);
  if (!obs) return [];
  const created = c.operation === 'CreateSequenceStore' && obs.client.output ? env.stores.track(obs, input) : undefined;

  const executed: Executed[] = [{ case: sent, observation: obs, context: { calledAt } }];
  if (rejected && obs.client.error) {
    trace.call(REFUSED, obs);
    if (c.operation === 'CreateSequenceStore') await listSince(env, trace, calledAt);
    else if (readsStore) await readStore(env, trace, AFTER, store);
    executed.push({ trace: trace.trace() });
  }
  // A store left in a transitional status (UPDATING) is waited out, so the next case finds it ACTIVE.
  if (store && typeof obs.client.output?.status === 'string') await env.stores.settle(store.id, obs);
  if (created) env.stores.release(created.id);
  return executed;
}

export const validationSuite: Suite = {
  name: 'validation',
  description: 'Every invalid request is refused with ValidationException and changes nothing; every valid request is accepted.',
  checks: validationChecks,
  async run(env) {
    const execute = (c: Case) => executeValidationCase(env, c);
    await concurrently(env, [
      (e) => runBoundary(e, this, allBoundaryCases(), execute, { plainFailures: true }),
      ...operationNames.flatMap((op) => [(e: SuiteEnv) => runProperty(e, this, `validation/${op}/invalid`, op, invalidCase(op), execute), (e: SuiteEnv) => runProperty(e, this, `validation/${op}/valid`, op, validCase(op), execute)]),
    ]);
  },
};

