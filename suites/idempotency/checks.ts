// Idempotency of CreateSequenceStore's clientToken. Each check needs several calls and a look at
// the list of stores, so the suite runs them itself (scenarios.ts) and hands in the findings.
import { behaviours, service } from '../../specs/index.ts';
import type { Check } from '../types.ts';

const SUITE = 'idempotency';
const tokenBehaviour = behaviours.find((b) => b.id === 'store.idempotency-token')!;
const TOKEN_SPEC = `${tokenBehaviour.source}: ${tokenBehaviour.statement}`;
const byHand = () => [];

export const sameTokenCheck: Check = {
  id: 'idempotency.same-token-same-store',
  suite: SUITE,
  level: tokenBehaviour.level,
  spec: TOKEN_SPEC,
  title: 'The same clientToken with the same request answers the same store, and makes only one',
  operations: ['CreateSequenceStore'],
  check: byHand,
};

export const differentTokensCheck: Check = {
  id: 'idempotency.different-tokens',
  suite: SUITE,
  level: 'MUST',
  spec: `model ${service.namespace}#CreateSequenceStoreRequest$clientToken (idempotencyToken): a request is the same request only under the same token`,
  title: 'Two identical requests under different clientTokens make two stores',
  operations: ['CreateSequenceStore'],
  check: byHand,
};

export const sdkFillsTokenCheck: Check = {
  id: 'idempotency.sdk-fills-token',
  suite: SUITE,
  level: 'SHOULD',
  spec: 'Smithy idempotencyToken trait: a client fills a member the caller left out with a new UUID (version 4) per call',
  title: 'Without a clientToken the SDK sends a fresh UUID each call, and each call makes a store',
  operations: ['CreateSequenceStore'],
  check: byHand,
};

export const retrySameTokenCheck: Check = {
  id: 'idempotency.retry-same-token',
  suite: SUITE,
  level: tokenBehaviour.level,
  spec: `${TOKEN_SPEC} A retry is the same request: the SDK resends it with the token it filled.`,
  title: 'A create the SDK retries after a server error carries one token and makes one store',
  operations: ['CreateSequenceStore'],
  check: byHand,
};

export const tokenReuseCheck: Check = {
  id: 'idempotency.token-reuse-different-request',
  suite: SUITE,
  level: 'OBSERVED',
  spec: 'The contract does not say what the same clientToken with a different request does: recorded, never failed',
  title: 'What the target does with a clientToken reused for a different request',
  operations: ['CreateSequenceStore'],
  check: byHand,
};

export const concurrentSameTokenCheck: Check = {
  id: 'idempotency.concurrent-same-token',
  suite: SUITE,
  level: tokenBehaviour.level,
  spec: `${TOKEN_SPEC} Requests in flight at once are no exception.`,
  title: 'Creates sent at once with one clientToken make one store',
  operations: ['CreateSequenceStore'],
  check: byHand,
};

export const idempotencyChecks: readonly Check[] = [sameTokenCheck, differentTokensCheck, sdkFillsTokenCheck, retrySameTokenCheck, tokenReuseCheck, concurrentSameTokenCheck];
