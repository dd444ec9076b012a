// A target whose every call, through the SDK or as raw HTTP, goes through `around`: the one way to
// count, time, gate or watch a target's calls without touching the rest of what it is.
import type { OperationName } from '../specs/index.ts';
import type { CallOptions, Observation, Target } from './types.ts';

export type Around = (operation: OperationName, input: Record<string, unknown>, options: CallOptions | undefined, send: () => Promise<Observation>, via: Observation['via']) => Promise<Observation>;

export function aroundCalls(inner: Target, around: Around): Target {
  const sendRaw = inner.sendRaw;
  return {
    ...inner,
    call: (op, input, options) => around(op, input, options, () => inner.call(op, input, options), 'sdk'),
    ...(sendRaw ? { sendRaw: (op: OperationName, input: Record<string, unknown>, options?: CallOptions) => around(op, input, options, () => sendRaw.call(inner, op, input, options), 'wire') } : {}),
    close: () => inner.close(),
  };
}
