// The mock target: aws-sdk-client-mock on OmicsClient, answered in-process by the emulator's core.
// Errors are the SDK's own exception classes, so `instanceof` holds; there is no wire.
import * as Omics from '@aws-sdk/client-omics';
import { createRequire } from 'node:module';
import { createCore, ServiceError, type CoreOptions, type EmulatorCore } from '../emulator/index.ts';
import { operationNames, operations, type OperationName } from '../specs/index.ts';
import { DUMMY_CREDENTIALS } from './credentials.ts';
import { inProcessAdmin } from './emulatorAdmin.ts';
import { callThroughSdk, createOmicsClient, DEFAULT_TIMEOUT_MS } from './sdkClient.ts';
import { toSdkForm, toWireForm } from './sdkForm.ts';
import type { Capability, Target } from './types.ts';

export interface MockTarget extends Target {
  readonly core: EmulatorCore;
}

type ExceptionClass = new (opts: { message: string; $metadata: object }) => Error;

/** What the SDK would raise for the error: its own class where the type is modelled. */
function sdkException(error: ServiceError): Error {
  const ctor = (Omics as unknown as Record<string, unknown>)[error.wireType] as ExceptionClass | undefined;
  const metadata = { httpStatusCode: error.httpStatus };
  if (!ctor) return Object.assign(new Omics.OmicsServiceException({ name: error.wireType, $fault: error.httpStatus >= 500 ? 'server' : 'client', message: error.message, $metadata: metadata }), { message: error.message });
  return new ctor({ message: error.message, $metadata: metadata });
}

async function answer(core: EmulatorCore, operation: OperationName, input: unknown): Promise<object> {
  const spec = operations[operation];
  try {
    const output = await core.invoke(operation, toWireForm(spec.input, input) as Record<string, unknown>);
    return { ...(toSdkForm(spec.output, output) as object), $metadata: { httpStatusCode: spec.http.code } };
  } catch (err) {
    if (err instanceof ServiceError) throw sdkException(err);
    throw err;
  }
}

/** No HTTP travels: nothing to capture, send raw or lose; the core's controls are at hand. */
export const MOCK_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['client-view', 'admin']);

export function mockTarget(options: CoreOptions & { timeoutMs?: number } = {}): MockTarget {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, ...coreOptions } = options;
  const core = createCore(coreOptions);
  const client = createOmicsClient({ region: core.config.region, credentials: DUMMY_CREDENTIALS });
  // Loaded on first use (sinon with it): most processes that can make a mock target never do.
  const { mockClient } = createRequire(import.meta.url)('aws-sdk-client-mock') as typeof import('aws-sdk-client-mock');
  const mock = mockClient(client);
  // One fake on the client's send stub, dispatching on the command's class: the same as one
  // .on(Command).callsFake() per operation, without sinon matching every call against eight behaviours.
  const operationOf = new Map<unknown, OperationName>(operationNames.map((op) => [(Omics as unknown as Record<string, unknown>)[`${op}Command`], op]));
  mock.send.callsFake(((command: { constructor: unknown; input: unknown }) => {
    const operation = operationOf.get(command.constructor);
    if (!operation) return Promise.reject(new Error(`the mock target answers the eight sequence-store operations, not ${String((command.constructor as { name?: string }).name)}`));
    return answer(core, operation, command.input);
  }) as never);
  return {
    name: 'aws-sdk-client-mock',
    kind: 'mock',
    capabilities: MOCK_CAPABILITIES,
    region: core.config.region,
    core,
    admin: inProcessAdmin(core),
    call: async (operation, input, callOptions = {}) => {
      const observation = await callThroughSdk(client, operation, input, { timeoutMs: callOptions.timeoutMs ?? timeoutMs, captureWire: false });
      // The stub keeps every call's arguments; a long run needs none of them.
      mock.send.resetHistory();
      return observation;
    },
    close: async () => {
      mock.restore();
      client.destroy();
    },
  };
}
