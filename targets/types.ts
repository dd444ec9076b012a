// What every target returns for a call: an observation, with the wire and the SDK's view kept apart.
import type { ErrorName, OperationName } from '../specs/index.ts';
import type { EmulatorAdmin } from './emulatorAdmin.ts';
import type { StoreLedger } from './ledger.ts';

export interface WireRequest {
  readonly method: string;
  /** Path and query string as sent. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One HTTP exchange; an SDK call that retried has several. */
export interface WireExchange {
  readonly request: WireRequest;
  readonly response?: WireResponse;
}

/** What the client made of the answer: the output, or the error it raised. */
export interface ClientView {
  readonly output?: Record<string, unknown>;
  readonly error?: ObservedError;
  /**
   * The SDK could not read this success answer, and why; `output` is then the answer as the wire
   * carried it (timestamps that are date-time strings as Dates, everything else as it came).
   */
  readonly unreadable?: string;
  /**
   * The output members the client's model has for the operation, as paths joined by dots, lists
   * see-through (an SDK behind an adapter that says): a member of the contract outside them is one
   * the client predates, and may leave out.
   */
  readonly knownMembers?: readonly string[];
}

export interface ObservedError {
  /** The error type: the SDK exception's name, or the sanitised `x-amzn-errortype` for a raw call. */
  readonly name: string;
  readonly message: string;
  /** `$fault` as the SDK sets it. */
  readonly fault?: 'client' | 'server';
  /** `$retryable` as the SDK sets it. */
  readonly retryable?: { readonly throttling?: boolean };
  readonly httpStatus?: number;
  /** True when the SDK raised the class that @aws-sdk/client-omics exports for this error. */
  readonly isModeledClass?: boolean;
  /** What the client does not tell about its errors (an SDK behind an adapter): checks of these note it, not fail. */
  readonly unreported?: readonly ('fault' | 'retryable' | 'isModeledClass')[];
  /** The client refused the request itself (its own validation): nothing was sent. */
  readonly refusedByClient?: true;
}

export interface Observation {
  readonly operation: OperationName;
  readonly input: Record<string, unknown>;
  readonly via: 'sdk' | 'wire';
  /** Every HTTP exchange of the call, in order (retries included); absent where there is no wire. */
  readonly wire?: readonly WireExchange[];
  readonly client: ClientView;
  /** The call never got an answer: timeout, connection refused. */
  readonly transportError?: string;
  /** The target refused to send the call at all (the aws target's guard), and why: not an answer of the service. */
  readonly refused?: string;
  readonly durationMs: number;
}

export interface CallOptions {
  /** Time limit of this call, all attempts included. */
  readonly timeoutMs?: number;
  /** Attempts of the call (1 = no retry); default: the target's `defaultAttempts`. */
  readonly maxAttempts?: number;
  /**
   * The client throws the first answer away once it has arrived, as if the connection dropped, and
   * the SDK retries with the same request (targets/lostAnswer.ts). Targets with `lose-first-answer`.
   */
  readonly loseFirstAnswer?: boolean;
  /**
   * The target answers the call's first attempts with these errors, one each, before the service
   * sees them (our emulator's scripted faults). Targets with `fail-first-attempts`.
   */
  readonly failFirstAttempts?: readonly ErrorName[];
}

/**
 * What a target can do beyond calling an operation through its client (targets/capabilities.ts says
 * what each enables). Suites and checks ask for these, never for a target's kind.
 */
export type Capability =
  /** `sendRaw`: requests built from the spec's binding, around the SDK. */
  | 'raw-send'
  /** `Observation.wire`: the HTTP exchanges of every call. */
  | 'wire-capture'
  /** `admin`: our emulator's controls (faults, quota, create delay). */
  | 'admin'
  /** `scopedTarget`: the same service called with a key limited to some operations. */
  | 'scoped-credentials'
  /** `ledger`: the stores the run's own requests created (a guarded shared account). */
  | 'ledger'
  /** `Observation.client`: the client's view of each answer (output; error name, fault, retryable, modelled class). */
  | 'client-view'
  /** The `loseFirstAnswer` call option. */
  | 'lose-first-answer'
  /** The `failFirstAttempts` call option. */
  | 'fail-first-attempts';

export interface Target {
  readonly name: string;
  /** What the target is, as reports and messages name it; no suite or check decides by it. */
  readonly kind: 'emulator' | 'endpoint' | 'mock' | 'aws';
  /** What the target can do; the members below that carry a capability are present exactly when it is. */
  readonly capabilities: ReadonlySet<Capability>;
  /** Why the target lacks a capability, where there is more to say than the general reason (targets/capabilities.ts). */
  readonly lacking?: Partial<Readonly<Record<Capability, string>>>;
  /** Where the target listens, when it does. */
  readonly endpoint?: string;
  readonly region: string;
  /**
   * Attempts of a call whose options name none (absent: 1): 1 + the retries of transient answers a
   * run gives a target that injects faults (`--retries`), or the aws target's own default.
   */
  readonly defaultAttempts?: number;
  /** The SDK the calls go through, where it is not the JS SDK v3 in this process: its name and version. */
  readonly client?: string;
  /** Calls an operation through the SDK. */
  call(operation: OperationName, input: Record<string, unknown>, options?: CallOptions): Promise<Observation>;
  /** With `raw-send`: sends a request as raw HTTP built from the spec's binding, for what an SDK cannot express. */
  sendRaw?(operation: OperationName, input: Record<string, unknown>, options?: CallOptions): Promise<Observation>;
  /** With `admin`: the emulator's controls. */
  readonly admin?: EmulatorAdmin;
  /** With `scoped-credentials`: a target of the same service whose key may call only `allowedOperations`; the caller closes it. */
  scopedTarget?(allowedOperations: readonly OperationName[]): Promise<Target>;
  /** With `ledger`: the stores the run's own requests created. */
  readonly ledger?: StoreLedger;
  close(): Promise<void>;
}
