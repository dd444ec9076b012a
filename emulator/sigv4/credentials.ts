// Credentials the emulator accepts when it verifies SigV4, parsed from `AKID:SECRET[:Op1,Op2]` specs.
import { operationNames, operations } from '../../specs/index.ts';

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Operations this key may call; absent = all. The caller turns a call outside them into AccessDenied. */
  allowedOperations?: readonly string[];
}

/** Keyword accepted in place of an operation list: every operation the contract marks read-only. */
export const READ_ONLY_KEYWORD = 'readonly';

const FORM = 'expected ACCESS_KEY_ID:SECRET_ACCESS_KEY or ACCESS_KEY_ID:SECRET_ACCESS_KEY:Operation1,Operation2';

export function readOnlyOperations(): string[] {
  return operationNames.filter((name) => operations[name].readonly === true);
}

export function parseCredentialSpec(spec: string): Credential {
  const fail = (why: string): never => {
    throw new Error(`parseCredentialSpec: ${why} in credential spec '${redact(spec)}'; ${FORM}`);
  };
  const parts = spec.split(':');
  if (parts.length < 2 || parts.length > 3) fail(`found ${parts.length - 1} ':' separators, expected 1 or 2`);
  const [accessKeyId = '', secretAccessKey = '', operationList] = parts;
  if (accessKeyId === '') fail('the access key id is empty');
  if (secretAccessKey === '') fail('the secret access key is empty');
  if (/\s/.test(accessKeyId)) fail('the access key id contains white space');
  if (/\s/.test(secretAccessKey)) fail('the secret access key contains white space');
  if (operationList === undefined) return { accessKeyId, secretAccessKey };

  const names = operationList.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) fail('the operation list has an empty entry');
  const allowed = new Set<string>();
  for (const name of names) {
    if (name === READ_ONLY_KEYWORD) readOnlyOperations().forEach((op) => allowed.add(op));
    else if ((operationNames as readonly string[]).includes(name)) allowed.add(name);
    else fail(`unknown operation '${name}' (known: ${operationNames.join(', ')}, or '${READ_ONLY_KEYWORD}')`);
  }
  return { accessKeyId, secretAccessKey, allowedOperations: [...allowed] };
}

export function isOperationAllowed(credential: Credential, operationName: string): boolean {
  return credential.allowedOperations === undefined || credential.allowedOperations.includes(operationName);
}

/** Error messages name the key id but never show the secret. */
function redact(spec: string): string {
  if (!spec.includes(':')) return `<${spec.length} characters, no ':'>`;
  const [id = '', , ...rest] = spec.split(':');
  return [id, '<secret>', ...rest].join(':').slice(0, 200);
}
