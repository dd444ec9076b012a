// The opaque nextToken of ListSequenceStores: the creation sequence of the last store returned.
// Stores created later have higher sequences and come on later pages; deleted ones are skipped,
// so no store is lost or repeated while the list changes between pages.
import { ServiceError } from './serviceError.ts';

const PREFIX = 'v1.';

export function encodePageToken(afterSeq: number): string {
  return PREFIX + Buffer.from(JSON.stringify({ after: afterSeq })).toString('base64url');
}

export function decodePageToken(token: string): number {
  const fail = (): never => {
    throw new ServiceError('ValidationException', 'nextToken: is not a token this service issued; pass the nextToken of the previous page unchanged');
  };
  if (!token.startsWith(PREFIX)) return fail();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'));
    const after = (parsed as { after?: unknown } | null)?.after;
    if (typeof after === 'number' && Number.isSafeInteger(after) && after >= 0) return after;
  } catch {
    // fall through to the one error message
  }
  return fail();
}
