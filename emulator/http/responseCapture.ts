// What a response carried, kept for the request log: its headers and the start of its body, read
// as the front writes them, whichever path (success, service error, protocol error) wrote them.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { LOGGED_BODY_BYTES } from '../requestLog.ts';

export interface CapturedResponse {
  readonly headers: Record<string, string>;
  /** The body as UTF-8 text, its first LOGGED_BODY_BYTES only. */
  readonly body: string;
}

function flatHeaders(headers: OutgoingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

/** Watches `res` from now on; the returned function tells what it carried so far. */
export function captureResponse(res: ServerResponse): () => CapturedResponse {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let headers: Record<string, string> = {};
  const keep = (chunk: unknown) => {
    if (bytes >= LOGGED_BODY_BYTES || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    chunks.push(buffer.subarray(0, LOGGED_BODY_BYTES - bytes));
    bytes += buffer.length;
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const given = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null && !Array.isArray(a)) as OutgoingHttpHeaders | undefined;
    headers = { ...flatHeaders(res.getHeaders()), ...(given ? flatHeaders(given) : {}) };
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk), write(chunk, ...rest))) as ServerResponse['write'];
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk), end(chunk, ...rest))) as ServerResponse['end'];
  return () => ({ headers: Object.keys(headers).length ? headers : flatHeaders(res.getHeaders()), body: Buffer.concat(chunks).toString('utf8') });
}
