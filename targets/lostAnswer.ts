// SDK middleware that loses the first answer of a call on the client side: the request reaches the
// target and is carried out, its answer arrives, and the client throws it away as if the
// connection had dropped, so the SDK's retry sends the same request (the same clientToken) again.
// What a retried create must then do — make one store — is checkable on any endpoint, the real
// service included, without the target's help.
import type { DeserializeMiddleware, MetadataBearer, Pluggable } from '@smithy/types';

/** The error the lost answer is turned into: a connection reset, which every SDK retries. */
export class LostAnswer extends Error {
  override readonly name = 'LostAnswer';
  readonly code = 'ECONNRESET';
  readonly $metadata = {};
  constructor(status: number) {
    super(`the answer (HTTP ${status}) was dropped by the client on purpose, so that the SDK retries the request`);
  }
}

export const LOST_ANSWER_MIDDLEWARE = 'omicsConformanceLostAnswer';

export function loseFirstAnswer(): Pluggable<object, MetadataBearer> {
  let lost = false;
  const middleware: DeserializeMiddleware<object, MetadataBearer> = (next) => async (args) => {
    const result = await next(args);
    if (lost) return result;
    lost = true;
    throw new LostAnswer((result.response as { statusCode?: number }).statusCode ?? 0);
  };
  return {
    applyToStack: (stack) => {
      // Added before the wire capture at the same step and priority: outside it, so the exchange
      // of the lost answer is still recorded whole.
      stack.add(middleware, { step: 'deserialize', name: LOST_ANSWER_MIDDLEWARE, priority: 'low' });
    },
  };
}
