// What a request claims about its signature: from the Authorization header, or from presigned query parameters.
import { incomplete, type AuthFailure } from './authErrors.ts';
import type { QueryParam } from './rawRequest.ts';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const SCOPE_TERMINATOR = 'aws4_request';

/** Query parameters of a presigned request; they carry the signature and are not signed themselves. */
export const PRESIGN_PARAMS = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  date: 'X-Amz-Date',
  expires: 'X-Amz-Expires',
  signedHeaders: 'X-Amz-SignedHeaders',
  signature: 'X-Amz-Signature',
} as const;

/** AWS refuses presigned requests that stay valid for more than seven days. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;

export interface CredentialScope {
  date: string;
  region: string;
  service: string;
  terminator: string;
}

export interface SignatureClaims {
  source: 'header' | 'query';
  accessKeyId: string;
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
  /** The request time, `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  /** Epoch milliseconds of amzDate. */
  signedAt: number;
  /** Presigned requests only. */
  expiresSeconds?: number;
}

export function isPresigned(params: readonly QueryParam[]): boolean {
  return params.some((p) => p.key === PRESIGN_PARAMS.signature || p.key === PRESIGN_PARAMS.credential || p.key === PRESIGN_PARAMS.algorithm);
}

export function claimsFromHeader(authorization: string, amzDate: string | undefined, hasDateHeader: boolean): SignatureClaims | AuthFailure {
  const shown = `Authorization=${authorization.slice(0, 200)}`;
  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== ALGORITHM) {
    return incomplete(`Authorization header uses the unsupported algorithm '${algorithm.slice(0, 40)}'; sign with ${ALGORITHM} (Signature Version 4). ${shown}`);
  }
  const fields = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const problems = ['Credential', 'Signature', 'SignedHeaders']
    .filter((name) => !fields.get(name))
    .map((name) => `Authorization header requires '${name}' parameter.`);
  if (amzDate === undefined) {
    problems.push(
      hasDateHeader
        ? "Authorization header requires an 'X-Amz-Date' header (this emulator does not verify signatures dated by 'Date')."
        : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  if (problems.length > 0) return incomplete(`${problems.join(' ')} ${shown}`);
  return complete('header', fields.get('Credential')!, fields.get('SignedHeaders')!, fields.get('Signature')!, amzDate!, undefined);
}

export function claimsFromQuery(params: readonly QueryParam[]): SignatureClaims | AuthFailure {
  const get = (key: string) => params.find((p) => p.key === key)?.value;
  const missing = Object.values(PRESIGN_PARAMS).filter((key) => !get(key));
  if (missing.length > 0) {
    return incomplete(`AWS query-string parameters must include ${missing.map((k) => `'${k}'`).join(', ')}. Re-examine the query-string parameters.`);
  }
  const algorithm = get(PRESIGN_PARAMS.algorithm)!;
  if (algorithm !== ALGORITHM) return incomplete(`X-Amz-Algorithm '${algorithm.slice(0, 40)}' is not supported; use ${ALGORITHM}.`);
  const expiresText = get(PRESIGN_PARAMS.expires)!;
  const expires = /^\d{1,7}$/.test(expiresText) ? Number(expiresText) : NaN;
  if (!(expires >= 1 && expires <= MAX_PRESIGN_SECONDS)) {
    return incomplete(`X-Amz-Expires must be a whole number of seconds from 1 to ${MAX_PRESIGN_SECONDS}; got '${expiresText.slice(0, 40)}'.`);
  }
  return complete(
    'query',
    get(PRESIGN_PARAMS.credential)!,
    get(PRESIGN_PARAMS.signedHeaders)!,
    get(PRESIGN_PARAMS.signature)!,
    get(PRESIGN_PARAMS.date)!,
    expires,
  );
}

function complete(
  source: SignatureClaims['source'],
  credential: string,
  signedHeaders: string,
  signature: string,
  amzDate: string,
  expiresSeconds: number | undefined,
): SignatureClaims | AuthFailure {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    return incomplete(
      `Credential '${credential.slice(0, 120)}' is malformed; expected ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/${SCOPE_TERMINATOR}.`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) {
    return incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate.slice(0, 40)}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  }
  return {
    source,
    accessKeyId,
    scope: { date, region, service, terminator },
    signedHeaders: signedHeaders.split(';').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    signature,
    amzDate,
    signedAt,
    ...(expiresSeconds === undefined ? {} : { expiresSeconds }),
  };
}

/** `YYYYMMDDTHHMMSSZ` → epoch ms, or undefined if it is not a real UTC time in that form. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 20240230 over to March: refuse what does not come back unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h) return undefined;
  if (back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) return undefined;
  return ms;
}

export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
