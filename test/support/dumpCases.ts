// Prints the cases the generators make from given seeds, so two Node.js runtimes can be compared
// (test/generators/crossRuntime.test.ts). Runs on Node 18 as well as 20: no newer API in here.
//
//   node --import tsx test/support/dumpCases.ts [--full] [SEED...]     (default seeds: 1 42 20251129)
//
// Per seed, one line `seed <n> sha256 <hex> cases <count>`; with --full, then one line per case:
// `{"source":…,"index":…,"case":…}` (or `"commands":…` for a lifecycle sequence). The hash is over
// exactly those case lines joined by "\n". Every seed's dump holds the boundary cases (they take no
// seed), then, per operation, 50 valid and 50 invalid random cases, then 20 lifecycle sequences,
// then the verdicts: validateInput on a name of each Unicode probe character, over the window and in
// each of its versions, and the unicode suite's verdict on the answers of a service at each version.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fc from 'fast-check';
import { allBoundaryCases } from '../../generators/boundaryCases.ts';
import { invalidCase } from '../../generators/invalidCase.ts';
import { lifecycleCommands } from '../../generators/lifecycleCommands.ts';
import { validCase } from '../../generators/validCase.ts';
import { unicodeProbes } from '../../generators/unicodeProbes.ts';
import { operationNames, pinnedCharClass, PRINTABLE_UNICODE_PATTERN, unicodeVersions, validateInput } from '../../specs/index.ts';
import { unicodeVerdict } from '../../suites/unicode/verdict.ts';

export const defaultSeeds = [1, 42, 20251129] as const;
const RUNS = 50;
const LIFECYCLE_RUNS = 20;

/**
 * JSON with what plain JSON would lose made explicit: Dates (invalid ones too, which toJSON turns
 * into null), undefined members, NaN, ±Infinity, -0 and bigints. Lone surrogates come out as
 * `\udXXX` escapes (well-formed JSON.stringify), so the text is the same bytes on every runtime.
 */
function replacer(this: unknown, key: string, value: unknown): unknown {
  // JSON.stringify has already called Date#toJSON: look at the holder's own value.
  const raw = key === '' && this === undefined ? value : (this as Record<string, unknown>)[key];
  if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString() };
  if (value === undefined) return { $undefined: true };
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return { $number: Object.is(value, -0) ? '-0' : String(value) };
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  return value;
}

export const toJson = (value: unknown): string => JSON.stringify(value, replacer);

/** A fast-check command sequence as data: each command's class and fields (fc wraps each command as `.cmd`). */
function commandsOf(sequence: Iterable<unknown>): unknown[] {
  return [...sequence].map((wrapped) => {
    const cmd = ((wrapped as { cmd?: unknown }).cmd ?? wrapped) as object;
    return { command: cmd.constructor.name, ...cmd };
  });
}

/** The dump of one seed: one JSON text per case, in a fixed order. */
export function caseLines(seed: number): string[] {
  const lines: string[] = [];
  allBoundaryCases().forEach((c, index) => lines.push(toJson({ source: 'boundary', index, case: c })));
  for (const op of operationNames) {
    fc.sample(validCase(op), { seed, numRuns: RUNS }).forEach((c, index) => lines.push(toJson({ source: `valid ${op}`, index, case: c })));
    fc.sample(invalidCase(op), { seed, numRuns: RUNS }).forEach((c, index) => lines.push(toJson({ source: `invalid ${op}`, index, case: c })));
  }
  fc.sample(lifecycleCommands(), { seed, numRuns: LIFECYCLE_RUNS }).forEach((s, index) =>
    lines.push(toJson({ source: 'lifecycle', index, commands: commandsOf(s) })),
  );
  const probes = unicodeProbes(PRINTABLE_UNICODE_PATTERN);
  probes.forEach((p, index) => {
    const name = `probe ${p.char}`;
    const perVersion = unicodeVersions.map((v) => validateInput('CreateSequenceStore', { name }, { unicodeVersion: v }).map((x) => x.level));
    lines.push(toJson({ source: 'verdict', index, probe: p, window: validateInput('CreateSequenceStore', { name }), perVersion }));
  });
  const printable = pinnedCharClass(PRINTABLE_UNICODE_PATTERN)!;
  unicodeVersions.forEach((v, index) => {
    const answers = probes.map((probe) => ({ probe, answer: printable.allowedIn(probe.codePoint, v) ? ('admitted' as const) : ('refused' as const), detail: '' }));
    lines.push(toJson({ source: 'unicode verdict', index, version: v, verdict: unicodeVerdict(answers) }));
  });
  return lines;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const full = args.includes('--full');
  const seedArgs = args.filter((a) => a !== '--full');
  const bad = seedArgs.filter((a) => !/^-?\d+$/.test(a));
  if (bad.length) {
    console.error(`usage: dumpCases.ts [--full] [SEED...] (integer seeds; not ${bad.join(' ')})`);
    process.exit(2);
  }
  const seeds = seedArgs.length ? seedArgs.map(Number) : [...defaultSeeds];
  for (const seed of seeds) {
    const lines = caseLines(seed);
    const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
    process.stdout.write(`seed ${seed} sha256 ${hash} cases ${lines.length}\n`);
    if (full) process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  }
}
