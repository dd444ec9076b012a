// Errors of the restJson1 protocol layer rather than of the Omics model: a body that is not JSON, a
// route no operation has, a body too large. Their names and statuses are what AWS front ends use.
export interface ProtocolError {
  readonly type: string;
  readonly status: number;
}

export const serializationError: ProtocolError = { type: 'SerializationException', status: 400 };
export const unknownOperation: ProtocolError = { type: 'UnknownOperationException', status: 404 };
export const bodyTooLarge: ProtocolError = { type: 'RequestEntityTooLargeException', status: 413 };
/** An admin request the emulator does not understand (not an AWS error; only on the admin prefix). */
export const badAdminRequest: ProtocolError = { type: 'BadAdminRequest', status: 400 };
/** A failure of the emulator itself, never of a call: only reached through a bug. */
export const emulatorBug: ProtocolError = { type: 'InternalFailure', status: 500 };
