// One scenario per idempotency check: the creates it sends, and a look at the stores that exist
// afterwards under the scenario's run-unique name (never a count of the whole account), noted in a
// trace its check reads. Every store a scenario makes, answered or only listed, is the run's and is
// deleted before the next scenario.
import type { Case } from '../../generators/case.ts';
import { errorNames, errors, type ErrorName } from '../../specs/index.ts';
import { can, lacks } from '../../targets/capabilities.ts';
import type { CallOptions, Observation } from '../../targets/types.ts';
import type { Executed, SuiteEnv } from '../engine.ts';
import { succeeded } from '../observed.ts';
import { RUN_TAG_KEY } from '../stores.ts';
import { listPages } from '../listPages.ts';
import { TraceBuilder } from '../trace.ts';
import { CHANGED, CONCURRENT_CREATES, CREATE, LISTED, ORIGINAL, RETRY_ATTEMPTS, TOKEN, traceOf, type Scenario } from './checks.ts';

export { CONCURRENT_CREATES, TOKEN, type Scenario } from './checks.ts';
export type IdempotencyCase = Case & { readonly scenario: Scenario };

class Scenery {
  readonly made = new Set<string>();
  private builder: TraceBuilder | undefined;
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

  /** The trace of the scenario, shown with `input` as its case. */
  begin(input: Record<string, unknown>): TraceBuilder {
    this.builder = new TraceBuilder(traceOf(this.c.scenario), { ...this.c, input });
    return this.builder;
  }

  /**
   * `maxAttempts` where the scenario counts attempts; otherwise the target's own (a fault injected
   * at random is retried away). `loseFirstAnswer`: the client drops the first answer, and the SDK
   * retries; `failFirstAttempts`: the first attempts are answered with these errors.
   */
  async create(input: Record<string, unknown>, role = CREATE, retry: Pick<CallOptions, 'maxAttempts' | 'loseFirstAnswer' | 'failFirstAttempts'> = {}): Promise<Observation> {
    const obs = await this.env.target.call('CreateSequenceStore', input, { timeoutMs: this.env.options.timeoutMs, ...retry });
    const ref = this.env.stores.track(obs, input);
    if (ref) this.made.add(ref.id);
    this.builder?.call(role, obs);
    return obs;
  }

  /** Every page of the stores named as `input`; each store of that name is tracked as the run's. */
  async list(input: Record<string, unknown>): Promise<void> {
    for await (const page of listPages(this.env, { name: input.name })) {
      this.builder?.call(LISTED, page.observation);
      for (const s of page.stores) {
        if (s.name !== input.name || typeof s.id !== 'string') continue;
        const ref = this.env.stores.track({ ...page.observation, client: { output: s } }, input);
        if (ref) this.made.add(ref.id);
      }
    }
  }

  done(skipped?: string): Executed[] {
    const trace = (this.builder ?? this.begin(this.c.input)).trace(skipped);
    return [{ trace }];
  }

  async cleanup(): Promise<void> {
    for (const id of this.made) this.env.stores.release(id);
  }
}

async function sameToken(s: Scenery): Promise<Executed[]> {
  const input = s.input('same token', s.token('same'));
  s.begin(input);
  await s.create(input);
  await s.create(input);
  await s.list(input);
  return s.done();
}

async function differentTokens(s: Scenery): Promise<Executed[]> {
  const base = s.input('different tokens');
  const second = { ...base, [TOKEN]: s.token('two') };
  s.begin(second);
  await s.create({ ...base, [TOKEN]: s.token('one') });
  await s.create(second);
  await s.list(base);
  return s.done();
}

async function sdkFillsToken(s: Scenery): Promise<Executed[]> {
  if (!can(s.env.target, 'wire-capture')) return s.done(lacks(s.env.target, 'wire-capture', 'the token the SDK fills is not visible'));
  const input = s.input('sdk token');
  s.begin(input);
  await s.create(input);
  await s.create(input);
  await s.list(input);
  return s.done();
}

/** A server error, then throttling: the first attempts of the retry scenario where the client cannot lose an answer. */
export const RETRY_FAULTS: readonly ErrorName[] = [
  errorNames.find((e) => errors[e].fault === 'server' && errors[e].retryable)!,
  errorNames.find((e) => errors[e].retryable?.throttling)!,
];

async function retry(s: Scenery): Promise<Executed[]> {
  const { target } = s.env;
  if (!can(target, 'wire-capture')) return s.done(lacks(target, 'wire-capture', "its answers do not pass the SDK's retry step"));
  // The client loses the first answer (after the target carried the request out), or, for a client
  // in another process, the first attempts meet a server error and throttling.
  const how: CallOptions | undefined = can(target, 'lose-first-answer') ? { loseFirstAnswer: true } : can(target, 'fail-first-attempts') ? { failFirstAttempts: RETRY_FAULTS } : undefined;
  if (!how) return s.done(lacks(target, ['lose-first-answer', 'fail-first-attempts'], "the SDK's retry cannot be brought about"));
  const input = s.input('retry');
  s.begin(input);
  // After those first attempts, the target's own attempts, where it retries faults injected at random.
  const attempts = Math.max(RETRY_ATTEMPTS, (how.failFirstAttempts?.length ?? 1) + (target.defaultAttempts ?? 1));
  await s.create(input, CREATE, { maxAttempts: attempts, ...how });
  await s.list(input);
  return s.done();
}

async function tokenReuse(s: Scenery): Promise<Executed[]> {
  const token = s.token('reuse');
  const original = s.input('token reuse', token);
  const changed = s.input('token reuse changed', token);
  s.begin(changed);
  // Without a first store there is no token to reuse: the second create is not sent.
  if (succeeded(await s.create(original, ORIGINAL))) await s.create(changed, CHANGED);
  return s.done();
}

async function concurrent(s: Scenery): Promise<Executed[]> {
  const input = s.input('concurrent', s.token('concurrent'));
  s.begin(input);
  await Promise.all(Array.from({ length: CONCURRENT_CREATES }, () => s.create(input)));
  await s.list(input);
  return s.done();
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
