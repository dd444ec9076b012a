// The benches' SDK client: the real client over HTTP to a server on 127.0.0.1, with its own
// keep-alive agent, no retries (a bench counts every answer) and a time limit on every call.
import { OmicsClient } from '@aws-sdk/client-omics';

const CONNECT_MS = 5_000;
const REQUEST_MS = 15_000;

export function benchClient(url: string, sockets: number): OmicsClient {
  return new OmicsClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: CONNECT_MS, requestTimeout: REQUEST_MS, httpAgent: { keepAlive: true, maxSockets: sockets } },
  });
}
