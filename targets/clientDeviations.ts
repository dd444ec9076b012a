// A client that departs from the HTTP binding on purpose, for proving the checks of what an SDK
// sends: SDK middleware that changes the serialised request before it is signed and sent.
import type { HttpRequest } from '@smithy/protocol-http';
import type { BuildMiddleware, MetadataBearer, Pluggable } from '@smithy/types';
import { operations, type OperationName } from '../specs/index.ts';

export interface ClientDeviations {
  /** Leave the idempotency token out of the body, even the one the SDK filled in. */
  readonly dropIdempotencyToken?: boolean;
  /** Send this content type instead of the protocol's. */
  readonly contentType?: string;
}

function bodyText(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return undefined;
}

export function clientDeviations(operation: OperationName, d: ClientDeviations): Pluggable<object, MetadataBearer> {
  const tokens = Object.entries(operations[operation].input.members)
    .filter(([, m]) => m.idempotencyToken)
    .map(([name]) => name);
  const middleware: BuildMiddleware<object, MetadataBearer> = (next) => async (args) => {
    const request = args.request as HttpRequest;
    const text = bodyText(request.body);
    if (d.dropIdempotencyToken && tokens.length && text) {
      const body = JSON.parse(text) as Record<string, unknown>;
      for (const t of tokens) delete body[t];
      request.body = JSON.stringify(body);
      if (request.headers['content-length'] !== undefined) request.headers['content-length'] = String(Buffer.byteLength(request.body as string));
    }
    if (d.contentType !== undefined && request.headers['content-type'] !== undefined) request.headers['content-type'] = d.contentType;
    return next(args);
  };
  return { applyToStack: (stack) => stack.add(middleware, { step: 'build', name: 'omicsConformanceClientDeviations', priority: 'low' }) };
}
