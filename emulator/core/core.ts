// The transport-free emulator: one `invoke` per call, in the wire form of the inputs and outputs
// (timestamps are date-time strings). Faults first, then validation from specs/, then
// idempotency, then the operation.
import { operations, validateInput, type OperationName } from '../../specs/index.ts';
import { canonicalBehaviour, checkCoreConfig, resolveCoreConfig, type BehaviourConfig, type CoreConfig, type CoreOptions } from '../config.ts';
import { FaultInjector } from './faults.ts';
import { seededRandom } from './random.ts';
import { ServiceError } from './serviceError.ts';
import { CoreState, type StateSnapshot } from './state.ts';
import { validationMessage } from './violations.ts';
import { pipelineOf } from '../mutants/wrappers.ts';
import type { Pipeline } from '../mutants/pipeline.ts';

export interface EmulatorCore {
  readonly config: CoreConfig;
  /** The steps a call goes through, with the configured mutants and variants composed in. */
  readonly pipeline: Pipeline;
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCore(options: CoreOptions = {}): EmulatorCore {
  let config = resolveCoreConfig(options);
  const pipeline: Pipeline = pipelineOf(config.deviations);
  const state = new CoreState(seededRandom(config.seed));
  const faults = new FaultInjector(config.faults, config.seed);
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  function run(operation: OperationName, input: Record<string, unknown>): Record<string, unknown> {
    const violations = pipeline
      .enforced(operation, input, validateInput(operation, input, { unicodeVersion: config.behaviour.unicodeVersion }))
      .filter((v) => v.level === 'MUST' || config.behaviour.enforceDocumentedLimits);
    const refuse = () => new ServiceError('ValidationException', validationMessage(operation, violations));
    if (violations.length && pipeline.validateBeforeEffect) throw refuse();
    const now = config.now();
    state.purge(now);
    const decision = pipeline.idempotency(state, operation, input, config.behaviour.idempotencyMismatch);
    if (decision.kind === 'replay') return decision.response;
    // A pipeline that validates late applies what it can of the request first.
    const effective = violations.length ? withoutMembers(input, violations.map((v) => v.path.split(/[.[]/)[0]!)) : input;
    const output = pipeline.handler(operation)(effective, { state, config, now });
    if (!operations[operation].readonly) changed();
    if (violations.length) throw refuse();
    decision.remember?.(structuredClone(output));
    return pipeline.output(operation, output);
  }

  function invokeNow(operation: OperationName, input: Record<string, unknown>): Record<string, unknown> {
    try {
      return run(operation, input);
    } catch (error) {
      throw error instanceof ServiceError ? pipeline.error(error) : error;
    }
  }

  return {
    get config() {
      return config;
    },
    pipeline,
    faults,
    async invoke(operation, input) {
      const { error, latencyMs } = faults.decide(operation);
      if (latencyMs > 0) await sleep(latencyMs);
      if (error && pipeline.faultAfterEffect) {
        try {
          invokeNow(operation, input);
        } catch {
          // The client sees the injected fault whatever the call itself answered.
        }
      }
      if (error) throw error instanceof ServiceError ? pipeline.error(error) : error;
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
