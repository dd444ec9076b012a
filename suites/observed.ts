// Helpers checks share: the response body in wire form, whichever target produced it.
import { operations } from '../specs/index.ts';
import { toWireForm } from '../targets/sdkForm.ts';
import type { Observation, WireExchange } from '../targets/types.ts';
import type { Finding } from './types.ts';

/** The last exchange of the call: the one whose answer the client kept. */
export function finalExchange(observation: Observation): WireExchange | undefined {
  return observation.wire?.[observation.wire.length - 1];
}

/** The success body as it came over the wire; on the mock, the SDK output in wire form. */
export function wireBody(observation: Observation): { body: unknown; from: 'wire' | 'sdk' } | undefined {
  const exchange = finalExchange(observation);
  if (exchange?.response) {
    const text = exchange.response.body;
    try {
      return { body: text ? JSON.parse(text) : {}, from: 'wire' };
    } catch {
      return { body: text, from: 'wire' };
    }
  }
  if (observation.client.output) return { body: toWireForm(operations[observation.operation].output, observation.client.output), from: 'sdk' };
  return undefined;
}

export function succeeded(observation: Observation): boolean {
  return !observation.transportError && !observation.client.error && observation.client.output !== undefined;
}

export function describeOutcome(observation: Observation): string {
  if (observation.transportError) return `no answer (${observation.transportError})`;
  const e = observation.client.error;
  if (e) return `${e.name}${e.httpStatus !== undefined ? ` (HTTP ${e.httpStatus})` : ''}${e.message ? `: ${e.message}` : ''}`;
  return `success${finalExchange(observation)?.response ? ` (HTTP ${finalExchange(observation)!.response!.status})` : ''}`;
}

/** The client refused the request itself (its own validation): the service never saw it. */
export function refusedByClient(observation: Observation): boolean {
  return observation.client.error?.refusedByClient === true;
}

/** A finding for a check that judges the service's answer, on a request the client kept to itself. */
export function notSentByClient(checkId: string, observation: Observation): Finding {
  return { checkId, status: 'skipped', message: 'the client refused the request itself (its own validation), so no answer came to judge', observation };
}
