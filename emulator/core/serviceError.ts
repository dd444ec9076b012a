// A modelled error the core answers with: the front turns it into status, x-amzn-errortype and body.
import { errors, type ErrorName } from '../../specs/index.ts';

export class ServiceError extends Error {
  constructor(
    readonly errorName: ErrorName,
    message: string,
  ) {
    super(message);
    this.name = errorName;
  }

  get httpStatus(): number {
    return errors[this.errorName].httpStatus;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}
