// Builds the target a run asks for, from options a person or a test gives.
import type { EmulatorOptions } from '../emulator/index.ts';
import { localCredentials, localRegion } from '../targets/credentials.ts';
import { awsTarget } from '../targets/aws.ts';
import { emulatorTarget, scopedEmulator } from '../targets/emulator.ts';
import { endpointTarget } from '../targets/endpoint.ts';
import type { StoreLedger } from '../targets/ledger.ts';
import { mockTarget } from '../targets/mock.ts';
import type { ClientDeviations } from '../targets/clientDeviations.ts';
import type { Target } from '../targets/types.ts';
import { startEmulator } from '../emulator/index.ts';
import { AdapterFailure, AdapterUnavailable, type AdapterCommand } from '../targets/adapterProcess.ts';
import { adapterTarget } from '../targets/adapterTarget.ts';
import { DUMMY_CREDENTIALS } from '../targets/credentials.ts';
import { emulatorAdminAt, inProcessAdmin, type EmulatorAdmin } from '../targets/emulatorAdmin.ts';
import { inProcessLink, routeLink } from '../targets/emulatorLink.ts';
import { DEFAULT_TIMEOUT_MS } from '../targets/sdkClient.ts';
import { customAdapter, DEFAULT_SDK, SDK_NAMES, shippedAdapter, type SdkName } from '../targets/sdks.ts';
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
  /** For `emulator`: the region the client calls, where it differs from the emulator's (testing the harness). */
  readonly clientRegion?: string;
  /** For `emulator`: a client that departs from the HTTP binding on purpose (proving the wire checks). */
  readonly clientDeviations?: ClientDeviations;
  /**
   * For `emulator`, `endpoint` and `aws`: retries of a transient answer (throttling, 5xx, the request
   * timeout) for every call that names no number of attempts, SDK and raw sends alike, with the same
   * request and token (default 0; the aws target keeps its own adaptive default unless given). For
   * targets that inject faults. The mock ignores it.
   */
  readonly retries?: number;
  /** For `aws`: the person said the run may create (and delete) stores in their account. */
  readonly allowRealResources?: boolean;
  /** For `aws`: most stores the run may create (default DEFAULT_MAX_STORES). */
  readonly maxStores?: number;
  /** For `aws`: requests per second (default DEFAULT_RATE). */
  readonly rate?: number;
  /** For `aws`: the ledger of the stores the run creates, when the caller wants to read it (e.g. on a signal). */
  readonly ledger?: StoreLedger;
  /** For `emulator` and `endpoint`: the SDK the calls go through (default js-v3, in process; the others behind their adapter). */
  readonly sdk?: SdkName;
  /** For `emulator` and `endpoint`: the command line of an adapter of one's own (README.md, "Verify an SDK"), instead of `sdk`. */
  readonly sdkAdapter?: string;
}

export const DEFAULT_MAX_STORES = 25;
/** Most stores a run against the real service holds at once unless told: well inside an account's store quota. */
export const DEFAULT_MAX_LIVE_STORES = 5;
export const DEFAULT_RATE = 5;

export const DEFAULT_REGION = 'us-east-1';
/** Most retries of a transient answer a run may ask for. */
export const MAX_RETRIES = 10;

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

/** The region of the aws target: --region, else AWS_REGION, else AWS_DEFAULT_REGION; there is no default. */
export function awsRegion(choice: TargetChoice, env: NodeJS.ProcessEnv): string {
  const region = choice.region ?? localRegion(env);
  if (!region) throw new UsageError('--target aws needs a region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION');
  return region;
}

function checkPositive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new UsageError(`${name} must be above 0 (got ${value})`);
}

/** The target a choice asks for: --target, else an endpoint when --endpoint or AWS_ENDPOINT_URL_OMICS gives one, else the embedded emulator. */
export function targetKind(choice: TargetChoice, env: NodeJS.ProcessEnv = process.env): TargetKind {
  return choice.target ?? (choice.endpoint || env.AWS_ENDPOINT_URL_OMICS ? 'endpoint' : 'emulator');
}

/** The adapter a choice asks for; undefined for the JS SDK v3 in process. */
export function adapterOf(choice: TargetChoice): AdapterCommand | undefined {
  if (choice.sdk !== undefined && choice.sdkAdapter !== undefined) throw new UsageError('give --sdk or --sdk-adapter, not both');
  if (choice.sdkAdapter !== undefined) {
    if (choice.sdkAdapter.trim() === '') throw new UsageError('--sdk-adapter needs the command line that starts an adapter');
    return customAdapter(choice.sdkAdapter);
  }
  const sdk = choice.sdk ?? DEFAULT_SDK;
  if (!(SDK_NAMES as readonly string[]).includes(sdk)) throw new UsageError(`--sdk ${sdk}: SDKs are ${SDK_NAMES.join(', ')} (or --sdk-adapter "COMMAND" for an adapter of your own)`);
  return shippedAdapter(sdk);
}

/** The controls of an endpoint that is our emulator, or why it has none (the `admin` capability), as target options. */
async function adminAt(endpoint: string, choice: TargetChoice): Promise<{ admin: EmulatorAdmin } | { lacking: { admin: string } }> {
  const found = await emulatorAdminAt(endpoint, choice.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return 'admin' in found ? { admin: found.admin } : { lacking: { admin: found.reason } };
}

/** The target through an adapter: the embedded emulator or an endpoint, the emulator's log as its wire. */
async function throughAdapter(kind: TargetKind, adapter: AdapterCommand, choice: TargetChoice, env: NodeJS.ProcessEnv): Promise<Target> {
  const common = { adapter, ...(choice.timeoutMs !== undefined ? { timeoutMs: choice.timeoutMs } : {}), ...(choice.retries !== undefined ? { retries: choice.retries } : {}) };
  const started = async (make: () => Promise<Target>) => {
    try {
      return await make();
    } catch (err) {
      // A client that is not installed, or an adapter that cannot start: nothing was tested.
      if (err instanceof AdapterUnavailable || err instanceof AdapterFailure) throw new UsageError(err.message);
      throw err;
    }
  };
  if (kind === 'emulator') {
    const emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...(choice.region ? { region: choice.region } : {}), ...choice.emulator });
    const key = choice.emulator?.credentials?.[0] ?? DUMMY_CREDENTIALS;
    try {
      return await started(() =>
        adapterTarget({ ...common, endpoint: emulator.url, region: emulator.core.config.region, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey }, kind: 'emulator', name: 'embedded emulator', link: inProcessLink(emulator), admin: inProcessAdmin(emulator.core), scopedService: (allowed) => scopedEmulator(emulator, allowed), onClose: () => emulator.close() }),
      );
    } catch (err) {
      await emulator.close();
      throw err;
    }
  }
  if (kind !== 'endpoint') throw new UsageError(`${adapter.label} runs against the embedded emulator or an --endpoint, not --target ${kind}`);
  const endpoint = endpointUrl(choice, env);
  // One probe of the admin route gives both the controls and the log the wire is read from.
  const admin = await adminAt(endpoint, choice);
  const link = 'admin' in admin ? { link: routeLink(endpoint, admin.admin) } : {};
  return started(() => adapterTarget({ ...common, endpoint, region: choice.region ?? localRegion(env) ?? DEFAULT_REGION, credentials: localCredentials(env), kind: 'endpoint', name: `endpoint ${endpoint}`, ...link, ...admin }));
}

export async function createTarget(choice: TargetChoice, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const kind = targetKind(choice, env);
  const adapter = adapterOf(choice);
  const timeout = choice.timeoutMs !== undefined ? { timeoutMs: choice.timeoutMs } : {};
  if (choice.retries !== undefined && !(Number.isInteger(choice.retries) && choice.retries >= 0 && choice.retries <= MAX_RETRIES)) {
    throw new UsageError(`--retries must be a whole number from 0 to ${MAX_RETRIES} (got ${choice.retries})`);
  }
  const retries = choice.retries !== undefined ? { retries: choice.retries } : {};
  if (adapter) return throughAdapter(kind, adapter, choice, env);
  switch (kind) {
    case 'emulator':
      return emulatorTarget({ ...(choice.region ? { region: choice.region } : {}), ...choice.emulator, ...(choice.clientRegion ? { clientRegion: choice.clientRegion } : {}), ...(choice.clientDeviations ? { clientDeviations: choice.clientDeviations } : {}), ...timeout, ...retries });
    case 'mock':
      return mockTarget({ ...(choice.region ? { region: choice.region } : {}), ...choice.emulator, ...timeout });
    case 'endpoint': {
      const endpoint = endpointUrl(choice, env);
      return endpointTarget({ endpoint, region: choice.region ?? localRegion(env) ?? DEFAULT_REGION, credentials: localCredentials(env), ...timeout, ...retries, ...(await adminAt(endpoint, choice)) });
    }
    case 'aws': {
      if (!choice.allowRealResources) throw new UsageError('--target aws creates and deletes stores in your AWS account: add --allow-real-resources to let it (see run --help), or --plan to see what it would do');
      checkPositive('--max-stores', choice.maxStores);
      checkPositive('--rate', choice.rate);
      if (choice.maxStores !== undefined && !Number.isInteger(choice.maxStores)) throw new UsageError(`--max-stores must be a whole number (got ${choice.maxStores})`);
      // An explicit --endpoint is the real-service rules at that URL (tests pose the emulator as AWS).
      const endpoint = choice.endpoint !== undefined ? endpointUrl(choice, env) : undefined;
      return awsTarget({
        region: awsRegion(choice, env),
        ...(endpoint ? { endpoint } : {}),
        ...timeout,
        ...(choice.retries !== undefined ? { maxAttempts: 1 + choice.retries } : {}),
        guard: { maxStores: choice.maxStores ?? DEFAULT_MAX_STORES, ratePerSecond: choice.rate ?? DEFAULT_RATE, ...(choice.ledger ? { ledger: choice.ledger } : {}) },
      });
    }
    default:
      throw new UsageError(`unknown target '${String(kind)}'; targets: ${TARGET_KINDS.join(', ')}`);
  }
}
