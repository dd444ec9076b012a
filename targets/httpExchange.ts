// Sends one WireRequest over HTTP(S), signed with SigV4 when credentials are given, with a time limit.
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { service } from '../specs/index.ts';
import type { WireExchange, WireRequest } from './types.ts';

export interface ExchangeSettings {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials?: AwsCredentialIdentity;
  readonly timeoutMs: number;
}

/** Ill-formed percent-encoding (a raw case may send it on purpose) stays as it is. */
function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function sign(request: WireRequest, url: URL, settings: ExchangeSettings): Promise<Record<string, string>> {
  const headers = { ...request.headers, host: url.host };
  if (!settings.credentials) return headers;
  const [path, queryString] = request.path.split('?', 2) as [string, string | undefined];
  const query: Record<string, string | string[]> = {};
  for (const pair of queryString ? queryString.split('&') : []) {
    const [k, v = ''] = pair.split('=').map(decodeLenient) as [string, string?];
    const prior = query[k];
    query[k] = prior === undefined ? v : Array.isArray(prior) ? [...prior, v] : [prior, v];
  }
  const signer = new SignatureV4({ credentials: settings.credentials, region: settings.region, service: service.signingName, sha256: Sha256 });
  const signed = await signer.sign(
    new HttpRequest({ method: request.method, protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path, query, headers, body: request.body }),
  );
  return signed.headers;
}

export async function sendExchange(request: WireRequest, settings: ExchangeSettings): Promise<WireExchange> {
  const url = new URL(settings.endpoint);
  const headers = await sign(request, url, settings);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        method: request.method,
        hostname: url.hostname,
        port: url.port || undefined,
        path: `${url.pathname.replace(/\/$/, '')}${request.path}`,
        headers: { ...headers, ...(request.body ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}) },
        timeout: settings.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ request: { ...request, headers }, response: { status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') } });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${settings.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(request.body || undefined);
  });
}
