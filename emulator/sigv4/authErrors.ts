// The errors AWS's authentication layer answers with. They belong to every AWS JSON service, not to the
// Omics model (specs/ has no entry for them), so their type names and status live here.
export type AuthFailure = { ok: false; status: number; errorType: AuthErrorType; message: string };

export type AuthErrorType =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException';

/** AWS answers every authentication failure of a JSON service with 403 Forbidden. */
const FORBIDDEN = 403;

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export function authFailure(errorType: AuthErrorType, message: string): AuthFailure {
  return { ok: false, status: FORBIDDEN, errorType, message };
}

export const missingToken = (): AuthFailure => authFailure('MissingAuthenticationTokenException', 'Missing Authentication Token');
export const incomplete = (message: string): AuthFailure => authFailure('IncompleteSignatureException', message);
export const unrecognizedClient = (): AuthFailure =>
  authFailure('UnrecognizedClientException', 'The security token included in the request is invalid.');
export const invalidSignature = (message: string = SIGNATURE_MISMATCH_MESSAGE): AuthFailure =>
  authFailure('InvalidSignatureException', message);
