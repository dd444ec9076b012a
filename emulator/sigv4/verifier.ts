// Verifies AWS Signature Version 4 by re-signing the request with @smithy/signature-v4 (the JS SDK's own
// signer) and comparing signatures in constant time. Canonicalisation is the library's, not ours.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { invalidSignature, missingToken, unrecognizedClient, type AuthFailure } from './authErrors.ts';
import type { Credential } from './credentials.ts';
import { headerValue, parseRawQuery, pathOnly, toQueryRecord, type QueryParam, type RawHeaders } from './rawRequest.ts';
import {
  PRESIGN_PARAMS,
  SCOPE_TERMINATOR,
  claimsFromHeader,
  claimsFromQuery,
  formatAmzDate,
  isPresigned,
  type SignatureClaims,
} from './signatureClaims.ts';

export type { Credential } from './credentials.ts';
export { isOperationAllowed, parseCredentialSpec, readOnlyOperations, READ_ONLY_KEYWORD } from './credentials.ts';

export interface SignedRequest {
  method: string;
  /** The raw request path as sent (still percent-encoded); an absolute-URI request target is accepted too. */
  path: string;
  /** The raw query string without '?'. */
  query: string;
  /** Lower-case names, as node:http gives them. */
  headers: RawHeaders;
  body: Uint8Array;
}

export type AuthResult = { ok: true; credential: Credential } | AuthFailure;

export interface SigV4VerifierOptions {
  credentials: readonly Credential[];
  /** The signing name the credential scope must carry (specs' `service.signingName`). */
  service: string;
  /** How far `x-amz-date` may be from now; AWS allows 5 minutes. */
  clockSkewMs?: number;
  now?: () => number;
}

const DEFAULT_CLOCK_SKEW_MS = 5 * 60 * 1000;
const CONTENT_SHA256 = 'x-amz-content-sha256';

export function createSigV4Verifier(options: SigV4VerifierOptions): (req: SignedRequest) => Promise<AuthResult> {
  const byKeyId = new Map(options.credentials.map((c) => [c.accessKeyId, c]));
  const skew = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const now = options.now ?? Date.now;

  return async (req) => {
    const params = parseRawQuery(req.query);
    const authorization = headerValue(req.headers, 'authorization');
    let claims: SignatureClaims | AuthFailure;
    if (authorization !== undefined) {
      claims = claimsFromHeader(authorization, headerValue(req.headers, 'x-amz-date'), req.headers['date'] !== undefined);
    } else if (isPresigned(params)) {
      claims = claimsFromQuery(params);
    } else {
      return missingToken();
    }
    if ('ok' in claims) return claims;

    const credential = byKeyId.get(claims.accessKeyId);
    if (!credential) return unrecognizedClient();
    const scopeProblem = checkScope(claims, options.service) ?? checkTime(claims, now(), skew);
    if (scopeProblem) return scopeProblem;

    const payloadHash = createHash('sha256').update(req.body).digest('hex');
    const claimedHash = headerValue(req.headers, CONTENT_SHA256);
    if (claimedHash !== undefined && claimedHash !== payloadHash) {
      return invalidSignature(`The provided '${CONTENT_SHA256}' header does not match what was computed.`);
    }

    // The signer throws on text no client could have signed (a lone surrogate cannot be URI-encoded): that is a mismatch.
    const expected = await expectedSignature(req, params, claims, credential).catch(() => '');
    return sameSignature(expected, claims.signature) ? { ok: true, credential } : invalidSignature();
  };
}

function checkScope({ scope, amzDate }: SignatureClaims, service: string): AuthFailure | undefined {
  if (scope.terminator !== SCOPE_TERMINATOR) {
    return invalidSignature(`Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${scope.terminator.slice(0, 40)}'.`);
  }
  if (scope.service !== service) {
    return invalidSignature(`Credential should be scoped to correct service: '${service}'. The request was signed for '${scope.service.slice(0, 40)}'.`);
  }
  if (scope.date !== amzDate.slice(0, 8)) {
    return invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date.slice(0, 20)}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  return undefined;
}

function checkTime({ signedAt, amzDate, expiresSeconds }: SignatureClaims, nowMs: number, skew: number): AuthFailure | undefined {
  const allowance = skew % 60_000 === 0 ? `${skew / 60_000} min.` : `${skew} ms.`;
  if (signedAt > nowMs + skew) {
    return invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + skew)} (${formatAmzDate(nowMs)} + ${allowance})`,
    );
  }
  if (expiresSeconds !== undefined) {
    const until = signedAt + expiresSeconds * 1000;
    if (nowMs > until) return invalidSignature(`Signature expired: ${formatAmzDate(until)} is now earlier than ${formatAmzDate(nowMs)} (${amzDate} + ${expiresSeconds} s.)`);
    return undefined;
  }
  if (signedAt < nowMs - skew) {
    return invalidSignature(`Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - skew)} (${formatAmzDate(nowMs)} - ${allowance})`);
  }
  return undefined;
}

/** Re-signs the request as the client saw it: its wire path, its query, and only the headers it says it signed. */
async function expectedSignature(req: SignedRequest, params: readonly QueryParam[], claims: SignatureClaims, credential: Credential): Promise<string> {
  const headers: Record<string, string> = {};
  for (const name of claims.signedHeaders) {
    const value = headerValue(req.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const presignParams = new Set<string>(Object.values(PRESIGN_PARAMS));
  const query = claims.source === 'query' ? params.filter((p) => !presignParams.has(p.key)) : params;
  const request = new HttpRequest({
    method: req.method,
    protocol: 'http:',
    hostname: headerValue(req.headers, 'host') ?? 'localhost',
    path: pathOnly(req.path),
    query: toQueryRecord(query),
    headers,
    body: req.body,
  });
  // uriEscapePath: every non-S3 signer (JS v3, botocore) encodes the already-encoded wire path once more.
  // applyChecksum off: a payload-hash header counts only if the client sent and signed it.
  const signer = new SignatureV4({
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    region: claims.scope.region,
    service: claims.scope.service,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signingDate = new Date(claims.signedAt);
  const signableHeaders = new Set(claims.signedHeaders);
  if (claims.source === 'query') {
    const presigned = await signer.presign(request, {
      signingDate,
      expiresIn: claims.expiresSeconds,
      signableHeaders,
      unhoistableHeaders: new Set(Object.keys(headers)),
    });
    const signature = presigned.query?.[PRESIGN_PARAMS.signature];
    return typeof signature === 'string' ? signature : '';
  }
  const signed = await signer.sign(request, { signingDate, signableHeaders });
  return /Signature=([0-9a-f]+)/.exec(headerValue(signed.headers, 'authorization') ?? '')?.[1] ?? '';
}

function sameSignature(expected: string, claimed: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(claimed, 'utf8');
  return expected !== '' && a.length === b.length && timingSafeEqual(a, b);
}
