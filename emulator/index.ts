// The reference HealthOmics emulator: startEmulator() for in-process use, the pieces for the rest.
import type { AddressInfo } from 'node:net';
import { ConfigError, defaultHttp, definedOnly, type CoreOptions, type HttpConfig } from './config.ts';
import { createCore, type EmulatorCore } from './core/core.ts';
import { createFront } from './http/server.ts';
import { createStateWriter, loadStateFile, saveStateFile } from './persistence/stateFile.ts';
import { createRequestLog, type RequestLog } from './requestLog.ts';
import type { Credential } from './sigv4/verifier.ts';

export { ADMIN_PREFIX } from './http/admin.ts';
export { createCore, type EmulatorCore } from './core/core.ts';
export { ServiceError } from './core/serviceError.ts';
export { DeviationError, type Deviations, type ErrorDeviation } from './deviations.ts';
export { parseFaultSpec, faultChangeFromJson, FAULT_SYNTAX } from './core/faultSpec.ts';
export type { FaultPlan, ScriptedFault } from './core/faults.ts';
export type { LoggedRequest, RequestLog } from './requestLog.ts';
export { ConfigError, defaultBehaviour, defaultIdentity, defaultHttp } from './config.ts';
export type { BehaviourConfig, CoreConfig, CoreOptions, HttpConfig, IdempotencyMismatch } from './config.ts';

export type EmulatorOptions = CoreOptions & Partial<HttpConfig> & {
  /** Load the state from this file at start (if it exists) and write every change to it, atomically. */
  readonly stateFile?: string;
  /** Require SigV4 signatures from one of `credentials`. */
  readonly verifySigV4?: boolean;
  readonly credentials?: readonly Credential[];
};

export interface RunningEmulator {
  /** `http://<host>:<port>`, the endpoint to give a client. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly core: EmulatorCore;
  readonly requestLog: RequestLog;
  /** Stop serving, close every connection, and finish writing the state file. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { stateFile, verifySigV4, credentials, ...rest } = options;
  if (verifySigV4 && (!credentials || credentials.length === 0)) throw new ConfigError('verifySigV4 needs at least one credential (ACCESS_KEY_ID:SECRET)');
  const http: HttpConfig = { ...defaultHttp, ...definedOnly(pickHttp(rest)) };
  const core = createCore(rest);
  const requestLog = createRequestLog(http.requestLogLimit);

  let flush = async () => {};
  let durable: (() => Promise<void>) | undefined;
  if (stateFile) {
    const saved = await loadStateFile(stateFile).catch((error: unknown) => {
      throw new ConfigError(withoutCaller(error));
    });
    if (saved !== undefined) {
      try {
        core.restore(saved);
      } catch (error) {
        throw new ConfigError(`${stateFile}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // Written once now, so a path that cannot be written is refused at start-up, not at the first change.
    try {
      await saveStateFile(stateFile, core.snapshot());
    } catch (error) {
      throw new ConfigError(withoutCaller(error));
    }
    const writer = createStateWriter(stateFile);
    core.onChange(() => writer.schedule(() => core.snapshot()));
    flush = () => writer.flush();
    durable = () => writer.durable();
  }

  const server = createFront({ http, core, requestLog, ...(verifySigV4 ? { credentials } : {}), ...(durable ? { durable } : {}) });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(new ConfigError(error.code === 'EADDRINUSE' ? `port ${http.port} on ${http.host} is already in use; choose another with --port` : `cannot listen on ${http.host}:${http.port}: ${error.message}`));
    server.once('error', fail);
    server.listen(http.port, http.host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = http.host.includes(':') ? `[${http.host}]` : http.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostInUrl}:${port}`,
    host: http.host,
    port,
    core,
    requestLog,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(flush);
      return closing;
    },
  };
}

/** A state file error as one line for the user, without the name of the function that raised it. */
function withoutCaller(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^(load|save)StateFile: /, '');
}

function pickHttp(options: Partial<HttpConfig>): Partial<HttpConfig> {
  const { host, port, maxBodyBytes, requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs, idleTimeoutMs, requestLogLimit } = options;
  return { host, port, maxBodyBytes, requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs, idleTimeoutMs, requestLogLimit };
}
