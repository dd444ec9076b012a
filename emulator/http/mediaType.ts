// The media types a restJson1 server holds a request to, as Smithy's malformed-request protocol
// tests do: a body only where the input has body members, sent as application/json; an Accept that
// admits application/json.
import type { IncomingHttpHeaders } from 'node:http';
import { hasBodyMembers, JSON_MEDIA_TYPE, type OperationName } from '../../specs/index.ts';

/** The media type of a header value, without parameters, lower-cased. */
function mediaType(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase();
}

/** Why the request's Content-Type or body does not fit the operation; undefined when it does. */
export function contentTypeProblem(operation: OperationName, headers: IncomingHttpHeaders, body: Buffer): string | undefined {
  const type = headers['content-type'];
  if (!hasBodyMembers(operation)) {
    // No modelled body: nothing may be sent (a Content-Type alone, with no body, is let through).
    return body.length > 0 ? `${operation} takes no request body, yet ${body.length} bytes came${type ? ` as ${type}` : ''}` : undefined;
  }
  if (body.length === 0 && type === undefined) return undefined;
  if (type === undefined) return `A request body must be sent as ${JSON_MEDIA_TYPE}; it came without a Content-Type`;
  return mediaType(type) === JSON_MEDIA_TYPE ? undefined : `A request body must be sent as ${JSON_MEDIA_TYPE}, not ${type}`;
}

/** Why the Accept header admits no JSON answer; undefined when it does or is absent. */
export function acceptProblem(headers: IncomingHttpHeaders): string | undefined {
  const accept = headers.accept;
  if (accept === undefined || accept.trim() === '') return undefined;
  const admitted = accept.split(',').map(mediaType);
  return admitted.some((t) => t === JSON_MEDIA_TYPE || t === 'application/*' || t === '*/*') ? undefined : `The answer is ${JSON_MEDIA_TYPE}, which Accept: ${accept} does not admit`;
}
