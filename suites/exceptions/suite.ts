// suites/exceptions: makes the target answer each modelled error — by the request, by naming a store
// that does not exist, by a full quota, an injected fault, a store still being created, a key that
// may only read — and checks each answer on the wire and in the SDK. One case at a time: faults and
// quotas are the target's, not the case's.
import { parseSequenceStoreArn, operationNames, operations, SequenceStoreId, sequenceStoreArn, storeStatus } from '../../specs/index.ts';
import { can, lacks } from '../../targets/capabilities.ts';
import type { Observation, Target } from '../../targets/types.ts';
import { runBoundary, type Executed, type Suite, type SuiteEnv } from '../engine.ts';
import { prepareInput } from '../prepare.ts';
import { aimedAt, RUN_TAG_KEY, type StoreRef } from '../stores.ts';
import { exceptionCases, storeLabel, type ExceptionCase } from './cases.ts';
import { exceptionChecks } from './checks.ts';
import { targetControl, type TargetControl } from '../targetControl.ts';

/** How long a store stays CREATING in the conflict case: long enough for one update to arrive. */
export const CONFLICT_WINDOW_MS = 1000;

type Outcome = { observation: Observation; input: Record<string, unknown> } | { skipped: string };

const placeholder = (c: ExceptionCase): Observation => ({ operation: c.operation, input: c.input, via: 'sdk', client: {}, durationMs: 0 });

/** A name no other store has: the run id, the suite, and a counter. */
function runName(env: SuiteEnv, purpose: string): string {
  return `omics-conformance ${env.stores.runId} exceptions ${purpose} ${env.unique.next('000')}`;
}

function storeInput(env: SuiteEnv, purpose: string): Record<string, unknown> {
  return { name: runName(env, purpose), tags: { [RUN_TAG_KEY]: env.stores.runId } };
}

/** A well-formed store id that no store will have (pseudo-random digits, the id's least length), derived from the run seed. */
export function absentStoreId(seed: number, salt: number): string {
  const length = SequenceStoreId.length!.min!;
  let x = (seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  let id = '';
  while (id.length < length) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    id += String((x >>> 16) % 10);
  }
  return id;
}

/**
 * One call of a case. `once`: exactly one attempt, for a case that scripted the transient fault it
 * expects (a retry would cure it); every other call makes the target's attempts, so a fault the
 * target injects at random is retried away where the run asks for retries.
 */
async function call(env: SuiteEnv, target: Target, operation: ExceptionCase['operation'], input: Record<string, unknown>, once = false): Promise<Observation> {
  const obs = await target.call(operation, input, { timeoutMs: env.options.timeoutMs, ...(once ? { maxAttempts: 1 } : {}) });
  // A create the target should have refused made a store: it is the run's, and goes now.
  if (operation === 'CreateSequenceStore' && target === env.target) {
    const made = env.stores.track(obs, input);
    if (made) env.stores.release(made.id);
  }
  return obs;
}

/** The run's shared store, or why there is none (the case is then skipped, not the suite stopped). */
async function fixtureOf(env: SuiteEnv): Promise<StoreRef | string> {
  try {
    return await env.stores.fixture();
  } catch (err) {
    return (err as Error).message;
  }
}

async function byRequest(env: SuiteEnv, c: ExceptionCase): Promise<Outcome> {
  if (c.needs !== 'existing-store') {
    const input = prepareInput(env, c, c.input);
    return { observation: await call(env, env.target, c.operation, input), input };
  }
  const fixture = await fixtureOf(env);
  if (typeof fixture === 'string') return { skipped: fixture };
  return env.stores.withFixture('fixture', async (store) => {
    const input = prepareInput(env, c, aimedAt(c.operation, c.input, store));
    return { observation: await call(env, env.target, c.operation, input), input };
  });
}

async function absentStore(env: SuiteEnv, c: ExceptionCase, index: number): Promise<Outcome> {
  const label = storeLabel(c.operation)!;
  const id = absentStoreId(env.options.seed, index);
  let value = id;
  if (label.kind === 'arn') {
    // The ARN of the run's own account and partition, so the answer is about the store, not the account.
    const fixture = await fixtureOf(env);
    if (typeof fixture === 'string') return { skipped: fixture };
    const parsed = parseSequenceStoreArn(fixture.arn);
    if (!parsed) return { skipped: 'the target\'s store ARNs do not follow the resource template, so no ARN of an absent store can be made' };
    value = sequenceStoreArn(parsed.partition, parsed.region, parsed.account, id);
  }
  const input = { ...c.input, [label.member]: value };
  return { observation: await call(env, env.target, c.operation, input), input };
}

async function quotaFull(env: SuiteEnv, c: ExceptionCase, control: TargetControl): Promise<Outcome> {
  const input = storeInput(env, 'over quota');
  // A quota of none is full whatever exists: a quota of the stores counted now would not be, once a
  // store of an earlier case that is DELETING is gone before the create arrives.
  const observation = await control.withBehaviour({ quota: 0 }, () => call(env, env.target, c.operation, input));
  return { observation, input };
}

async function injectedFault(env: SuiteEnv, c: ExceptionCase, control: TargetControl): Promise<Outcome> {
  if (c.expect.outcome !== 'rejected') throw new Error(`${c.label}: a fault case expects an error`);
  const input = { ...c.input };
  // The scripted fault comes before any the target injects at random, and is the first attempt's answer.
  const observation = await control.withFault({ operation: c.operation, error: c.expect.error }, () => call(env, env.target, c.operation, input, true));
  return { observation, input };
}

/** Tries of the CREATING window: a loaded machine can let the window pass before the update is answered. */
const CONFLICT_TRIES = 3;

async function stillCreating(env: SuiteEnv, c: ExceptionCase, control: TargetControl): Promise<Outcome> {
  let late = 0;
  for (let attempt = 0; attempt < CONFLICT_TRIES; attempt++) {
    const outcome = await updateWhileCreating(env, c, control);
    if (!('late' in outcome)) return outcome;
    late = outcome.late;
  }
  return { skipped: `each of ${CONFLICT_TRIES} updates was answered ${late} ms or more after its store was created, past the ${CONFLICT_WINDOW_MS} ms the store stays ${storeStatus.creating}: the machine is too slow to tell` };
}

/**
 * One store made to stay CREATING for CONFLICT_WINDOW_MS, updated at once. An update answered
 * success counts only when it was answered within the window of the create's sending (so the store
 * was certainly still CREATING); otherwise the try was late and says by how much.
 */
async function updateWhileCreating(env: SuiteEnv, c: ExceptionCase, control: TargetControl): Promise<Outcome | { late: number }> {
  let storeId: string | undefined;
  try {
    return await control.withBehaviour({ createDelayMs: CONFLICT_WINDOW_MS }, async (): Promise<Outcome | { late: number }> => {
      const create = storeInput(env, 'conflict');
      const createSent = performance.now();
      const obs = await env.target.call('CreateSequenceStore', create, { timeoutMs: env.options.timeoutMs });
      const store = await env.stores.complete(obs, create);
      if (!store) return { skipped: `could not create the store to update: ${obs.transportError ?? obs.client.error?.name ?? 'no id in the answer'}` };
      storeId = store.id;
      const input = { ...c.input, id: store.id, description: `updated while ${storeStatus.creating}` };
      const observation = await env.target.call(c.operation, input, { timeoutMs: env.options.timeoutMs });
      const answeredAfter = Math.round(performance.now() - createSent);
      if (observation.client.output && answeredAfter >= CONFLICT_WINDOW_MS) return { late: answeredAfter };
      return { observation, input };
    });
  } finally {
    if (storeId !== undefined) env.stores.release(storeId);
  }
}

/** The same service called with a key that may only read. */
async function readOnlyKey(env: SuiteEnv, c: ExceptionCase): Promise<Outcome> {
  if (!can(env.target, 'scoped-credentials') || !env.target.scopedTarget) return { skipped: lacks(env.target, 'scoped-credentials') };
  const readOnly = await env.target.scopedTarget(operationNames.filter((op) => operations[op].readonly));
  try {
    const input = storeInput(env, 'read-only key');
    return { observation: await call(env, readOnly, c.operation, input), input };
  } finally {
    await readOnly.close();
  }
}

async function produce(env: SuiteEnv, c: ExceptionCase, index: number): Promise<Outcome> {
  switch (c.cause) {
    case 'request':
      return byRequest(env, c);
    case 'absent':
      return absentStore(env, c, index);
    case 'denied':
      return readOnlyKey(env, c);
    default: {
      const found = targetControl(env.target);
      if ('reason' in found) return { skipped: found.reason };
      // The reaper's deletes and polls must not take a fault or meet a quota meant for this case.
      await env.stores.drained();
      if (c.cause === 'quota') return quotaFull(env, c, found.control);
      if (c.cause === 'fault') return injectedFault(env, c, found.control);
      return stillCreating(env, c, found.control);
    }
  }
}

export async function executeExceptionCase(env: SuiteEnv, c: ExceptionCase, index: number): Promise<Executed[]> {
  const outcome = await produce(env, c, index);
  if ('skipped' in outcome) return [{ case: c, observation: placeholder(c), skipped: outcome.skipped }];
  return [{ case: { ...c, input: outcome.input }, observation: outcome.observation }];
}

export const exceptionsSuite: Suite = {
  name: 'exceptions',
  description: 'Every modelled error a target can be made to produce comes with its HTTP status, type header and message, and the SDK raises its class with $fault and $retryable as modelled.',
  checks: exceptionChecks,
  runsAlone: 'it scripts faults, a store quota and slow creates, which another suite\'s calls would meet',
  async run(env) {
    const cases = exceptionCases();
    let queue: Promise<unknown> = Promise.resolve();
    // One case at a time: a fault, a quota or a delay set for one case must not meet another's call.
    const serially = (c: ExceptionCase) => {
      const next = queue.then(() => executeExceptionCase(env, c, cases.indexOf(c)));
      queue = next.catch(() => undefined);
      return next;
    };
    await runBoundary(env, this, cases, (c) => serially(c as ExceptionCase));
  },
};
