// One scenario per idempotency check: the creates it sends, and a look at the stores that exist
// afterwards under the scenario's run-unique name (never a count of the whole account). Every store
// a scenario makes, answered or only listed, is the run's and is deleted before the next scenario.
import type { Case } from '../../generators/case.ts';
import { ClientToken, operations, schemaErrors, shapeSchema, type ErrorName, type JsonSchema } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import type { Executed, SuiteEnv } from '../engine.ts';
import { describeOutcome, succeeded } from '../observed.ts';
import type { ExecutedFinding } from '../recorder.ts';
import { RUN_TAG_KEY } from '../stores.ts';
import type { Check, Finding } from '../types.ts';
import { targetControl } from '../targetControl.ts';
import { listPages } from '../listPages.ts';
import { concurrentSameTokenCheck, differentTokensCheck, retrySameTokenCheck, sameTokenCheck, sdkFillsTokenCheck, tokenReuseCheck } from './checks.ts';

/** The idempotency-token member of CreateSequenceStore. */
export const TOKEN = Object.entries(operations.CreateSequenceStore.input.members).find(([, m]) => m.idempotencyToken)![0];
/** Creates sent at once in the concurrency scenario. */
export const CONCURRENT_CREATES = 20;
/** SDK attempts in the retry scenario: the faulted one and a retry, with one to spare. */
export const RETRY_ATTEMPTS = 3;
const RETRY_FAULT: ErrorName = 'InternalServerException';
const UUID: JsonSchema = { type: 'string', format: 'uuid' };
const TOKEN_SCHEMA = shapeSchema(ClientToken);

export type Scenario = 'same-token' | 'different-tokens' | 'sdk-fills-token' | 'retry' | 'token-reuse' | 'concurrent';
export type IdempotencyCase = Case & { readonly scenario: Scenario };

interface Created {
  readonly id: string;
  readonly arn: string;
}

/** What one scenario leaves to report: the findings, on the observation that shows them best. */
class Scenery {
  readonly made = new Set<string>();
  constructor(
    readonly env: SuiteEnv,
    readonly c: IdempotencyCase,
  ) {}

  input(purpose: string, token?: string): Record<string, unknown> {
    const { runId } = this.env.stores;
    return {
      name: `omics-conformance ${runId} idempotency ${purpose} ${this.env.unique.next('000')}`,
      tags: { [RUN_TAG_KEY]: runId },
      ...(token !== undefined ? { [TOKEN]: token } : {}),
    };
  }

  token(purpose: string): string {
    return `omics-conformance-${this.env.stores.runId}-${purpose}-${this.env.unique.next('000')}`;
  }

  async create(input: Record<string, unknown>, maxAttempts = 1): Promise<Observation> {
    const obs = await this.env.target.call('CreateSequenceStore', input, { timeoutMs: this.env.options.timeoutMs, maxAttempts });
    const ref = this.env.stores.track(obs, input);
    if (ref) this.made.add(ref.id);
    return obs;
  }

  /** The stores named `name` (the run gave the name to no other), every page, each tracked as the run's. */
  async named(name: unknown, input: Record<string, unknown>): Promise<{ ids: string[]; observation: Observation }> {
    const ids: string[] = [];
    let observation: Observation | undefined;
    for await (const page of listPages(this.env, { name })) {
      observation = page.observation;
      for (const s of page.stores) {
        if (s.name !== name || typeof s.id !== 'string' || ids.includes(s.id)) continue;
        ids.push(s.id);
        const ref = this.env.stores.track({ ...page.observation, client: { output: s } }, input);
        if (ref) this.made.add(ref.id);
      }
    }
    return { ids, observation: observation! };
  }

  async cleanup(): Promise<void> {
    for (const id of this.made) await this.env.stores.dispose(id);
  }

  result(check: Check, observation: Observation, input: Record<string, unknown>, finding: Omit<Finding, 'checkId'>): Executed[] {
    const c: IdempotencyCase = { ...this.c, input };
    const executed: ExecutedFinding = { check, case: c, observation, finding: { checkId: check.id, ...finding } };
    return [{ case: c, observation, findings: [executed] }];
  }

  skip(check: Check, reason: string): Executed[] {
    const observation: Observation = { operation: 'CreateSequenceStore', input: this.c.input, via: 'sdk', client: {}, durationMs: 0 };
    return this.result(check, observation, this.c.input, { status: 'skipped', message: reason });
  }
}

const store = (obs: Observation): Created | undefined => {
  const out = obs.client.output;
  return succeeded(obs) && typeof out?.id === 'string' && typeof out.arn === 'string' ? { id: out.id, arn: out.arn } : undefined;
};

/** The token each attempt of a call sent, read from its request body. */
function sentTokens(obs: Observation): (string | undefined)[] {
  return (obs.wire ?? []).map((x) => {
    try {
      const token = (JSON.parse(x.request.body) as Record<string, unknown>)[TOKEN];
      return typeof token === 'string' ? token : undefined;
    } catch {
      return undefined;
    }
  });
}

function failed(message: string, expected: unknown, received: unknown, hint: string): Omit<Finding, 'checkId'> {
  return { status: 'failed', message, expected, received, hint };
}

const HINT_ONE_STORE = `Remember each ${TOKEN} with the request and its answer; answer a repeat with the first store instead of creating another.`;

async function sameToken(s: Scenery): Promise<Executed[]> {
  const input = s.input('same token', s.token('same'));
  const first = await s.create(input);
  const second = await s.create(input);
  const a = store(first);
  const b = store(second);
  if (!a || !b) {
    const bad = a ? second : first;
    return s.result(sameTokenCheck, bad, input, failed(`a create with a new ${TOKEN} failed: ${describeOutcome(bad)}`, 'success', bad.client.error ?? bad.transportError, 'Accept a valid create, and its repeat.'));
  }
  const listed = await s.named(input.name, input);
  if (a.id === b.id && a.arn === b.arn && listed.ids.length === 1) {
    return s.result(sameTokenCheck, second, input, { status: 'passed', message: `the repeat answered store ${a.id} again; one store under the name` });
  }
  const problems = [a.id !== b.id || a.arn !== b.arn ? `the repeat answered ${b.id} (${b.arn}), the first call ${a.id} (${a.arn})` : '', listed.ids.length !== 1 ? `${listed.ids.length} stores exist under the name: ${listed.ids.join(', ')}` : ''].filter(Boolean);
  return s.result(sameTokenCheck, second, input, failed(`one ${TOKEN} and one request, sent twice: ${problems.join('; ')}`, { id: a.id, arn: a.arn, stores: 1 }, { id: b.id, arn: b.arn, stores: listed.ids }, HINT_ONE_STORE));
}

async function differentTokens(s: Scenery): Promise<Executed[]> {
  const base = s.input('different tokens');
  const inputs = [{ ...base, [TOKEN]: s.token('one') }, { ...base, [TOKEN]: s.token('two') }];
  const observations = [await s.create(inputs[0]!), await s.create(inputs[1]!)];
  const made = observations.map(store);
  const bad = observations.find((o) => !store(o));
  if (bad) return s.result(differentTokensCheck, bad, inputs[1]!, failed(`a create under a second ${TOKEN} failed: ${describeOutcome(bad)}`, 'two stores', bad.client.error ?? bad.transportError, `Treat a request under a new ${TOKEN} as a new request.`));
  const listed = await s.named(base.name, base);
  const [a, b] = made as [Created, Created];
  if (a.id !== b.id && listed.ids.length === 2) return s.result(differentTokensCheck, observations[1]!, inputs[1]!, { status: 'passed', message: `two tokens made stores ${a.id} and ${b.id}` });
  return s.result(
    differentTokensCheck,
    observations[1]!,
    inputs[1]!,
    failed(`two identical requests under different ${TOKEN}s: ${a.id === b.id ? `both answered store ${a.id}` : `answered ${a.id} and ${b.id}`}; ${listed.ids.length} stores exist under the name`, { distinctIds: true, stores: 2 }, { ids: [a.id, b.id], stores: listed.ids }, `Key idempotency on the ${TOKEN}, not on the request's content: identical stores are allowed.`),
  );
}

async function sdkFillsToken(s: Scenery): Promise<Executed[]> {
  if (!s.env.target.hasWire) return s.skip(sdkFillsTokenCheck, `no wire on the ${s.env.target.kind} target: the token the SDK fills is not visible`);
  const input = s.input('sdk token');
  const observations = [await s.create(input), await s.create(input)];
  const bad = observations.find((o) => !store(o));
  if (bad) return s.result(sdkFillsTokenCheck, bad, input, failed(`a create without a ${TOKEN} failed: ${describeOutcome(bad)}`, 'success', bad.client.error ?? bad.transportError, 'Accept a create without a token: the SDK fills one.'));
  const tokens = observations.map((o) => sentTokens(o)[0]);
  const problems: string[] = [];
  tokens.forEach((t, i) => {
    if (t === undefined) problems.push(`call ${i + 1} sent no ${TOKEN}`);
    else if (schemaErrors(UUID, t).length) problems.push(`call ${i + 1} sent ${TOKEN} ${JSON.stringify(t)}, not a UUID`);
    else if (schemaErrors(TOKEN_SCHEMA, t).length) problems.push(`call ${i + 1} sent ${TOKEN} ${JSON.stringify(t)}, outside the ${ClientToken.name} shape`);
  });
  if (tokens[0] !== undefined && tokens[0] === tokens[1]) problems.push(`both calls sent ${TOKEN} ${tokens[0]}`);
  const listed = await s.named(input.name, input);
  if (listed.ids.length !== 2) problems.push(`the two calls left ${listed.ids.length} stores under the name (${listed.ids.join(', ') || 'none'}), not 2`);
  if (problems.length === 0) return s.result(sdkFillsTokenCheck, observations[1]!, input, { status: 'passed', message: `the SDK sent ${tokens.join(' and ')}; two stores` });
  return s.result(sdkFillsTokenCheck, observations[1]!, input, failed(`two creates without a ${TOKEN}: ${problems.join('; ')}`, { tokens: 'two different UUIDs', stores: 2 }, { tokens, stores: listed.ids }, `The SDK fills ${TOKEN} with a new UUID per call; a service must treat each as a new request.`));
}

async function retry(s: Scenery): Promise<Executed[]> {
  if (!s.env.target.hasWire) return s.skip(retrySameTokenCheck, `no wire on the ${s.env.target.kind} target: its answers do not pass the SDK's retry step`);
  const found = await targetControl(s.env.target, s.env.options.timeoutMs);
  if ('reason' in found) return s.skip(retrySameTokenCheck, found.reason);
  const input = s.input('retry');
  const obs = await found.control.withFault({ operation: 'CreateSequenceStore', error: RETRY_FAULT }, () => s.create(input, RETRY_ATTEMPTS));
  const tokens = sentTokens(obs);
  const statuses = (obs.wire ?? []).map((x) => x.response?.status);
  const listed = await s.named(input.name, input);
  const problems: string[] = [];
  if (!store(obs)) problems.push(`the call ended in ${describeOutcome(obs)}`);
  if (tokens.length < 2) problems.push(`the SDK made ${tokens.length} attempt(s): the injected ${RETRY_FAULT} was not retried`);
  if (tokens.some((t) => t === undefined)) problems.push(`an attempt carried no ${TOKEN}`);
  if (new Set(tokens).size > 1) problems.push(`the attempts carried different tokens: ${tokens.join(', ')}`);
  if (listed.ids.length !== 1) problems.push(`${listed.ids.length} stores exist under the name: ${listed.ids.join(', ') || 'none'}`);
  if (problems.length === 0) return s.result(retrySameTokenCheck, obs, input, { status: 'passed', message: `${tokens.length} attempts (HTTP ${statuses.join(', ')}) carried ${tokens[0]}; one store` });
  return s.result(retrySameTokenCheck, obs, input, failed(`a create retried after ${RETRY_FAULT}: ${problems.join('; ')}`, { attempts: '2 or more, one token', stores: 1 }, { attempts: statuses, tokens, stores: listed.ids }, HINT_ONE_STORE));
}

async function tokenReuse(s: Scenery): Promise<Executed[]> {
  const token = s.token('reuse');
  const original = s.input('token reuse', token);
  const changed = s.input('token reuse changed', token);
  const first = await s.create(original);
  const a = store(first);
  if (!a) return s.skip(tokenReuseCheck, `the first create failed (${describeOutcome(first)}), so there is nothing to reuse the token of`);
  const second = await s.create(changed);
  const b = store(second);
  const what = !b ? `refused it: ${describeOutcome(second)}` : b.id === a.id ? `answered the original store ${a.id}` : `ran it as a new request: store ${b.id}`;
  return s.result(tokenReuseCheck, second, changed, { status: 'observed', message: `the ${TOKEN} of store ${a.id}, sent again with another name: the target ${what}`, received: b ? { id: b.id, sameAsOriginal: b.id === a.id } : (second.client.error ?? second.transportError) });
}

async function concurrent(s: Scenery): Promise<Executed[]> {
  const input = s.input('concurrent', s.token('concurrent'));
  const observations = await Promise.all(Array.from({ length: CONCURRENT_CREATES }, () => s.create(input)));
  const ids = [...new Set(observations.map(store).filter((x): x is Created => !!x).map((x) => x.id))];
  const refused = observations.filter((o) => !store(o));
  const listed = await s.named(input.name, input);
  const shown = refused[0] ?? observations[0]!;
  const tally = `${CONCURRENT_CREATES - refused.length} answered ${ids.length > 1 ? `${ids.length} different stores (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''})` : (ids[0] ?? 'no store')}${refused.length ? `, ${refused.length} refused (${[...new Set(refused.map(describeOutcome))].join('; ')})` : ''}`;
  if (ids.length === 1 && listed.ids.length === 1) return s.result(concurrentSameTokenCheck, shown, input, { status: 'passed', message: `${CONCURRENT_CREATES} creates at once with one token: ${tally}; one store` });
  return s.result(concurrentSameTokenCheck, shown, input, failed(`${CONCURRENT_CREATES} creates at once with one ${TOKEN}: ${tally}; ${listed.ids.length} stores exist under the name`, { ids: 1, stores: 1 }, { ids, stores: listed.ids, refused: refused.length }, `${HINT_ONE_STORE} Check and record the token in one step, so calls in flight together cannot both create.`));
}

const run: Record<Scenario, (s: Scenery) => Promise<Executed[]>> = {
  'same-token': sameToken,
  'different-tokens': differentTokens,
  'sdk-fills-token': sdkFillsToken,
  retry,
  'token-reuse': tokenReuse,
  concurrent,
};

export async function runScenario(env: SuiteEnv, c: IdempotencyCase): Promise<Executed[]> {
  const s = new Scenery(env, c);
  try {
    return await run[c.scenario](s);
  } finally {
    await s.cleanup();
  }
}
