// The modelled errors of the sequence-store operations: HTTP status, fault and retry semantics.
import { ErrorMessage } from './shapes.ts';
import type { ErrorName, ErrorSpec } from './types.ts';

function error(name: ErrorName, httpStatus: number, fault: ErrorSpec['fault'], retryable?: ErrorSpec['retryable']): ErrorSpec {
  return { name, httpStatus, fault, ...(retryable ? { retryable } : {}), shape: { ...ErrorMessage, name } };
}

export const errors: Readonly<Record<ErrorName, ErrorSpec>> = {
  AccessDeniedException: error('AccessDeniedException', 403, 'client'),
  ConflictException: error('ConflictException', 409, 'client'),
  InternalServerException: error('InternalServerException', 500, 'server', { throttling: false }),
  RequestTimeoutException: error('RequestTimeoutException', 408, 'client'),
  ResourceNotFoundException: error('ResourceNotFoundException', 404, 'client'),
  ServiceQuotaExceededException: error('ServiceQuotaExceededException', 402, 'client'),
  ThrottlingException: error('ThrottlingException', 429, 'client', { throttling: true }),
  ValidationException: error('ValidationException', 400, 'client'),
};

export const errorNames = Object.keys(errors) as ErrorName[];

/**
 * The errors a retry may cure: those the model marks retryable (the server fault, throttling) and
 * the request timeout. Faults the emulator injects at a rate are these; a client retries them.
 */
export const transientErrors: readonly ErrorName[] = errorNames.filter((name) => errors[name].retryable !== undefined || name === 'RequestTimeoutException');
