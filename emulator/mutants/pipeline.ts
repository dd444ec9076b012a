// The emulator's pipeline as a value: the steps a call goes through in the core (validation,
// idempotency, the operation's handler, the output, errors) and in the HTTP front (success status,
// body, error encoding). The contract's pipeline is `contractPipeline`; a mutant or variant is a
// wrapper that returns a changed pipeline, and the active ones are composed once when the core is
// made. The core's operations and the front's request handling read no switch: they call the pipeline.
import { operations, type OperationName, type Violation } from '../../specs/index.ts';
import { checkIdempotency, type IdempotencyDecision } from '../core/idempotency.ts';
import { handlers } from '../core/operations/index.ts';
import type { Handler } from '../core/operations/context.ts';
import type { ServiceError } from '../core/serviceError.ts';
import type { CoreState } from '../core/state.ts';
import type { IdempotencyMismatch } from '../config.ts';

export interface ErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface Pipeline {
  /** The violations a request is refused for, from validateInput's. */
  enforced(operation: OperationName, input: Record<string, unknown>, violations: readonly Violation[]): Violation[];
  /** Refuse before the operation takes effect (the contract), or after it (a refused request leaves its change). */
  readonly validateBeforeEffect: boolean;
  idempotency(state: CoreState, operation: OperationName, input: Record<string, unknown>, onMismatch: IdempotencyMismatch): IdempotencyDecision;
  handler(operation: OperationName): Handler;
  output(operation: OperationName, output: Record<string, unknown>): Record<string, unknown>;
  /** A modelled error as it goes out: its type and status. */
  error(error: ServiceError): ServiceError;
  /** An injected fault strikes after the call took effect, as a lost answer would. */
  readonly faultAfterEffect: boolean;
  /** The front refuses a body in another media type (415) and an Accept without JSON (406). */
  readonly checksMediaTypes: boolean;
  successStatus(operation: OperationName): number;
  successBody(operation: OperationName, output: Record<string, unknown>): unknown;
  errorResponse(error: ServiceError): ErrorResponse;
}

export const contractPipeline: Pipeline = {
  enforced: (_operation, _input, violations) => [...violations],
  validateBeforeEffect: true,
  idempotency: checkIdempotency,
  handler: (operation) => handlers[operation],
  output: (_operation, output) => output,
  error: (error) => error,
  faultAfterEffect: false,
  checksMediaTypes: true,
  successStatus: (operation) => operations[operation].http.code,
  successBody: (_operation, output) => output,
  errorResponse: (error) => ({ status: error.httpStatus, headers: { 'x-amzn-errortype': error.wireType }, body: { message: error.message } }),
};

/** One change to the pipeline: the pipeline it wraps in, the pipeline it gives. */
export type PipelineWrapper = (inner: Pipeline) => Pipeline;

export function composePipeline(wrappers: readonly PipelineWrapper[]): Pipeline {
  return wrappers.reduce((p, wrap) => wrap(p), contractPipeline);
}
