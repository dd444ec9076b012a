// suites/idempotency: CreateSequenceStore's clientToken — a repeat, new tokens, the token the SDK
// fills, a retry after a server error, a token reused for another request, and creates in flight
// together. One scenario at a time: the retry's injected fault must meet only its own call.
import type { Case } from '../../generators/case.ts';
import { runBoundary, type Suite } from '../engine.ts';
import { idempotencyChecks, traceOf } from './checks.ts';
import { CONCURRENT_CREATES, runScenario, TOKEN, type IdempotencyCase, type Scenario } from './scenarios.ts';

const SCENARIOS: readonly [Scenario, string][] = [
  ['same-token', `the same ${TOKEN} and request, twice`],
  ['different-tokens', `one request under two ${TOKEN}s`],
  ['sdk-fills-token', `twice without a ${TOKEN}`],
  ['retry', `retried by the SDK after a server error`],
  ['token-reuse', `a ${TOKEN} reused with another name`],
  ['concurrent', `${CONCURRENT_CREATES} at once with one ${TOKEN}`],
];

export function idempotencyCases(): IdempotencyCase[] {
  return SCENARIOS.map(([scenario, what]) => ({
    operation: 'CreateSequenceStore',
    input: {},
    send: 'sdk',
    expect: { outcome: 'accepted' },
    label: `CreateSequenceStore ${what}`,
    ruleIds: [],
    phase: 'boundary',
    scenario,
  }));
}

export const idempotencySuite: Suite = {
  name: 'idempotency',
  description: 'A clientToken makes a create idempotent: repeats, retries and concurrent calls make one store; new tokens new stores.',
  checks: idempotencyChecks,
  holdsManyStores: true,
  async run(env) {
    // A scenario no judged check reads is not run (`--checks`): the concurrent one alone makes many
    // stores. It keeps its place, so replay values stay the same with any --checks.
    const judged = this.checks.filter((c) => !env.options.checks || env.options.checks.has(c.id));
    const read = new Set(judged.flatMap((c) => (c.kind === 'scenario' ? c.scenarios : [])));
    let queue: Promise<unknown> = Promise.resolve();
    const serially = (c: Case) => {
      if (!read.has(traceOf((c as IdempotencyCase).scenario))) return Promise.resolve([]);
      const next = queue.then(() => runScenario(env, c as IdempotencyCase));
      queue = next.catch(() => undefined);
      return next;
    };
    await runBoundary(env, this, idempotencyCases(), serially);
  },
};
