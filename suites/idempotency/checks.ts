// Idempotency of CreateSequenceStore's clientToken. Each check reads the trace of its scenario
// (scenarios.ts): the creates it sent and the List pages that show which stores exist afterwards
// under the scenario's run-unique name.
import { behaviours, ClientToken, operations, schemaErrors, service, shapeSchema, type JsonSchema } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { describeOutcome, refusedByClient, succeeded } from '../observed.ts';
import { callOf, callsOf, listedStores } from '../trace.ts';
import type { Check, Finding, ScenarioCheck, Trace } from '../types.ts';

const SUITE = 'idempotency';
const tokenBehaviour = behaviours.find((b) => b.id === 'store.idempotency-token')!;
const TOKEN_SPEC = `${tokenBehaviour.source}: ${tokenBehaviour.statement}`;

/** The idempotency-token member of CreateSequenceStore. */
export const TOKEN = Object.entries(operations.CreateSequenceStore.input.members).find(([, m]) => m.idempotencyToken)![0];
/** Creates sent at once in the concurrency scenario. */
export const CONCURRENT_CREATES = 20;
/** SDK attempts in the retry scenario: the one whose answer is lost and a retry, with one to spare. */
export const RETRY_ATTEMPTS = 3;
const UUID: JsonSchema = { type: 'string', format: 'uuid' };
const TOKEN_SCHEMA = shapeSchema(ClientToken);

export type Scenario = 'same-token' | 'different-tokens' | 'sdk-fills-token' | 'retry' | 'token-reuse' | 'concurrent';
export const traceOf = (scenario: Scenario) => `${SUITE}/${scenario}`;

/** Roles of the calls in the traces. */
export const CREATE = 'create';
export const LISTED = 'listed';

interface Created {
  readonly id: string;
  /** Absent where the answer left it out: the output schema reports that, idempotency is about ids. */
  readonly arn?: string;
}

const store = (obs: Observation): Created | undefined => {
  const out = obs.client.output;
  return succeeded(obs) && typeof out?.id === 'string' ? { id: out.id, ...(typeof out.arn === 'string' ? { arn: out.arn } : {}) } : undefined;
};

/** Ids of the stores the List pages show under the name the creates used. */
function named(trace: Trace<unknown>, name: unknown): string[] {
  const ids = callsOf(trace, LISTED)
    .flatMap(listedStores)
    .filter((s) => s.name === name && typeof s.id === 'string')
    .map((s) => s.id as string);
  return [...new Set(ids)];
}

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

const passed = (checkId: string, observation: Observation, message: string): Finding => ({ checkId, status: 'passed', message, observation });
const failed = (checkId: string, observation: Observation, message: string, expected: unknown, received: unknown, hint: string): Finding => ({ checkId, status: 'failed', message, expected, received, hint, observation });
/** The scenario's first create failed: a valid create refused is validation.accepts-valid's to judge; this promise went untested. */
const firstFailed = (checkId: string, first: Observation): Finding[] => [
  {
    checkId,
    status: 'skipped',
    message: succeeded(first)
      ? "the scenario's first create answered without a store id, so there was nothing to compare with (shape.output-schema reports the answer)"
      : `the scenario's first create got ${describeOutcome(first)}, so there was nothing to compare with (validation.accepts-valid judges a valid create refused)`,
    observation: first,
  },
];

/** A trace without the calls its check reads: the scenario ended early. */
const incomplete = (checkId: string, trace: Trace<unknown>): Finding[] => [{ checkId, status: 'skipped', message: `the ${trace.scenario} scenario made no call to judge` }];

const HINT_ONE_STORE = `Remember each ${TOKEN} with the request and its answer; answer a repeat with the first store instead of creating another.`;

function scenarioCheck(scenario: Scenario, info: Omit<ScenarioCheck, 'kind' | 'scenarios' | 'suite' | 'operations'>): ScenarioCheck {
  return { kind: 'scenario', scenarios: [traceOf(scenario)], suite: SUITE, operations: ['CreateSequenceStore'], ...info };
}

export const sameTokenCheck = scenarioCheck('same-token', {
  id: 'idempotency.same-token-same-store',
  level: tokenBehaviour.level,
  spec: TOKEN_SPEC,
  title: 'The same clientToken with the same request answers the same store, and makes only one',
  needs: ['stores'],
  check(trace) {
    const [first, second] = callsOf(trace, CREATE);
    if (!first || !second) return incomplete(this.id, trace);
    const a = store(first);
    const b = store(second);
    if (!a) return firstFailed(this.id, first);
    if (!b) return [failed(this.id, second, `the repeat of a create with the same ${TOKEN} failed: ${describeOutcome(second)}`, 'the first store again', second.client.error ?? second.transportError, 'Answer a repeat with the first answer.')];
    const listed = named(trace, first.input.name);
    // An ARN left out of one answer is the output schema's to report: ids decide which store it is.
    const sameStore = a.id === b.id && (a.arn === undefined || b.arn === undefined || a.arn === b.arn);
    if (sameStore && listed.length === 1) return [passed(this.id, second, `the repeat answered store ${a.id} again; one store under the name`)];
    const problems = [!sameStore ? `the repeat answered ${b.id} (${b.arn}), the first call ${a.id} (${a.arn})` : '', listed.length !== 1 ? `${listed.length} stores exist under the name: ${listed.join(', ')}` : ''].filter(Boolean);
    return [failed(this.id, second, `one ${TOKEN} and one request, sent twice: ${problems.join('; ')}`, { id: a.id, arn: a.arn, stores: 1 }, { id: b.id, arn: b.arn, stores: listed }, HINT_ONE_STORE)];
  },
});

export const differentTokensCheck = scenarioCheck('different-tokens', {
  id: 'idempotency.different-tokens',
  level: 'MUST',
  spec: `model ${service.namespace}#CreateSequenceStoreRequest$clientToken (idempotencyToken): a request is the same request only under the same token`,
  title: 'Two identical requests under different clientTokens make two stores',
  needs: ['stores'],
  check(trace) {
    const creates = callsOf(trace, CREATE);
    const [one, two] = creates;
    if (!one || !two) return incomplete(this.id, trace);
    if (!store(one)) return firstFailed(this.id, one);
    if (!store(two)) return [failed(this.id, two, `a create under a second ${TOKEN} failed: ${describeOutcome(two)}`, 'two stores', two.client.error ?? two.transportError, `Treat a request under a new ${TOKEN} as a new request.`)];
    const listed = named(trace, one.input.name);
    const [a, b] = [store(one)!, store(two)!];
    if (a.id !== b.id && listed.length === 2) return [passed(this.id, two, `two tokens made stores ${a.id} and ${b.id}`)];
    return [failed(this.id, two, `two identical requests under different ${TOKEN}s: ${a.id === b.id ? `both answered store ${a.id}` : `answered ${a.id} and ${b.id}`}; ${listed.length} stores exist under the name`, { distinctIds: true, stores: 2 }, { ids: [a.id, b.id], stores: listed }, `Key idempotency on the ${TOKEN}, not on the request's content: identical stores are allowed.`)];
  },
});

export const sdkFillsTokenCheck = scenarioCheck('sdk-fills-token', {
  id: 'idempotency.sdk-fills-token',
  level: 'SHOULD',
  spec: 'Smithy idempotencyToken trait: a client fills a member the caller left out with a new UUID (version 4) per call',
  title: 'Without a clientToken the SDK sends a fresh UUID each call, and each call makes a store',
  needs: ['wire-capture', 'stores'],
  check(trace) {
    const creates = callsOf(trace, CREATE);
    const [one, two] = creates;
    if (!one || !two) return incomplete(this.id, trace);
    if (!store(one)) return firstFailed(this.id, one);
    if (!store(two)) return [failed(this.id, two, `a second create without a ${TOKEN} failed: ${describeOutcome(two)}`, 'success', two.client.error ?? two.transportError, 'Accept a create without a token: the SDK fills a new one each call.')];
    // Every attempt of a call (a retried call has several) carries the call's one token.
    const sent = creates.map(sentTokens);
    const tokens = sent.map((attempts) => attempts[0]);
    const problems: string[] = [];
    sent.forEach((attempts, i) => {
      const which = attempts.length > 1 ? ` (${attempts.length} attempts)` : '';
      const notUuid = attempts.find((t) => t !== undefined && schemaErrors(UUID, t).length > 0);
      const outside = attempts.find((t) => t !== undefined && schemaErrors(TOKEN_SCHEMA, t).length > 0);
      if (attempts.length === 0 || attempts.includes(undefined)) problems.push(`call ${i + 1}${which} sent no ${TOKEN}`);
      else if (notUuid !== undefined) problems.push(`call ${i + 1}${which} sent ${TOKEN} ${JSON.stringify(notUuid)}, not a UUID`);
      else if (outside !== undefined) problems.push(`call ${i + 1}${which} sent ${TOKEN} ${JSON.stringify(outside)}, outside the ${ClientToken.name} shape`);
      else if (new Set(attempts).size > 1) problems.push(`the attempts of call ${i + 1} sent different ${TOKEN}s: ${attempts.join(', ')}`);
    });
    if (tokens[0] !== undefined && tokens[0] === tokens[1]) problems.push(`both calls sent ${TOKEN} ${tokens[0]}`);
    const listed = named(trace, one.input.name);
    if (listed.length !== 2) problems.push(`the two calls left ${listed.length} stores under the name (${listed.join(', ') || 'none'}), not 2`);
    if (problems.length === 0) return [passed(this.id, two, `the SDK sent ${tokens.join(' and ')}; two stores`)];
    return [failed(this.id, two, `two creates without a ${TOKEN}: ${problems.join('; ')}`, { tokens: 'two different UUIDs', stores: 2 }, { tokens, stores: listed }, `The SDK fills ${TOKEN} with a new UUID per call; a service must treat each as a new request.`)];
  },
});

export const retrySameTokenCheck = scenarioCheck('retry', {
  id: 'idempotency.retry-same-token',
  level: tokenBehaviour.level,
  spec: `${TOKEN_SPEC} A retry is the same request: the SDK resends it with the token it filled. The first answer is dropped by the client after the target carried the request out, as a dropped connection would; for a client in another process, its first attempts are answered with a server error and throttling.`,
  title: 'A create the SDK retries (its answer lost, or its first attempts failed) carries one token and makes one store',
  needs: ['wire-capture', 'stores'],
  check(trace) {
    const obs = callOf(trace, CREATE);
    if (!obs) return incomplete(this.id, trace);
    if (refusedByClient(obs)) return [{ checkId: this.id, status: 'skipped', message: `the client refused the create itself (${obs.client.error!.name}), so there was nothing to retry (validation.accepts-valid judges a valid create refused)`, observation: obs }];
    const tokens = sentTokens(obs);
    const statuses = (obs.wire ?? []).map((x) => x.response?.status);
    const listed = named(trace, obs.input.name);
    const problems: string[] = [];
    const oneToken = tokens.length > 0 && tokens.every((t) => t !== undefined && t === tokens[0]);
    // Every attempt refused with one token and no second store behind the refusals: nothing of this
    // promise is broken that can be seen; a valid create refused is validation.accepts-valid's.
    if (!store(obs) && oneToken && listed.length <= 1) {
      return [{ checkId: this.id, status: 'skipped', message: `the retried create ended in ${describeOutcome(obs)} after ${tokens.length} attempt(s) with one ${TOKEN}, with no store in its answer (validation.accepts-valid judges a valid create refused)`, observation: obs }];
    }
    if (!store(obs)) problems.push(`the call ended in ${describeOutcome(obs)}`);
    if (tokens.length < 2) problems.push(`the SDK made ${tokens.length} attempt(s): it did not retry`);
    if (tokens.some((t) => t === undefined)) problems.push(`an attempt carried no ${TOKEN}`);
    if (new Set(tokens).size > 1) problems.push(`the attempts carried different tokens: ${tokens.join(', ')}`);
    if (listed.length !== 1) problems.push(`${listed.length} stores exist under the name: ${listed.join(', ') || 'none'}`);
    if (problems.length === 0) return [passed(this.id, obs, `${tokens.length} attempts (HTTP ${statuses.join(', ')}) carried ${tokens[0]}; one store`)];
    return [failed(this.id, obs, `a create the SDK had to retry: ${problems.join('; ')}`, { attempts: '2 or more, one token', stores: 1 }, { attempts: statuses, tokens, stores: listed }, HINT_ONE_STORE)];
  },
});

/** Roles of the token-reuse scenario's two creates. */
export const ORIGINAL = 'original';
export const CHANGED = 'changed';

export const tokenReuseCheck = scenarioCheck('token-reuse', {
  id: 'idempotency.token-reuse-different-request',
  level: 'OBSERVED',
  spec: 'The contract does not say what the same clientToken with a different request does: recorded, never failed',
  title: 'What the target does with a clientToken reused for a different request',
  needs: ['stores'],
  check(trace) {
    const first = callOf(trace, ORIGINAL);
    if (!first) return incomplete(this.id, trace);
    const a = store(first);
    const second = callOf(trace, CHANGED);
    if (!a || !second) return [{ checkId: this.id, status: 'skipped', message: `the first create failed (${describeOutcome(first)}), so there is nothing to reuse the token of`, observation: first }];
    const b = store(second);
    const what = !b ? `refused it: ${describeOutcome(second)}` : b.id === a.id ? `answered the original store ${a.id}` : `ran it as a new request: store ${b.id}`;
    const received = b ? { id: b.id, sameAsOriginal: b.id === a.id } : (second.client.error ?? second.transportError);
    return [{ checkId: this.id, status: 'observed', message: `the ${TOKEN} of store ${a.id}, sent again with another name: the target ${what}`, received, observation: second, case: { ...trace.case, input: second.input } }];
  },
});

export const concurrentSameTokenCheck = scenarioCheck('concurrent', {
  id: 'idempotency.concurrent-same-token',
  level: tokenBehaviour.level,
  spec: `${TOKEN_SPEC} Requests in flight at once are no exception.`,
  title: 'Creates sent at once with one clientToken make one store',
  needs: ['stores'],
  check(trace) {
    const creates = callsOf(trace, CREATE);
    if (creates.length === 0) return incomplete(this.id, trace);
    const ids = [...new Set(creates.map(store).filter((x): x is Created => !!x).map((x) => x.id))];
    const refused = creates.filter((o) => !store(o));
    const listed = named(trace, creates[0]!.input.name);
    const shown = refused[0] ?? creates[0]!;
    // Every create refused and at most one store behind the refusals: a valid create refused is validation.accepts-valid's.
    if (ids.length === 0 && listed.length <= 1) return firstFailed(this.id, shown);
    const tally = `${creates.length - refused.length} answered ${ids.length > 1 ? `${ids.length} different stores (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''})` : (ids[0] ?? 'no store')}${refused.length ? `, ${refused.length} refused (${[...new Set(refused.map(describeOutcome))].join('; ')})` : ''}`;
    if (ids.length === 1 && listed.length === 1) return [passed(this.id, shown, `${creates.length} creates at once with one token: ${tally}; one store`)];
    return [failed(this.id, shown, `${creates.length} creates at once with one ${TOKEN}: ${tally}; ${listed.length} stores exist under the name`, { ids: 1, stores: 1 }, { ids, stores: listed, refused: refused.length }, `${HINT_ONE_STORE} Check and record the token in one step, so calls in flight together cannot both create.`)];
  },
});

export const idempotencyChecks: readonly Check[] = [sameTokenCheck, differentTokensCheck, sdkFillsTokenCheck, retrySameTokenCheck, tokenReuseCheck, concurrentSameTokenCheck];
