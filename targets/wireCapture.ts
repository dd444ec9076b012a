// SDK middleware that records each HTTP exchange of a call as it went over the wire: the final
// (signed) request and the raw response body, read once and handed back to the deserializer.
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { DeserializeMiddleware, MetadataBearer, Pluggable } from '@smithy/types';
import { percentEncode } from '../specs/index.ts';
import type { WireExchange } from './types.ts';

function headersOf(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function pathOf(request: HttpRequest): string {
  const query = Object.entries(request.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === null || v === undefined ? [[k, '']] : [[k, v]]))
    .map(([k, v]) => `${percentEncode(k!)}=${percentEncode(v!)}`)
    .join('&');
  return query ? `${request.path}?${query}` : request.path;
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  // The SDK's JSON body is a Uint8Array subclass whose valueOf() is a string: read its bytes directly.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return '';
}

export function wireCapture(exchanges: WireExchange[]): Pluggable<object, MetadataBearer> {
  const middleware: DeserializeMiddleware<object, MetadataBearer> = (next) => async (args) => {
    const request = args.request as HttpRequest;
    const sent = { method: request.method, path: pathOf(request), headers: headersOf(request.headers), body: bodyText(request.body) };
    const index = exchanges.push({ request: sent }) - 1;
    const result = await next(args);
    const response = result.response as HttpResponse;
    const bytes = await readBody(response.body);
    response.body = bytes;
    exchanges[index] = {
      request: sent,
      response: { status: response.statusCode, headers: headersOf(response.headers), body: Buffer.from(bytes).toString('utf8') },
    };
    return result;
  };
  return {
    applyToStack: (stack) => {
      // Low priority in the deserialize step: inside the SDK's deserializer, so the body is still raw.
      stack.add(middleware, { step: 'deserialize', name: 'omicsConformanceWireCapture', priority: 'low' });
    },
  };
}
