// A target named in one word, for diff's --a and --b: `emulator`, `mock`, `aws`, `endpoint=URL`
// (or the URL alone).
import { StoreLedger } from '../../targets/ledger.ts';
import type { ConformanceOptions } from '../runConformance.ts';
import { TARGET_KINDS, type TargetKind } from '../targetFactory.ts';
import { UsageError } from '../usage.ts';

export function parseTargetSpec(command: string, flag: string, text: string): ConformanceOptions {
  const eq = text.indexOf('=');
  const kind = eq >= 0 ? text.slice(0, eq) : /^https?:\/\//.test(text) ? 'endpoint' : text;
  const endpoint = eq >= 0 ? text.slice(eq + 1) : kind === 'endpoint' ? text : undefined;
  if (!(TARGET_KINDS as readonly string[]).includes(kind)) throw new UsageError(`${command}: ${flag} ${text}: give one of ${TARGET_KINDS.filter((k) => k !== 'endpoint').join(', ')}, or endpoint=URL`);
  if (kind === 'endpoint' && !endpoint) throw new UsageError(`${command}: ${flag} ${text}: give the endpoint's URL, e.g. ${flag} endpoint=http://127.0.0.1:4566`);
  if (kind !== 'endpoint' && kind !== 'aws' && endpoint !== undefined) throw new UsageError(`${command}: ${flag} ${text}: only endpoint and aws take a URL`);
  // Each side keeps its own ledger of the stores its requests made.
  return { target: kind as TargetKind, ...(endpoint ? { endpoint } : {}), ledger: new StoreLedger() };
}
