// A reproduction a person can paste: an AWS CLI v1 command against the endpoint, and the raw HTTP
// request. Built from plain data (operation, input, endpoint), so any reporter can print it.
import { encodeRequest, operations, type OperationName } from '../specs/index.ts';
import { toWireForm } from '../targets/sdkForm.ts';

export interface Reproduction {
  readonly awsCli: string;
  readonly http: string;
  readonly curl: string;
}

export interface ReproductionTarget {
  readonly endpoint?: string;
  readonly region: string;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Single-quoted for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function reproduce(operation: OperationName, input: Record<string, unknown>, target: ReproductionTarget): Reproduction {
  const spec = operations[operation];
  const wireInput = toWireForm(spec.input, input) as Record<string, unknown>;
  const endpoint = target.endpoint;
  const cli = [
    ...(endpoint ? ['AWS_DISABLE_HOST_PREFIX_INJECTION=true'] : []),
    'aws omics',
    kebab(operation),
    ...(endpoint ? ['--endpoint-url', endpoint] : []),
    '--region',
    target.region,
    '--cli-input-json',
    shellQuote(JSON.stringify(wireInput)),
  ].join(' ');
  const raw = encodeRequest(operation, wireInput);
  const host = endpoint ? new URL(endpoint).host : `${raw.hostPrefix}omics.${target.region}.amazonaws.com`;
  const headers = { host, ...raw.headers };
  const http = [`${raw.method} ${raw.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', raw.body].join('\r\n');
  const base = endpoint ?? `https://${host}`;
  const curl = [
    'curl -sS -i',
    '-X',
    raw.method,
    ...Object.entries(raw.headers).flatMap(([k, v]) => ['-H', shellQuote(`${k}: ${v}`)]),
    ...(raw.body ? ['--data-binary', shellQuote(raw.body)] : []),
    shellQuote(`${base.replace(/\/$/, '')}${raw.path}`),
  ].join(' ');
  return { awsCli: cli, http, curl };
}

export interface ReplayTarget extends ReproductionTarget {
  readonly kind: string;
}

/**
 * The whole command that runs one failing case again on the target it failed on: the replay value
 * with the target, endpoint and region, and only the suite the value names.
 */
export function replayCommand(value: string, target: ReplayTarget): string {
  const suite = /^([a-z]+)\//.exec(value)?.[1];
  const where =
    target.kind === 'emulator'
      ? []
      : target.kind === 'mock'
        ? ['--target', 'mock']
        : target.kind === 'aws'
          ? ['--target', 'aws', '--allow-real-resources', '--region', target.region, ...(target.endpoint ? ['--endpoint', target.endpoint] : [])]
          : ['--endpoint', target.endpoint ?? '<URL>', '--region', target.region];
  return ['npx omics-conformance run', ...where, ...(suite ? ['--suites', suite] : []), '--replay', shellQuote(value)].join(' ');
}
