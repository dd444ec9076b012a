// Shared by the emulator tests: an SDK client pointed at a running emulator, with timeouts and no retries.
import { OmicsClient, type OmicsClientConfig } from '@aws-sdk/client-omics';
import { request } from 'node:http';

export const region = 'eu-west-2';
export const account = '123456789012';
export const dummyCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

export function omicsClient(url: string, extra: Partial<OmicsClientConfig> = {}): OmicsClient {
  return new OmicsClient({
    endpoint: url,
    region,
    credentials: dummyCredentials,
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 2000, requestTimeout: 5000 },
    ...extra,
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request, with a timeout: for what an SDK cannot send. A body goes as application/json unless `headers` say otherwise. */
export function rawRequest(url: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string | number> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers: { ...(body !== undefined ? { 'content-length': Buffer.byteLength(body), 'content-type': 'application/json' } : {}), ...headers }, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`rawRequest: no answer in 5 s to ${method} ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The rejection of a promise that must reject. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
