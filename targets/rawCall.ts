// A raw HTTP call as an observation: the wire exchange, and what a restJson1 client would make of it.
import { encodeRequest, type OperationName } from '../specs/index.ts';
import { errorTypeOf } from './errorType.ts';
import { sendExchange, type ExchangeSettings } from './httpExchange.ts';
import { retryAfterMs } from './rateLimit.ts';
import { retryWait, transientAnswer } from './retry.ts';
import type { ClientView, Observation, WireExchange, WireResponse } from './types.ts';

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return undefined;
  }
}

export function clientViewOf(response: WireResponse): ClientView {
  const body = parseJson(response.body);
  if (response.status >= 200 && response.status < 300) {
    return typeof body === 'object' && body !== null ? { output: body as Record<string, unknown> } : { error: { name: 'UnparseableResponse', message: 'the success body is not a JSON object', httpStatus: response.status } };
  }
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const message = typeof b.message === 'string' ? b.message : typeof b.Message === 'string' ? b.Message : '';
  return { error: { name: errorTypeOf(response.headers, response.body) ?? 'UnknownError', message, httpStatus: response.status } };
}

export interface RawCallSettings extends ExchangeSettings {
  /** Attempts of the call (default 1): a transient answer is sent again, as targets/retry.ts says. */
  readonly maxAttempts?: number;
}

/**
 * Sends the request, and again after a transient answer while attempts and time are left: each
 * attempt has the time the call has left (`timeoutMs` in all), so no call runs past its limit.
 */
export async function callRaw(operation: OperationName, input: Record<string, unknown>, settings: RawCallSettings): Promise<Observation> {
  const started = performance.now();
  const deadline = Date.now() + settings.timeoutMs;
  const maxAttempts = settings.maxAttempts ?? 1;
  const { method, path, headers, body } = encodeRequest(operation, input);
  const request = { method, path, headers, body };
  const exchanges: WireExchange[] = [];
  for (let retry = 0; ; retry++) {
    let exchange: WireExchange;
    try {
      exchange = await sendExchange(request, { ...settings, timeoutMs: Math.max(1, Math.ceil(deadline - Date.now())) });
    } catch (err) {
      return { operation, input, via: 'wire', wire: [...exchanges, { request }], client: {}, transportError: (err as Error).message, durationMs: performance.now() - started };
    }
    exchanges.push(exchange);
    const response = exchange.response!;
    const transient = maxAttempts > 1 ? transientAnswer(response) : undefined;
    const now = Date.now();
    const wait = transient ? retryWait({ retry, maxAttempts, throttling: transient.throttling, retryAfterMs: retryAfterMs(response.headers['retry-after'], now), now, deadline }) : undefined;
    if (wait === undefined) return { operation, input, via: 'wire', wire: exchanges, client: clientViewOf(response), durationMs: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
