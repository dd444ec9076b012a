// Writing responses: JSON bodies, x-amzn-requestid on every one, the error type in x-amzn-errortype.
import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, requestId: string, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string | number> = { 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(text), ...extraHeaders };
  if (text !== '') headers['content-type'] = 'application/json';
  if (res.headersSent) return;
  res.writeHead(status, headers);
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, requestId: string, errorType: string, message: string): void {
  sendJson(res, status, requestId, { message }, { 'x-amzn-errortype': errorType });
}
