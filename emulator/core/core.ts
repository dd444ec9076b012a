// The transport-free emulator: one `invoke` per call, in the wire form of the inputs and outputs
// (timestamps are date-time strings). Faults first, then validation from specs/, then
// idempotency, then the operation.
import { operations, validateInput, type OperationName } from '../../specs/index.ts';
import { canonicalBehaviour, checkCoreConfig, resolveCoreConfig, type BehaviourConfig, type CoreConfig, type CoreOptions } from '../config.ts';
import { FaultInjector } from './faults.ts';
import { canonicalJson, checkIdempotency, tokenMember } from './idempotency.ts';
import { handlers } from './operations/index.ts';
import { seededRandom } from './random.ts';
import { ServiceError } from './serviceError.ts';
import { CoreState, type StateSnapshot } from './state.ts';
import { validationMessage } from './violations.ts';
import { deviantOutput, enforcedViolations, tightenedViolations } from '../deviations.ts';

export interface EmulatorCore {
  readonly config: CoreConfig;
  readonly faults: FaultInjector;
  /** Run one call; resolves with the output or rejects with a ServiceError. */
  invoke(operation: OperationName, input: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The same, without faults or their latency: for seeding state and for in-process use. */
  invokeNow(operation: OperationName, input: Record<string, unknown>): Record<string, unknown>;
  /** Change behaviour switches while running (delays, quota, idempotency choice, ...). */
  setBehaviour(change: Partial<BehaviourConfig>): void;
  /** The number of stores that exist now (DELETING ones included until they are gone). */
  storeCount(): number;
  snapshot(): StateSnapshot;
  restore(snapshot: unknown): void;
  reset(): void;
  /** Called after every call that changed the state. */
  onChange(listener: () => void): () => void;
}

function withoutMembers(input: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k]) => !names.includes(k)));
}

/** The input with its clientToken replaced by the request's own content (the idempotencyByRequest deviation). */
function keyedByContent(operation: OperationName, input: Record<string, unknown>): Record<string, unknown> {
  const member = tokenMember(operation);
  if (!member || typeof input[member] !== 'string') return input;
  const { [member]: _token, ...rest } = input;
  return { ...input, [member]: canonicalJson(rest) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCore(options: CoreOptions = {}): EmulatorCore {
  let config = resolveCoreConfig(options);
  const state = new CoreState(seededRandom(config.seed));
  const faults = new FaultInjector(config.faults, config.seed);
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  function run(operation: OperationName, input: Record<string, unknown>): Record<string, unknown> {
    const { deviations } = config;
    const violations = [
      ...enforcedViolations(operation, validateInput(operation, input, { unicodeVersion: config.behaviour.unicodeVersion }), deviations).filter((v) => v.level === 'MUST' || config.behaviour.enforceDocumentedLimits),
      ...tightenedViolations(operation, input, deviations),
    ];
    const refuse = () => new ServiceError('ValidationException', validationMessage(operation, violations));
    if (violations.length && !deviations.validateAfterEffect) throw refuse();
    const now = config.now();
    state.purge(now);
    const decision = deviations.ignoreClientToken ? ({ kind: 'run' } as const) : checkIdempotency(state, operation, deviations.idempotencyByRequest ? keyedByContent(operation, input) : input, config.behaviour.idempotencyMismatch);
    if (decision.kind === 'replay') return decision.response;
    // A deviant emulator that validates late applies what it can of the request first.
    const effective = violations.length ? withoutMembers(input, violations.map((v) => v.path.split(/[.[]/)[0]!)) : input;
    const handler = deviations.deleteKeepsStore && operation === 'DeleteSequenceStore' ? handlers.GetSequenceStore : handlers[operation];
    const result = handler(effective, { state, config, now });
    const output = handler === handlers[operation] ? result : {};
    if (!operations[operation].readonly) changed();
    if (violations.length) throw refuse();
    decision.remember?.(structuredClone(output));
    return deviantOutput(operation, output, deviations);
  }

  function invokeNow(operation: OperationName, input: Record<string, unknown>): Record<string, unknown> {
    try {
      return run(operation, input);
    } catch (error) {
      throw error instanceof ServiceError ? error.deviated(config.deviations.errors?.[error.errorName]) : error;
    }
  }

  return {
    get config() {
      return config;
    },
    faults,
    async invoke(operation, input) {
      const { error, latencyMs } = faults.decide(operation);
      if (latencyMs > 0) await sleep(latencyMs);
      if (error && config.deviations.faultAfterEffect) {
        try {
          invokeNow(operation, input);
        } catch {
          // The client sees the injected fault whatever the call itself answered.
        }
      }
      if (error) throw error instanceof ServiceError ? error.deviated(config.deviations.errors?.[error.errorName]) : error;
      return invokeNow(operation, input);
    },
    invokeNow,
    setBehaviour(change) {
      const next = { ...config, behaviour: { ...config.behaviour, ...canonicalBehaviour(change) } };
      checkCoreConfig(next);
      config = next;
    },
    storeCount() {
      state.purge(config.now());
      return state.stores.size;
    },
    snapshot: () => state.snapshot(),
    restore(snapshot) {
      state.restore(snapshot);
      changed();
    },
    reset() {
      state.clear();
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
