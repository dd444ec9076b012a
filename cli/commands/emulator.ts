// omics-conformance emulator: serve the reference HealthOmics emulator until SIGINT or SIGTERM.
import { ConfigError, defaultBehaviour, defaultHttp, defaultIdentity, FAULT_SYNTAX, parseFaultSpec, startEmulator, type FaultPlan } from '../../emulator/index.ts';
import { parseCredentialSpec, type Credential } from '../../emulator/sigv4/verifier.ts';
import { parseUnicodeVersion, unicodeVersions } from '../../specs/index.ts';
import { parseOptions, UsageError } from '../usage.ts';

const HELP = `Usage: omics-conformance emulator [options]

Serve the reference HealthOmics sequence-store emulator over HTTP (restJson1).

Options:
  --port N                 port to listen on (default 4566; 0 = any free port)
  --host H                 address to bind (default ${defaultHttp.host})
  --region R               region in ARNs (default ${defaultIdentity.region})
  --account A              12-digit account id in ARNs (default ${defaultIdentity.account})
  --create-delay-ms N      how long a new store stays CREATING (default 0)
  --update-delay-ms N      how long an updated store stays UPDATING (default 0)
  --delete-delay-ms N      how long a deleted store stays DELETING (default 0)
  --quota N                most stores at once; more is ServiceQuotaExceededException
  --idempotency-mismatch M what a clientToken reused with another request does:
                           reject (default, ValidationException), original, new
  --no-documented-limits   accept requests over documented (SHOULD) limits, e.g. 51 tags on create
  --unicode-version V      judge names, descriptions and tokens by the character categories of
                           Unicode V, as a service whose runtime knows V would (default
                           ${defaultBehaviour.unicodeVersion}; one of ${unicodeVersions.join(', ')})
  --faults SPEC            inject faults: ${FAULT_SYNTAX}
  --seed N                 seed of ids and rate faults (default 1)
  --state-file F           load state from F at start and save every change to it
  --verify-sigv4           require SigV4 signatures from the --credentials
  --credentials AKID:SECRET[:Op1,Op2]
                           a key the emulator accepts (repeatable); ':readonly' limits it to read operations
  -h, --help               show this help

Prints the URL on stdout, then serves until SIGINT or SIGTERM.`;

function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number of 0 or more, got '${value}'`);
  return Number(value);
}

export async function main(argv: string[]): Promise<number> {
  const v = parseOptions('emulator', argv, {
    port: { type: 'string', default: '4566' },
    host: { type: 'string' },
    region: { type: 'string' },
    account: { type: 'string' },
    'create-delay-ms': { type: 'string' },
    'update-delay-ms': { type: 'string' },
    'delete-delay-ms': { type: 'string' },
    quota: { type: 'string' },
    'idempotency-mismatch': { type: 'string' },
    'no-documented-limits': { type: 'boolean' },
    'unicode-version': { type: 'string' },
    faults: { type: 'string' },
    seed: { type: 'string' },
    'state-file': { type: 'string' },
    'verify-sigv4': { type: 'boolean' },
    credentials: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    console.log(HELP);
    return 0;
  }
  const port = whole('port', v.port)!;
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  let faults: FaultPlan | undefined;
  let seed = whole('seed', v.seed);
  if (v.faults !== undefined) {
    try {
      const change = parseFaultSpec(v.faults);
      faults = { rate: 0, errors: [], operations: [], latencyMs: [0, 0], script: [], ...change };
      seed ??= change.seed;
    } catch (error) {
      throw new UsageError(`--faults: ${(error as Error).message}`);
    }
  }
  let credentials: Credential[] | undefined;
  try {
    credentials = v.credentials?.map(parseCredentialSpec);
  } catch (error) {
    throw new UsageError(`--credentials: ${(error as Error).message}`);
  }
  if (v['verify-sigv4'] && !credentials?.length) throw new UsageError('--verify-sigv4 needs at least one --credentials AKID:SECRET');
  if (credentials?.length && !v['verify-sigv4']) throw new UsageError('--credentials is used only with --verify-sigv4');
  const mismatch = v['idempotency-mismatch'];
  if (mismatch !== undefined && !['reject', 'original', 'new'].includes(mismatch)) throw new UsageError(`--idempotency-mismatch must be reject, original or new, got '${mismatch}'`);

  const unicodeVersion = v['unicode-version'];
  if (unicodeVersion !== undefined && !parseUnicodeVersion(unicodeVersion)) throw new UsageError(`--unicode-version must be one of ${unicodeVersions.join(', ')}, got '${unicodeVersion}'`);

  let emulator;
  try {
    emulator = await startEmulator({
      port,
      ...(v.host !== undefined ? { host: v.host } : {}),
      ...(v.region !== undefined ? { region: v.region } : {}),
      ...(v.account !== undefined ? { account: v.account } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(faults ? { faults } : {}),
      ...(v['state-file'] !== undefined ? { stateFile: v['state-file'] } : {}),
      ...(v['verify-sigv4'] ? { verifySigV4: true, credentials } : {}),
      createDelayMs: whole('create-delay-ms', v['create-delay-ms']),
      updateDelayMs: whole('update-delay-ms', v['update-delay-ms']),
      deleteDelayMs: whole('delete-delay-ms', v['delete-delay-ms']),
      quota: whole('quota', v.quota),
      ...(unicodeVersion !== undefined ? { unicodeVersion } : {}),
      behaviour: {
        ...(mismatch !== undefined ? { idempotencyMismatch: mismatch as 'reject' } : {}),
        ...(v['no-documented-limits'] ? { enforceDocumentedLimits: false } : {}),
      },
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`emulator: ${error.message}`);
    throw new UsageError(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { config } = emulator.core;
  console.log(emulator.url);
  console.error(`omics-conformance emulator: serving on ${emulator.url} (region ${config.region}, account ${config.account}, Unicode ${config.behaviour.unicodeVersion}); admin routes under ${emulator.url}/_emulator; Ctrl-C to stop`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.error(`omics-conformance emulator: ${signal}, closing`);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve();
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  await emulator.close();
  return 0;
}
