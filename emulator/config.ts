// One configuration object for the whole emulator. Every behaviour the core or the front has is a
// named switch here, so a variant of the emulator (a "mutant") is a different config, not a copy.
import { ACCOUNT_ID_LENGTH, operations, parseUnicodeVersion, SequenceStoreId, UNICODE_NEWEST, unicodeVersions, type UnicodeVersion } from '../specs/index.ts';
import type { FaultPlan } from './core/faults.ts';
import { checkDeviations, noDeviations, type Deviations } from './deviations.ts';

/** What a clientToken reused with a different request does. */
export type IdempotencyMismatch =
  /** ValidationException naming clientToken (the default; modelled for every operation with a token). */
  | 'reject'
  /** The original response, the new request ignored. */
  | 'original'
  /** The token is ignored and the request runs as a new one. */
  | 'new';

export interface BehaviourConfig {
  /** Refuse requests that break documented (SHOULD) limits too, e.g. more than 50 tags on create. */
  readonly enforceDocumentedLimits: boolean;
  /** What a reused clientToken with a different request does. */
  readonly idempotencyMismatch: IdempotencyMismatch;
  /** eTagAlgorithmFamily of a store created without one. */
  readonly defaultETagAlgorithmFamily: string;
  /** Most tags one resource may carry after TagResource merges; undefined = no limit. */
  readonly maxTagsPerResource: number | undefined;
  /** Most stores that may exist at once; undefined = no quota. */
  readonly quota: number | undefined;
  /** CREATING lasts this long; 0 = ACTIVE at once. */
  readonly createDelayMs: number;
  /** UPDATING lasts this long; 0 = ACTIVE at once. */
  readonly updateDelayMs: number;
  /** DELETING lasts this long before the store is gone; 0 = gone at once. */
  readonly deleteDelayMs: number;
  /** The Unicode version whose character categories decide the printable pattern (`\p{…}`), as a service's runtime would. */
  readonly unicodeVersion: UnicodeVersion;
  /** Digits of a new store id, within the contract's SequenceStoreId length. */
  readonly idDigits: number;
}

const idLength = { min: SequenceStoreId.length?.min ?? 1, max: SequenceStoreId.length?.max ?? SequenceStoreId.length?.min ?? 1 };

export interface IdentityConfig {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

export interface CoreConfig extends IdentityConfig {
  readonly behaviour: BehaviourConfig;
  /** Deliberate departures from the contract, for testing a harness; none by default. */
  readonly deviations: Deviations;
  readonly faults: FaultPlan;
  /** Seed of ids and rate faults: the same seed and calls give the same ids and faults. */
  readonly seed: number;
  /** Milliseconds since the epoch; replaceable so tests can move time. */
  readonly now: () => number;
}

export interface HttpConfig {
  readonly host: string;
  readonly port: number;
  /** Request bodies above this many bytes are refused. */
  readonly maxBodyBytes: number;
  /** A whole request (headers and body) must arrive within this time. */
  readonly requestTimeoutMs: number;
  /** Headers must arrive within this time. */
  readonly headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this time. */
  readonly keepAliveTimeoutMs: number;
  /** A socket with no traffic at all is closed after this time. */
  readonly idleTimeoutMs: number;
  /** Entries the request log keeps (oldest dropped first). */
  readonly requestLogLimit: number;
}

const createTags = operations.CreateSequenceStore.input.members.tags;

export const defaultBehaviour: BehaviourConfig = {
  enforceDocumentedLimits: true,
  idempotencyMismatch: 'reject',
  defaultETagAlgorithmFamily: operations.CreateSequenceStore.input.members.eTagAlgorithmFamily!.documented!.default!,
  maxTagsPerResource: createTags?.documented?.length?.max,
  quota: undefined,
  createDelayMs: 0,
  updateDelayMs: 0,
  deleteDelayMs: 0,
  unicodeVersion: UNICODE_NEWEST,
  idDigits: idLength.min,
};

export const defaultIdentity: IdentityConfig = {
  partition: 'aws',
  region: 'us-east-1',
  account: '1'.repeat(ACCOUNT_ID_LENGTH),
};

export const defaultHttp: HttpConfig = {
  host: '127.0.0.1',
  port: 0,
  maxBodyBytes: 1024 * 1024,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  requestLogLimit: 1000,
};

export const noFaults: FaultPlan = { rate: 0, errors: [], operations: [], latencyMs: [0, 0], script: [] };

/** Shortcuts for the behaviour switches of the same names. */
export interface BehaviourShortcuts {
  readonly createDelayMs?: number;
  readonly updateDelayMs?: number;
  readonly deleteDelayMs?: number;
  readonly quota?: number;
  /** The Unicode version the printable pattern is judged by: `15.1` or `15.1.0` (default: the newest of the pinned window). */
  readonly unicodeVersion?: string;
}

export type CoreOptions = Partial<Omit<CoreConfig, 'behaviour'>> & BehaviourShortcuts & { readonly behaviour?: Partial<BehaviourConfig> };

/** The error a bad option gets: the option's name and what it must be. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function nonNegative(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new ConfigError(`${name} must be a number of 0 or more, got ${value}`);
}

export function resolveCoreConfig(options: CoreOptions = {}): CoreConfig {
  const { createDelayMs, updateDelayMs, deleteDelayMs, quota, unicodeVersion } = options;
  const shortcuts = definedOnly({ createDelayMs, updateDelayMs, deleteDelayMs, quota, unicodeVersion: unicodeVersion as UnicodeVersion | undefined });
  const behaviour: BehaviourConfig = { ...defaultBehaviour, ...canonicalBehaviour({ ...definedOnly(options.behaviour ?? {}), ...shortcuts }) };
  const config: CoreConfig = {
    ...defaultIdentity,
    ...definedOnly({ partition: options.partition, region: options.region, account: options.account }),
    behaviour,
    faults: options.faults ?? noFaults,
    deviations: options.deviations ?? noDeviations,
    seed: options.seed ?? 1,
    now: options.now ?? Date.now,
  };
  checkCoreConfig(config);
  return config;
}

/** A behaviour change with its values in the form the config holds (`15.1.0` → `15.1`). */
export function canonicalBehaviour(change: Partial<BehaviourConfig>): Partial<BehaviourConfig> {
  return typeof change.unicodeVersion === 'string' ? { ...change, unicodeVersion: unicodeVersionOption(change.unicodeVersion) } : change;
}

export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Throws ConfigError naming the first option that is out of range. */
export function checkCoreConfig(config: CoreConfig): void {
  checkDeviations(config.deviations);
  if (!/^[a-z0-9-]+$/.test(config.region)) throw new ConfigError(`region must be lower-case letters, digits and hyphens (like us-east-1), got '${config.region}'`);
  if (!/^[a-z-]+$/.test(config.partition)) throw new ConfigError(`partition must be lower-case letters and hyphens (like aws), got '${config.partition}'`);
  if (!new RegExp(`^[0-9]{${ACCOUNT_ID_LENGTH}}$`).test(config.account)) throw new ConfigError(`account must be ${ACCOUNT_ID_LENGTH} digits, got '${config.account}'`);
  nonNegative('createDelayMs', config.behaviour.createDelayMs);
  nonNegative('updateDelayMs', config.behaviour.updateDelayMs);
  nonNegative('deleteDelayMs', config.behaviour.deleteDelayMs);
  if (config.behaviour.quota !== undefined && !(Number.isInteger(config.behaviour.quota) && config.behaviour.quota >= 0)) throw new ConfigError(`quota must be a whole number of 0 or more, got ${config.behaviour.quota}`);
  if (!['reject', 'original', 'new'].includes(config.behaviour.idempotencyMismatch)) throw new ConfigError(`idempotencyMismatch must be reject, original or new, got '${config.behaviour.idempotencyMismatch}'`);
  for (const key of ['enforceDocumentedLimits'] as const) {
    if (typeof config.behaviour[key] !== 'boolean') throw new ConfigError(`${key} must be true or false`);
  }
  const tags = config.behaviour.maxTagsPerResource;
  if (tags !== undefined && !(Number.isInteger(tags) && tags >= 0)) throw new ConfigError(`maxTagsPerResource must be a whole number of 0 or more, got ${tags}`);
  if (typeof config.behaviour.defaultETagAlgorithmFamily !== 'string') throw new ConfigError('defaultETagAlgorithmFamily must be a string');
  const digits = config.behaviour.idDigits;
  if (!(Number.isInteger(digits) && digits >= idLength.min && digits <= idLength.max)) throw new ConfigError(`idDigits must be a whole number from ${idLength.min} to ${idLength.max} (the SequenceStoreId length), got ${digits}`);
  if (!unicodeVersions.includes(config.behaviour.unicodeVersion)) throw new ConfigError(unknownUnicodeVersion(config.behaviour.unicodeVersion));
}

export function unknownUnicodeVersion(value: unknown): string {
  return `unicodeVersion must be one of ${unicodeVersions.join(', ')}, got '${String(value)}'`;
}

/** A Unicode version as given (`15.1` or `15.1.0`) in the form the config holds; ConfigError when outside the window. */
export function unicodeVersionOption(value: string): UnicodeVersion {
  const v = parseUnicodeVersion(value);
  if (!v) throw new ConfigError(unknownUnicodeVersion(value));
  return v;
}
