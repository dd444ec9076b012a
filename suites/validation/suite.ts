// suites/validation: negative rejection and positive acceptance, case by case, and proof that a
// refused request left no trace (checked through Get, ListTags and List, in an account that may
// already hold other people's stores).
import { allBoundaryCases } from '../../generators/boundaryCases.ts';
import type { Case } from '../../generators/case.ts';
import { invalidCase } from '../../generators/invalidCase.ts';
import { validCase } from '../../generators/validCase.ts';
import { operationNames, sameValue, type OperationName } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { runBoundary, runProperty, type Executed, type Suite, type SuiteEnv } from '../engine.ts';
import { describeOutcome } from '../observed.ts';
import type { ExecutedFinding } from '../recorder.ts';
import { aimedAt, type StoreRef } from '../stores.ts';
import { createsNothingCheck, validationChecks } from './checks.ts';
import { prepareInput } from '../prepare.ts';
import { CLOCK_SKEW_MS, listPages } from '../listPages.ts';

/** Operations whose effect on an existing store a refused request must not have. */
const MUTATING: readonly OperationName[] = ['UpdateSequenceStore', 'TagResource', 'UntagResource'];

async function send(env: SuiteEnv, c: Case, input: Record<string, unknown>): Promise<Observation | undefined> {
  const timeoutMs = env.options.timeoutMs;
  if (c.send === 'wire') return env.target.sendRaw?.(c.operation, input, { timeoutMs });
  return env.target.call(c.operation, input, { timeoutMs });
}

async function storeState(env: SuiteEnv, store: StoreRef): Promise<unknown> {
  const timeoutMs = env.options.timeoutMs;
  const [get, tags] = await Promise.all([
    env.target.call('GetSequenceStore', { id: store.id }, { timeoutMs }),
    env.target.call('ListTagsForResource', { resourceArn: store.arn }, { timeoutMs }),
  ]);
  const { updateTime: _u, status: _s, ...stable } = get.client.output ?? {};
  return { store: stable, tags: tags.client.output?.tags };
}

/** Stores named `name`, created since `since`, that the run does not already know of. */
async function strayStores(env: SuiteEnv, name: unknown, since: number): Promise<string[]> {
  if (typeof name !== 'string') return [];
  const found: string[] = [];
  for await (const page of listPages(env, { createdAfter: new Date(since - CLOCK_SKEW_MS) })) {
    for (const s of page.stores) if (s.name === name && typeof s.id === 'string' && !env.stores.owns(s.id)) found.push(s.id);
  }
  return found;
}

function nothingChanged(c: Case, obs: Observation, ok: boolean, message: string, detail?: { expected?: unknown; received?: unknown }): ExecutedFinding {
  return {
    check: createsNothingCheck,
    case: c,
    observation: obs,
    finding: ok
      ? { checkId: createsNothingCheck.id, status: 'passed', message }
      : { checkId: createsNothingCheck.id, status: 'failed', message, ...detail, hint: 'Validate the whole request before changing any state.' },
  };
}

export async function executeValidationCase(env: SuiteEnv, c: Case): Promise<Executed[]> {
  if (c.send === 'wire' && !env.target.sendRaw) {
    const observation: Observation = { operation: c.operation, input: c.input, via: 'wire', client: {}, durationMs: 0 };
    return [{ case: c, observation, skipped: `raw-wire cases cannot be sent to the ${env.target.kind} target (no wire)` }];
  }
  const rejected = c.expect.outcome === 'rejected';
  if (c.needs !== 'existing-store') return runCase(env, c, undefined);
  // A store of its own where the case removes or fills it; the shared fixture, one case at a time, otherwise.
  if (c.operation === 'DeleteSequenceStore') return runCase(env, c, await env.stores.fresh('delete case'));
  if (c.operation === 'TagResource' && !rejected) return runCase(env, c, await env.stores.fresh('tag case', { runTag: false }));
  const fixture = await env.stores.fixture();
  return env.stores.exclusive(fixture.id, () => runCase(env, c, fixture));
}

async function runCase(env: SuiteEnv, c: Case, store: StoreRef | undefined): Promise<Executed[]> {
  const rejected = c.expect.outcome === 'rejected';
  const input = prepareInput(env, c, store ? aimedAt(c.operation, c.input, store) : c.input);
  const before = rejected && store && MUTATING.includes(c.operation) ? await storeState(env, store) : undefined;

  const calledAt = Date.now();
  const obs = await send(env, c, input);
  if (!obs) return [];
  const sent: Case = { ...c, input };
  const created = c.operation === 'CreateSequenceStore' && obs.client.output ? env.stores.track(obs, input) : undefined;

  const findings: ExecutedFinding[] = [];
  // Only a refusal is checked for traces: a request wrongly accepted already fails rejects-invalid.
  if (rejected && obs.client.error) {
    if (c.operation === 'CreateSequenceStore') {
      const stray = await strayStores(env, input.name, calledAt);
      findings.push(
        nothingChanged(sent, obs, stray.length === 0, stray.length ? `${c.label}: answered ${describeOutcome(obs)}, yet store ${stray.join(', ')} exists` : `${c.label}: no store was created`, { expected: 'no new store', received: stray }),
      );
    } else if (before !== undefined && store) {
      const after = await storeState(env, store);
      const same = sameValue(after, before);
      findings.push(nothingChanged(sent, obs, same, same ? `${c.label}: the store is unchanged` : `${c.label}: the refused request changed the store`, { expected: before, received: after }));
    }
  }
  // A store left in a transitional status (UPDATING) is waited out, so the next case finds it ACTIVE.
  if (store && typeof obs.client.output?.status === 'string') await env.stores.settle(store.id, obs);
  if (c.operation === 'TagResource' && !rejected && store) await env.stores.dispose(store.id);
  if (created) await env.stores.dispose(created.id);
  return [{ case: sent, observation: obs, findings, context: { calledAt } }];
}

export const validationSuite: Suite = {
  name: 'validation',
  description: 'Every invalid request is refused with ValidationException and changes nothing; every valid request is accepted.',
  checks: validationChecks,
  async run(env) {
    const execute = (c: Case) => executeValidationCase(env, c);
    await runBoundary(env, this, allBoundaryCases(), execute);
    for (const op of operationNames) {
      await runProperty(env, this, `validation/${op}/invalid`, op, invalidCase(op), execute);
      await runProperty(env, this, `validation/${op}/valid`, op, validCase(op), execute);
    }
  },
};

