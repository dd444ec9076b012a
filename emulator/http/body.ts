// Reading a request body with a size limit. Past the limit the rest is read and dropped (so the
// client can read the refusal instead of a reset connection), up to a hard cap.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly bytes: number; readonly aborted?: true; readonly cutOff?: true };

export const DISCARD_FACTOR = 16;

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit * DISCARD_FACTOR) {
      req.resume();
      return finish({ ok: false, bytes: declared });
    }
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
      else if (bytes > limit * DISCARD_FACTOR) {
        // Stop reading, but let the refusal go out before the connection is closed (cutOff).
        req.pause();
        finish({ ok: false, bytes, cutOff: true });
      }
    });
    req.on('end', () => finish(bytes <= limit ? { ok: true, body: Buffer.concat(chunks) } : { ok: false, bytes }));
    // A request cut off before its end (timeout, client gone) is never run on a partial body.
    req.on('error', () => finish({ ok: false, bytes, aborted: true }));
    req.on('close', () => finish(req.complete && bytes <= limit ? { ok: true, body: Buffer.concat(chunks) } : { ok: false, bytes, aborted: true }));
  });
}
