// A modelled error the core answers with: the front turns it into status, x-amzn-errortype and body.
import { errors, type ErrorName } from '../../specs/index.ts';

export class ServiceError extends Error {
  constructor(
    readonly errorName: ErrorName,
    message: string,
    /** The type and status it goes out with, where a deviation changes them. */
    private readonly wire: { type?: string; status?: number } = {},
  ) {
    super(message);
    this.name = errorName;
  }

  get httpStatus(): number {
    return this.wire.status ?? errors[this.errorName].httpStatus;
  }

  /** The type name a client sees in x-amzn-errortype. */
  get wireType(): string {
    return this.wire.type ?? this.errorName;
  }

  /** The same error as a deviant emulator answers it. */
  deviated(wire: { type?: string; status?: number } | undefined): ServiceError {
    return wire ? new ServiceError(this.errorName, this.message, { ...this.wire, ...wire }) : this;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}
