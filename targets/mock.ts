// The mock target: aws-sdk-client-mock on OmicsClient, answered in-process by the emulator's core.
// Errors are the SDK's own exception classes, so `instanceof` holds; there is no wire.
import * as Omics from '@aws-sdk/client-omics';
import { mockClient } from 'aws-sdk-client-mock';
import { createCore, ServiceError, type CoreOptions, type EmulatorCore } from '../emulator/index.ts';
import { operationNames, operations, type OperationName } from '../specs/index.ts';
import { DUMMY_CREDENTIALS } from './credentials.ts';
import { callThroughSdk, createOmicsClient, DEFAULT_TIMEOUT_MS } from './sdkClient.ts';
import { toSdkForm, toWireForm } from './sdkForm.ts';
import type { Target } from './types.ts';

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

export function mockTarget(options: CoreOptions & { timeoutMs?: number } = {}): MockTarget {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, ...coreOptions } = options;
  const core = createCore(coreOptions);
  const client = createOmicsClient({ region: core.config.region, credentials: DUMMY_CREDENTIALS });
  const mock = mockClient(client);
  for (const operation of operationNames) {
    const Command = (Omics as unknown as Record<string, unknown>)[`${operation}Command`] as Parameters<typeof mock.on>[0];
    mock.on(Command).callsFake((input: unknown) => answer(core, operation, input));
  }
  return {
    name: 'aws-sdk-client-mock',
    kind: 'mock',
    hasWire: false,
    region: core.config.region,
    core,
    call: (operation, input, callOptions = {}) => callThroughSdk(client, operation, input, { timeoutMs: callOptions.timeoutMs ?? timeoutMs, captureWire: false }),
    close: async () => {
      mock.restore();
      client.destroy();
    },
  };
}
