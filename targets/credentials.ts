// Credentials for local targets: the caller's AWS variables when set, dummy ones otherwise (an
// emulator without SigV4 verification accepts any signature).
import type { AwsCredentialIdentity } from '@smithy/types';

export const DUMMY_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'AKIDOMICSCONFORMANCE', secretAccessKey: 'omics-conformance-dummy-secret' };

export function localCredentials(env: NodeJS.ProcessEnv = process.env): AwsCredentialIdentity {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    };
  }
  return DUMMY_CREDENTIALS;
}

export function localRegion(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
}
