// Builds the target a run asks for, from options a person or a test gives.
import type { EmulatorOptions } from '../emulator/index.ts';
import { localCredentials, localRegion } from '../targets/credentials.ts';
import { emulatorTarget } from '../targets/emulator.ts';
import { endpointTarget } from '../targets/endpoint.ts';
import { mockTarget } from '../targets/mock.ts';
import type { Target } from '../targets/types.ts';
import { UsageError } from './usage.ts';

export const TARGET_KINDS = ['emulator', 'endpoint', 'mock', 'aws'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface TargetChoice {
  readonly target?: TargetKind;
  /** For `endpoint`: the URL; AWS_ENDPOINT_URL_OMICS or AWS_ENDPOINT_URL when absent. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly timeoutMs?: number;
  /** For `emulator` and `mock`: how the embedded emulator behaves (a variant for testing the harness). */
  readonly emulator?: EmulatorOptions;
}

export const DEFAULT_REGION = 'us-east-1';

function endpointUrl(choice: TargetChoice, env: NodeJS.ProcessEnv): string {
  const url = choice.endpoint ?? env.AWS_ENDPOINT_URL_OMICS ?? env.AWS_ENDPOINT_URL;
  if (!url) throw new UsageError('--target endpoint needs --endpoint URL (or AWS_ENDPOINT_URL_OMICS)');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--endpoint ${url} is not a URL; give one like http://127.0.0.1:4566`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--endpoint ${url}: only http and https endpoints are supported`);
  return url.replace(/\/$/, '');
}

export async function createTarget(choice: TargetChoice, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const kind = choice.target ?? (choice.endpoint ? 'endpoint' : 'emulator');
  const timeout = choice.timeoutMs !== undefined ? { timeoutMs: choice.timeoutMs } : {};
  switch (kind) {
    case 'emulator':
      return emulatorTarget({ ...(choice.region ? { region: choice.region } : {}), ...choice.emulator, ...timeout });
    case 'mock':
      return mockTarget({ ...(choice.region ? { region: choice.region } : {}), ...choice.emulator, ...timeout });
    case 'endpoint':
      return endpointTarget({ endpoint: endpointUrl(choice, env), region: choice.region ?? localRegion(env) ?? DEFAULT_REGION, credentials: localCredentials(env), ...timeout });
    case 'aws':
      throw new UsageError('--target aws is not available yet: the real service needs the safety guards (run tags, cleanup on interrupt, --allow-real-resources) that are still being built');
    default:
      throw new UsageError(`unknown target '${String(kind)}'; targets: ${TARGET_KINDS.join(', ')}`);
  }
}
