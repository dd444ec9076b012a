// The restJson1 front on node:http. Every request ends in a response; nothing a client sends can
// throw out of the handler, and 500 comes only from an injected fault or a change the state file
// could not take.
import { randomUUID } from 'node:crypto';
import { createServer, maxHeaderSize, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { decodeBody, decodeRequest, operationAt, operations, service, type ErrorName, type OperationName } from '../../specs/index.ts';
import type { HttpConfig } from '../config.ts';
import type { EmulatorCore } from '../core/core.ts';
import { isServiceError, ServiceError } from '../core/serviceError.ts';
import { loggedBody, type RequestLog } from '../requestLog.ts';
import { createSigV4Verifier, isOperationAllowed, type Credential } from '../sigv4/verifier.ts';
import { ADMIN_PREFIX, handleAdmin } from './admin.ts';
import { readBody } from './body.ts';
import { captureResponse } from './responseCapture.ts';
import { acceptProblem, contentTypeProblem } from './mediaType.ts';
import { badAdminRequest, badRequest, bodyTooLarge, emulatorBug, expectationFailed, headersTooLarge, notAcceptable, requestTimeout, serializationError, unknownOperation, unsupportedMediaType, uriTooLong, type ProtocolError } from './protocolErrors.ts';
import { sendError, sendJson } from './respond.ts';
import { splitTarget } from './target.ts';

export interface FrontOptions {
  readonly http: HttpConfig;
  readonly core: EmulatorCore;
  readonly requestLog: RequestLog;
  /** When set, every AWS call must be signed with one of these credentials. */
  readonly credentials?: readonly Credential[];
  /** With a state file: resolves once every change so far is saved, rejects when the save failed. */
  readonly durable?: () => Promise<void>;
}

type Outcome = { status: number; errorType?: string };

export function createFront({ http, core, requestLog, credentials, durable }: FrontOptions): Server {
  const verify = credentials ? createSigV4Verifier({ credentials, service: service.signingName }) : undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const started = performance.now();
    const method = req.method ?? '';
    const target = req.url ?? '/';
    const { path, query } = splitTarget(target);
    const read = await readBody(req, http.maxBodyBytes);
    if (!read.ok && read.aborted) return;
    // The rest of a body past the hard cap is never read: the refusal closes the connection.
    if (!read.ok && read.cutOff) res.shouldKeepAlive = false;

    if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) return admin(res, requestId, method, path, query, read.ok ? read.body : undefined);

    const operation = operationAt(method, path);
    const entry = requestLog.record({
      receivedAt: new Date().toISOString(),
      requestId,
      method,
      target,
      path,
      query,
      rawHeaders: [...req.rawHeaders],
      headers: { ...req.headers },
      ...(read.ok ? loggedBody(read.body) : { bodyBytes: read.bytes }),
      ...(operation ? { operation } : {}),
    });
    const sent = captureResponse(res);
    const outcome = await answer(res, requestId, method, path, query, req, read.ok ? read.body : undefined, operation);
    entry.response = { ...outcome, ...sent(), durationMs: Math.round((performance.now() - started) * 1000) / 1000 };
  }

  function protocolError(res: ServerResponse, requestId: string, error: ProtocolError, message: string): Outcome {
    sendError(res, error.status, requestId, error.type, message);
    return { status: error.status, errorType: error.type };
  }

  async function answer(
    res: ServerResponse,
    requestId: string,
    method: string,
    path: string,
    rawQuery: string,
    req: IncomingMessage,
    body: Buffer | undefined,
    operation: OperationName | undefined,
  ): Promise<Outcome> {
    if (body === undefined) return protocolError(res, requestId, bodyTooLarge, `The request body is larger than the limit of ${http.maxBodyBytes} bytes`);
    if (!operation) return protocolError(res, requestId, unknownOperation, `No operation matches ${method} ${path.slice(0, 200)}`);

    if (verify) {
      const auth = await verify({ method, path, query: rawQuery, headers: req.headers, body });
      if (!auth.ok) {
        sendError(res, auth.status, requestId, auth.errorType, auth.message);
        return { status: auth.status, errorType: auth.errorType };
      }
      if (!isOperationAllowed(auth.credential, operation)) {
        return serviceFailure(res, requestId, 'AccessDeniedException', `User ${auth.credential.accessKeyId} is not authorized to perform: ${service.arnNamespace}:${operation}`);
      }
    }

    if (core.pipeline.checksMediaTypes) {
      const wrongType = contentTypeProblem(operation, req.headers, body);
      if (wrongType !== undefined) return protocolError(res, requestId, unsupportedMediaType, wrongType);
      const unacceptable = acceptProblem(req.headers);
      if (unacceptable !== undefined) return protocolError(res, requestId, notAcceptable, unacceptable);
    }
    const decoded = decodeRequest(method, rawQuery ? `${path}?${rawQuery}` : path, body);
    if (!decoded.ok) {
      const { error } = decoded;
      if (error.kind === 'bad-encoding') return serviceFailure(res, requestId, 'ValidationException', error.message);
      return protocolError(res, requestId, error.kind === 'bad-body' ? serializationError : unknownOperation, error.message);
    }

    try {
      const output = await core.invoke(operation, decoded.input);
      // A change is acknowledged only once it is saved; a client that gets a 500 retries or looks.
      if (durable && !operations[operation].readonly) {
        const unsaved = await durable().then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
        if (unsaved !== undefined) return serviceFailure(res, requestId, 'InternalServerException', `The change could not be saved to the emulator's state file: ${unsaved}`);
      }
      return success(res, requestId, operation, output);
    } catch (error) {
      if (isServiceError(error)) return sendServiceError(res, requestId, error);
      throw error;
    }
  }

  function success(res: ServerResponse, requestId: string, operation: OperationName, output: Record<string, unknown>): Outcome {
    const code = core.pipeline.successStatus(operation);
    const body = core.pipeline.successBody(operation, output);
    sendJson(res, code, requestId, Object.keys(operations[operation].output.members).length === 0 ? undefined : body);
    return { status: code };
  }

  /** A modelled error from the front itself, answered the way the core's errors are (through the pipeline). */
  function serviceFailure(res: ServerResponse, requestId: string, name: ErrorName, message: string): Outcome {
    return sendServiceError(res, requestId, core.pipeline.error(new ServiceError(name, message)));
  }

  function sendServiceError(res: ServerResponse, requestId: string, error: ServiceError): Outcome {
    const { status, headers, body } = core.pipeline.errorResponse(error);
    sendJson(res, status, requestId, body, headers);
    return { status: error.httpStatus, errorType: error.wireType };
  }

  function admin(res: ServerResponse, requestId: string, method: string, path: string, query: string, body: Buffer | undefined): void {
    if (body === undefined) return void protocolError(res, requestId, bodyTooLarge, `The request body is larger than the limit of ${http.maxBodyBytes} bytes`);
    const parsed = decodeBody(body);
    if (!parsed.ok) return void protocolError(res, requestId, serializationError, parsed.message);
    try {
      const result = handleAdmin(method, path, new URLSearchParams(query), parsed.value, { core, requestLog });
      if (!result) return void protocolError(res, requestId, unknownOperation, `No admin route ${method} ${path.slice(0, 200)}; see emulator/README.md`);
      sendJson(res, result.status, requestId, result.status === 204 ? undefined : result.body);
    } catch (error) {
      protocolError(res, requestId, badAdminRequest, error instanceof Error ? error.message : String(error));
    }
  }

  // A client reuses an idle connection until the time this header names (less its own margin); were it
  // the time the server closes it, a client slowed for a moment (a loaded machine) sends on a
  // connection the server is closing and gets no answer. Half the time leaves the margin on our side.
  const keepAliveHint = `timeout=${Math.max(1, Math.floor(http.keepAliveTimeoutMs / 2000))}`;
  const server = createServer(
    {
      requestTimeout: http.requestTimeoutMs,
      headersTimeout: Math.min(http.headersTimeoutMs, http.requestTimeoutMs),
      // How often node checks the two timeouts above; its default (30 s) would make short ones late.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(http.headersTimeoutMs / 4))),
    },
    (req, res) => {
    res.setHeader('keep-alive', keepAliveHint);
    handle(req, res).catch((error: unknown) => {
      // Only a bug in the emulator gets here; answer rather than hang, and say so on stderr (a mutant,
      // broken on purpose, fails this way by design: no need to say so).
      if (Object.keys(core.config.deviations).length === 0) console.error(`omics emulator: internal failure on ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendError(res, emulatorBug.status, randomUUID(), emulatorBug.type, 'The emulator failed on this request; this is a bug in the emulator');
      else res.destroy();
    });
    },
  );
  server.keepAliveTimeout = http.keepAliveTimeoutMs;
  server.setTimeout(http.idleTimeoutMs);
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (!socket.writable || socket.destroyed) return void socket.destroy();
    socket.end(parserRefusal(error));
  });
  // Without these listeners node closes a CONNECT request's socket unanswered and answers an unknown
  // Expect with a bare 417; both are answered in the form of every other error instead.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    // The socket comes with no listener left: an error on it would otherwise be unhandled.
    socket.on('error', () => socket.destroy());
    socket.end(rawError(unknownOperation, `No operation matches ${req.method} ${(req.url ?? '').slice(0, 200)}`), () => socket.destroy());
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    sendError(res, expectationFailed.status, randomUUID(), expectationFailed.type, `Expect: ${String(req.headers.expect).slice(0, 200)} is not supported; only 100-continue is`);
  });
  return server;
}

/**
 * The answer to what node's HTTP parser refused before a request existed (an oversized header or
 * request line, a garbage request line, an unknown method, a request that stalled): the same form
 * as every other error — status, x-amzn-errortype, x-amzn-requestid and a JSON message.
 */
function parserRefusal(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): string {
  const packet = error.rawPacket?.toString('latin1') ?? '';
  const lineEnd = packet.indexOf('\r\n');
  const kind =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? lineEnd < 0 || lineEnd > maxHeaderSize / 2
        ? { error: uriTooLong, message: 'The request line is longer than this server accepts' }
        : { error: headersTooLarge, message: `The request headers are larger than ${maxHeaderSize} bytes` }
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { error: requestTimeout, message: 'The request did not arrive in time' }
        : { error: badRequest, message: `The request could not be read as HTTP/1.1 (${error.code ?? 'malformed'})` };
  return rawError(kind.error, kind.message);
}

/** A whole error response as raw bytes, for a socket that has no ServerResponse; it closes the connection. */
function rawError(error: ProtocolError, message: string): string {
  const body = JSON.stringify({ message });
  const head = [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `x-amzn-errortype: ${error.type}`,
    `x-amzn-requestid: ${randomUUID()}`,
    'Connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}
