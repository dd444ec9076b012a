// Sends malformed raw HTTP exchanges (generators/malformedHttp.ts) to a running emulator over
// node:net and judges each answer; shared by bench/fuzz.ts and test/emulator/fuzz.test.ts.
// The rules: a complete HTTP answer with status < 500 (errors with x-amzn-errortype, a JSON message
// and x-amzn-requestid), or a close where the client broke the framing itself; never a hang.
import { CreateSequenceStoreCommand, GetSequenceStoreCommand, OmicsClient } from '@aws-sdk/client-omics';
import { maxHeaderSize } from 'node:http';
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as fc from 'fast-check';
import type { EmulatorOptions, RunningEmulator } from '../emulator/index.ts';
import { defaultHttp } from '../emulator/index.ts';
import { DISCARD_FACTOR } from '../emulator/http/body.ts';
import { malformedHttp, materialize, reproduction, type MalformedExchange } from '../generators/malformedHttp.ts';
import { operations } from '../specs/index.ts';

/** Short timeouts, so exchanges that stall are cut off by the emulator well within the exchange timeout. */
export const fuzzEmulatorOptions: EmulatorOptions = { headersTimeoutMs: 1500, requestTimeoutMs: 2500, keepAliveTimeoutMs: 1000, idleTimeoutMs: 5000 };
/** No exchange may take longer: the emulator's request timeout plus room for a loaded machine. */
export const EXCHANGE_TIMEOUT_MS = 10_000;
/** heapUsed, and buffers outside the heap, after the batch (and a gc, with the request log emptied) may each exceed the start by this much. */
export const HEAP_BOUND_MB = 48;
/** rss may exceed the start by this much: freed buffers of huge bodies are not all given back to the OS. */
export const RSS_BOUND_MB = 384;

export function fuzzExchanges(seed: number, count: number, maxBodyBytes = defaultHttp.maxBodyBytes): MalformedExchange[] {
  return fc.sample(malformedHttp({ maxBodyBytes, maxHeaderBytes: maxHeaderSize, hardCapFactor: DISCARD_FACTOR }), { seed, numRuns: count });
}

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface Observation {
  readonly answers: readonly Answer[];
  /** Bytes after the last complete answer: an answer cut short. */
  readonly leftover: number;
  readonly timedOut: boolean;
  readonly ms: number;
}

/** Complete HTTP/1.1 responses at the start of `data`; interim 1xx ones are skipped. */
export function parseAnswers(data: Buffer, firstIsHead: boolean): { answers: Answer[]; used: number } {
  const answers: Answer[] = [];
  let at = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [statusLine = '', ...lines] = data.toString('latin1', at, end).split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const bodyless = (status >= 100 && status < 200) || status === 204 || status === 304 || (firstIsHead && answers.length === 0);
    if (!bodyless && /chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const body = dechunk(data, end + 4);
      if (!body) break;
      answers.push({ status, headers, body: body.text });
      at = body.end;
      continue;
    }
    const length = bodyless ? 0 : Number(headers['content-length'] ?? NaN);
    if (!Number.isFinite(length) || end + 4 + length > data.length) break;
    if (status >= 200) answers.push({ status, headers, body: data.toString('utf8', end + 4, end + 4 + length) });
    at = end + 4 + length;
  }
  return { answers, used: at };
}

/** A chunked body starting at `from` (trailers not read), or undefined when it is not all in. */
function dechunk(data: Buffer, from: number): { text: string; end: number } | undefined {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const line = data.indexOf('\r\n', at);
    if (line < 0) return undefined;
    const size = parseInt(data.toString('latin1', at, line), 16);
    if (!Number.isFinite(size) || line + 2 + size + 2 > data.length) return undefined;
    if (size === 0) return { text: Buffer.concat(parts).toString('utf8'), end: line + 4 };
    parts.push(data.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}

/** Writes the exchange to host:port, half-closes once an answer is in, and reads until the server closes. */
export function sendExchange(host: string, port: number, x: MalformedExchange, timeoutMs = EXCHANGE_TIMEOUT_MS): Promise<Observation> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, host);
    const received: Buffer[] = [];
    let writing = true;
    let timedOut = false;
    const finishWrites = () => {
      writing = false;
      if (x.halfClose || answered()) socket.end();
    };
    const answered = () => parseAnswers(Buffer.concat(received), x.method === 'HEAD').answers.length > 0;
    const guard = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (!writing && answered()) socket.end();
    });
    // A reset or a write after the server closed ends the exchange like a close does.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(guard);
      writing = false;
      const data = Buffer.concat(received);
      const { answers, used } = parseAnswers(data, x.method === 'HEAD');
      resolve({ answers, leftover: data.length - used, timedOut, ms: performance.now() - started });
    });
    socket.once('connect', async () => {
      for (const [i, w] of x.writes.entries()) {
        if (socket.destroyed || !socket.writable) return;
        if (i > 0 && x.pauseMs > 0) await new Promise((r) => setTimeout(r, x.pauseMs));
        if (socket.destroyed || !socket.writable) return;
        if (!socket.write(materialize(w))) await new Promise((r) => (socket.once('drain', r), socket.once('close', r)));
      }
      if (!socket.destroyed) finishWrites();
    });
  });
}

/** Why the observation breaks the rules, or undefined when it keeps them. */
export function judge(x: MalformedExchange, o: Observation): string | undefined {
  if (o.timedOut) return `no end within ${Math.round(o.ms)} ms (a hang)`;
  if (o.leftover > 0) return `an answer cut short (${o.leftover} bytes after the last complete answer)`;
  if (o.answers.length === 0) return x.framingBroken ? undefined : 'the connection closed without an answer, though the client kept the HTTP framing';
  for (const [i, a] of o.answers.entries()) {
    const seen = `${a.status} ${JSON.stringify(a.headers)} ${a.body.slice(0, 300)}`;
    if (!(a.status >= 200 && a.status < 500)) return `status ${a.status}: ${seen}`;
    if (!a.headers['x-amzn-requestid']) return `no x-amzn-requestid: ${seen}`;
    // An answer to HEAD has no body, by HTTP.
    if (a.status < 400 || (i === 0 && x.method === 'HEAD')) continue;
    if (!a.headers['x-amzn-errortype']) return `an error without x-amzn-errortype: ${seen}`;
    if (!/^application\/json/.test(a.headers['content-type'] ?? '')) return `an error not sent as JSON: ${seen}`;
    const message = (() => {
      try {
        return (JSON.parse(a.body) as { message?: unknown }).message;
      } catch {
        return undefined;
      }
    })();
    if (typeof message !== 'string' || message === '') return `an error body without a message: ${seen}`;
  }
  return undefined;
}

export interface Failure {
  readonly index: number;
  readonly reason: string;
  readonly reproduction: string;
}

export interface BatchResult {
  readonly byKind: Record<string, number>;
  readonly byStatus: Record<string, number>;
  readonly failures: Failure[];
  readonly slowestMs: number;
}

/** Sends every exchange, `concurrency` at a time, and judges each. */
export async function runBatch(emulator: RunningEmulator, exchanges: readonly MalformedExchange[], concurrency: number): Promise<BatchResult> {
  const byKind: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const failures: Failure[] = [];
  let slowestMs = 0;
  let next = 0;
  const worker = async () => {
    while (next < exchanges.length) {
      const index = next++;
      const x = exchanges[index]!;
      const o = await sendExchange(emulator.host, emulator.port, x);
      byKind[x.kind] = (byKind[x.kind] ?? 0) + 1;
      const status = o.answers.length ? o.answers.map((a) => a.status).join('+') : o.timedOut ? 'hang' : 'closed';
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      slowestMs = Math.max(slowestMs, o.ms);
      const reason = judge(x, o);
      if (reason) failures.push({ index, reason, reproduction: reproduction(x) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  failures.sort((a, b) => a.index - b.index);
  return { byKind, byStatus, failures, slowestMs };
}

export interface Memory {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  /** Buffers outside the heap (request and response bytes). */
  readonly arrayBuffersMb: number;
}

/** The gc: node's own with --expose-gc, else one exposed at run time (test/run.ts runs without the flag). */
const gc: () => void =
  (globalThis as { gc?: () => void }).gc ??
  (() => {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  })();

export function memoryNow(): Memory {
  gc();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rssMb: rss / 1024 / 1024, heapUsedMb: heapUsed / 1024 / 1024, arrayBuffersMb: arrayBuffers / 1024 / 1024 };
}

/** Why memory grew past the bounds, or undefined. */
export function memoryProblem(before: Memory, after: Memory): string | undefined {
  if (after.heapUsedMb - before.heapUsedMb > HEAP_BOUND_MB) return `heapUsed grew by ${(after.heapUsedMb - before.heapUsedMb).toFixed(1)} MB (bound ${HEAP_BOUND_MB} MB)`;
  if (after.arrayBuffersMb - before.arrayBuffersMb > HEAP_BOUND_MB) return `buffers grew by ${(after.arrayBuffersMb - before.arrayBuffersMb).toFixed(1)} MB (bound ${HEAP_BOUND_MB} MB)`;
  if (after.rssMb - before.rssMb > RSS_BOUND_MB) return `rss grew by ${(after.rssMb - before.rssMb).toFixed(1)} MB (bound ${RSS_BOUND_MB} MB)`;
  return undefined;
}

/** A valid CreateSequenceStore and GetSequenceStore through the SDK; why they went wrong, or undefined. */
export async function stillServes(emulator: RunningEmulator): Promise<string | undefined> {
  const client = new OmicsClient({
    endpoint: emulator.url,
    region: emulator.core.config.region,
    credentials: { accessKeyId: 'AKIDFUZZ', secretAccessKey: 'fuzz' },
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 2000, requestTimeout: 5000 },
  });
  try {
    const name = `after the fuzz ${Date.now()}`;
    const created = await client.send(new CreateSequenceStoreCommand({ name }));
    const got = await client.send(new GetSequenceStoreCommand({ id: created.id! }));
    if (got.id !== created.id || got.arn !== created.arn || got.name !== name) return `GetSequenceStore answered ${JSON.stringify(got)} for ${JSON.stringify(created)}`;
    if (got.$metadata.httpStatusCode !== operations.GetSequenceStore.http.code) return `GetSequenceStore answered status ${got.$metadata.httpStatusCode}`;
    return undefined;
  } catch (error) {
    return `a valid call failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  } finally {
    client.destroy();
  }
}
