// Slow or silent clients cannot hold a connection: headers, whole requests and idle sockets time out.
import { connect } from 'node:net';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startEmulator, type RunningEmulator } from '../../emulator/index.ts';
import { rawRequest } from './helpers.ts';

const test = suite('emulator: request and idle timeouts');
let emulator: RunningEmulator;

test.before(async () => {
  emulator = await startEmulator({ headersTimeoutMs: 300, requestTimeoutMs: 400, idleTimeoutMs: 300 });
});
test.after(() => emulator.close());

/** Writes `bytes`, then waits for the server to close the socket; resolves with what it sent. */
function closedAfter(bytes: string): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let text = '';
    const guard = setTimeout(() => socket.destroy(new Error('the server kept the connection open for 5 s')), 5000);
    socket.on('data', (c) => (text += c.toString()));
    socket.on('close', () => (clearTimeout(guard), resolve({ text, ms: Date.now() - started })));
    socket.on('error', (e) => (clearTimeout(guard), (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve({ text, ms: Date.now() - started }) : reject(e)));
    if (bytes) socket.write(bytes);
  });
}

test('a connection that sends nothing is closed', async () => {
  const { text } = await closedAfter('');
  // The idle timer closes it silently; the headers timer, where it fires first (it may, at equal
  // times, on a loaded machine or another Node.js), answers 408 in the form of every error first.
  assert.ok(text === '' || /^HTTP\/1\.1 408 [^]*x-amzn-errortype: RequestTimeoutException/.test(text), text);
});

test('headers that never finish are cut off', async () => {
  const { text } = await closedAfter('POST /sequencestore HTTP/1.1\r\nHost: x\r\n');
  // Which timer fires first under load decides between node's 408 and its 400 for a cut request.
  assert.ok(text === '' || /^HTTP\/1\.1 (408|400)/.test(text), text);
});

test('a body that never finishes is cut off, and the server still serves', async () => {
  const { text } = await closedAfter('POST /sequencestore HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"name":');
  assert.ok(text === '' || /^HTTP\/1\.1 408/.test(text), text);
  assert.is((await rawRequest(emulator.url, 'GET', '/_emulator/health')).status, 200);
});

test.run();
