// The embedded emulator as a target: started on an ephemeral 127.0.0.1 port, closed with the target.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/index.ts';
import { DUMMY_CREDENTIALS } from './credentials.ts';
import { inProcessAdmin } from './emulatorAdmin.ts';
import { endpointTarget } from './endpoint.ts';
import type { ClientDeviations } from './clientDeviations.ts';
import type { OperationName } from '../specs/index.ts';
import type { Target } from './types.ts';

export interface EmulatorTarget extends Target {
  readonly emulator: RunningEmulator;
}

const SCOPED_KEY = { accessKeyId: 'AKIDOMICSSCOPED', secretAccessKey: 'omics-conformance-scoped-secret' };

/**
 * A second emulator like `of` that verifies signatures and knows one key, limited to `allowed`: the
 * service a client under test calls with scoped credentials (an SDK behind an adapter).
 */
export async function scopedEmulator(of: RunningEmulator, allowed: readonly OperationName[]): Promise<{ endpoint: string; credentials: typeof SCOPED_KEY; close: () => Promise<void> }> {
  const scoped = await startEmulator({ host: '127.0.0.1', port: 0, region: of.core.config.region, verifySigV4: true, credentials: [{ ...SCOPED_KEY, allowedOperations: [...allowed] }], deviations: of.core.config.deviations });
  return { endpoint: scoped.url, credentials: SCOPED_KEY, close: () => scoped.close() };
}

/** `clientRegion`: the region the client calls, where it differs from the emulator's (to test the harness). */
/** `retries`: of a transient answer, for an emulator given `faults` (see endpointTarget). */
export async function emulatorTarget(options: EmulatorOptions & { timeoutMs?: number; clientRegion?: string; clientDeviations?: ClientDeviations; retries?: number } = {}): Promise<EmulatorTarget> {
  const { timeoutMs, clientRegion, clientDeviations, retries, ...emulatorOptions } = options;
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...emulatorOptions });
  const credentials = emulatorOptions.credentials?.[0] ?? DUMMY_CREDENTIALS;
  const target = endpointTarget({
    endpoint: emulator.url,
    region: clientRegion ?? emulator.core.config.region,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    name: 'embedded emulator',
    kind: 'emulator',
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onClose: () => emulator.close(),
    admin: inProcessAdmin(emulator.core),
    ...(clientDeviations ? { clientDeviations } : {}),
    ...(retries !== undefined ? { retries } : {}),
  });
  return {
    ...target,
    capabilities: new Set([...target.capabilities, 'scoped-credentials']),
    emulator,
    // A second emulator that verifies signatures, with the same deviations, and one key limited to these operations.
    scopedTarget: (allowedOperations) =>
      emulatorTarget({
        region: target.region,
        verifySigV4: true,
        credentials: [{ ...SCOPED_KEY, allowedOperations: [...allowedOperations] }],
        deviations: emulator.core.config.deviations,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      }),
  };
}
