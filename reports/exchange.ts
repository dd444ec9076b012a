// The raw HTTP exchange of a finding as a report keeps it: the absolute URI, bodies cut at 4 KiB,
// and the values of credential headers redacted (a report is shared; a session token is not).
import type { WireExchange } from '../targets/types.ts';

export const BODY_LIMIT = 4096;
export const REDACTED = '<redacted>';

export interface ReportedExchange {
  readonly request: { readonly method: string; readonly uri: string; readonly headers: Readonly<Record<string, string>>; readonly body: string };
  readonly response?: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string };
}

/** The body as a report keeps it: at most BODY_LIMIT characters, a cut one ending in `…`. */
export function cutBody(body: string): string {
  return body.length > BODY_LIMIT ? `${body.slice(0, BODY_LIMIT)}…` : body;
}

/** True for a body `cutBody` shortened. */
export function wasCut(body: string): boolean {
  return body.length > BODY_LIMIT;
}

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|security-token|credential|secret|session/i;

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADER.test(k) ? REDACTED : v]));
}

/** `http://host/path?query`: the scheme of the endpoint (https without one), the host the request named. */
function uriOf(path: string, headers: Readonly<Record<string, string>>, endpoint: string | undefined): string {
  const base = endpoint ? new URL(endpoint) : undefined;
  const host = Object.entries(headers).find(([k]) => k.toLowerCase() === 'host')?.[1] ?? base?.host;
  if (!host) return path;
  return `${base?.protocol ?? 'https:'}//${host}${path}`;
}

export function reportedExchange(exchange: WireExchange, endpoint: string | undefined): ReportedExchange {
  const { request, response } = exchange;
  return {
    request: { method: request.method, uri: uriOf(request.path, request.headers, endpoint), headers: redactHeaders(request.headers), body: cutBody(request.body) },
    ...(response ? { response: { status: response.status, headers: redactHeaders(response.headers), body: cutBody(response.body) } } : {}),
  };
}
