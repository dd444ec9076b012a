// Errors of the restJson1 protocol layer rather than of the Omics model: a body that is not JSON, a
// route no operation has, a body too large. Their names and statuses are what AWS front ends use.
import { errors } from '../../specs/index.ts';

export interface ProtocolError {
  readonly type: string;
  readonly status: number;
}

export const serializationError: ProtocolError = { type: 'SerializationException', status: 400 };
export const unknownOperation: ProtocolError = { type: 'UnknownOperationException', status: 404 };
export const bodyTooLarge: ProtocolError = { type: 'RequestEntityTooLargeException', status: 413 };
export const unsupportedMediaType: ProtocolError = { type: 'UnsupportedMediaTypeException', status: 415 };
export const notAcceptable: ProtocolError = { type: 'NotAcceptableException', status: 406 };
/** What node's HTTP parser refuses before a request exists: answered in the same form as every error. */
export const headersTooLarge: ProtocolError = { type: 'RequestHeaderFieldsTooLargeException', status: 431 };
export const uriTooLong: ProtocolError = { type: 'UriTooLongException', status: 414 };
/** An Expect header other than 100-continue. */
export const expectationFailed: ProtocolError = { type: 'ExpectationFailedException', status: 417 };
/** A request that stalls is the model's own RequestTimeoutException. */
export const requestTimeout: ProtocolError = { type: errors.RequestTimeoutException.name, status: errors.RequestTimeoutException.httpStatus };
export const badRequest: ProtocolError = { type: 'BadRequestException', status: 400 };
/** An admin request the emulator does not understand (not an AWS error; only on the admin prefix). */
export const badAdminRequest: ProtocolError = { type: 'BadAdminRequest', status: 400 };
/** A failure of the emulator itself, never of a call: only reached through a bug. */
export const emulatorBug: ProtocolError = { type: 'InternalFailure', status: 500 };
