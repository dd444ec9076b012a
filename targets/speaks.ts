// Whether the answer to the first, harmless call of a run (ListSequenceStores) comes from a service
// that speaks HealthOmics: a JSON success (however wrong its members: the suites judge those), or one
// of the operation's modelled errors. Anything else
// (an HTML page, a 501 for a service the server lacks, a 404 under a wrong path prefix) is named in one sentence,
// as are the transport errors a person meets first (DNS, refused connections, TLS on a plain port).
import { errors, operations, type OperationName } from '../specs/index.ts';
import type { Observation } from './types.ts';

/** Modelled errors that mean the caller may not go on: the run would judge nothing. */
const STOPPING = new Set<string>([errors.AccessDeniedException.name]);

function bodyOf(obs: Observation): { status?: number; type?: string; text: string } {
  const last = obs.wire?.[obs.wire.length - 1]?.response;
  if (!last) return { ...(obs.client.error?.httpStatus !== undefined ? { status: obs.client.error.httpStatus } : {}), text: '' };
  const type = Object.entries(last.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  return { status: last.status, ...(type !== undefined ? { type: String(type) } : {}), text: last.body };
}

function jsonError(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const type = body.__type ?? body.code ?? body.Code ?? body.error;
    const message = body.message ?? body.Message;
    return [type, message].filter((x) => typeof x === 'string').join(': ') || undefined;
  } catch {
    return undefined;
  }
}

/** Undefined when the answer is HealthOmics; else why it is not, in one sentence. */
export function notHealthOmics(obs: Observation, endpoint: string | undefined): string | undefined {
  const operation: OperationName = obs.operation;
  const spec = operations[operation];
  const at = endpoint ? ` at ${endpoint}` : '';
  const e = obs.client.error;
  // An answer the SDK read is for the suites to judge, however wrong its members.
  if (!e) return undefined;
  if (spec.errors.includes(e.name as never) || e.name === errors.ValidationException.name) {
    return STOPPING.has(e.name) ? `the target${at} refused ${operation} to these credentials (${e.name}${e.message ? `: ${e.message}` : ''}): nothing could be tested` : undefined;
  }
  const { status, type, text } = bodyOf(obs);
  const trimmed = text.trimStart();
  if (/html/i.test(type ?? '') || trimmed.startsWith('<')) return `the target${at} answered HTML (HTTP ${status ?? '?'}), not HealthOmics: is the URL right?`;
  if (status === 404) return `the target${at} answered 404 at ${spec.http.uri}${jsonError(text) ? ` (${jsonError(text)})` : ''}: is the URL right (its path prefix, its port)?`;
  if (status === 501) return `the target${at} answered 501 ${jsonError(text) ?? '(no error type)'}: it does not implement HealthOmics`;
  if (status === 401 || status === 403) {
    return `the target${at} refused the credentials (HTTP ${status} ${e.name}${e.message ? `: ${e.message}` : ''}): nothing could be tested`;
  }
  // A JSON success the SDK could not read: a response-shape problem for the suites to report.
  if (status !== undefined && status < 300 && /json/i.test(type ?? '')) return undefined;
  return `the target${at} answered ${operation} with HTTP ${status ?? '?'} ${jsonError(text) ?? e.name}, which is not an answer HealthOmics gives: is it the service you meant?`;
}

/** A transport error in one plain sentence: DNS, a refused connection, TLS on a plain-HTTP port, a timeout. */
export function plainTransportError(message: string, endpoint: string | undefined): string {
  const url = endpoint ? safeUrl(endpoint) : undefined;
  const host = url?.hostname ?? 'the host';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(message)) return `the host name ${host} does not resolve (DNS)`;
  if (/ECONNREFUSED/i.test(message)) return `nothing answers at ${url ? `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}` : 'the endpoint'} (connection refused)`;
  if (/wrong version number|EPROTO|packet length too long|ssl3_get_record/i.test(message)) return `the TLS handshake failed: the server at ${url?.host ?? 'the endpoint'} does not speak TLS (is it plain http://?)`;
  if (/certificate|CERT_|self.signed|unable to verify/i.test(message)) return `the server's TLS certificate is not trusted (${message.split('\n')[0]!.slice(0, 120)})`;
  if (/ECONNRESET|socket hang up/i.test(message)) return `the server at ${url?.host ?? 'the endpoint'} closed the connection without an answer`;
  if (/no answer within/i.test(message)) return message;
  return message.split('\n')[0]!.slice(0, 200);
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
