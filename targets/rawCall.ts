// A raw HTTP call as an observation: the wire exchange, and what a restJson1 client would make of it.
import type { OperationName } from '../specs/index.ts';
import { errorTypeOf } from './errorType.ts';
import { sendExchange, type ExchangeSettings } from './httpExchange.ts';
import { buildRawRequest } from './rawRequest.ts';
import type { ClientView, Observation, WireResponse } from './types.ts';

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

export async function callRaw(operation: OperationName, input: Record<string, unknown>, settings: ExchangeSettings): Promise<Observation> {
  const started = performance.now();
  const request = buildRawRequest(operation, input);
  try {
    const exchange = await sendExchange(request, settings);
    return { operation, input, via: 'wire', wire: [exchange], client: clientViewOf(exchange.response!), durationMs: performance.now() - started };
  } catch (err) {
    return { operation, input, via: 'wire', wire: [{ request }], client: {}, transportError: (err as Error).message, durationMs: performance.now() - started };
  }
}
