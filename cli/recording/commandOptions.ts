// The options of record, verify and diff: run's own (read by run's parser, so a selection means the
// same everywhere) and a few of their own; run's options that make no sense for a command refused.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { conformanceOptionsFrom, RUN_OPTIONS, type RunOptionValues } from '../commands/run.ts';
import { parseDivergences, type Divergence } from '../../reports/baseline/divergences.ts';
import { BaselineError, parseBaseline, type Baseline } from '../../reports/baseline/format.ts';
import type { ConformanceOptions } from '../runConformance.ts';
import { parseOptions, UsageError } from '../usage.ts';

type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/** run's options that judge or plan a run: record, verify and diff judge nothing and plan nothing. */
const JUDGING = ['plan', 'list-checks', 'fail-on', 'expect-failures', 'assume-settle-s'] as const;
/** run's options that choose the cases: verify takes them from the baseline. */
export const SELECTING = ['suites', 'operations', 'checks', 'skip-checks', 'runs', 'seed', 'replay', 'shard'] as const;

export interface CommandOptions {
  readonly values: RunOptionValues;
  readonly options: ConformanceOptions;
}

/**
 * argv read with run's options and `own`; an option in `refused` is a usage error naming `why`.
 * `--help` is answered by the caller before anything is checked.
 */
export async function commandOptions(command: string, argv: string[], own: OptionSpec, refused: readonly string[] = [], why = 'it does not apply here'): Promise<CommandOptions | { readonly help: true }> {
  const values: RunOptionValues = parseOptions(command, argv, { ...RUN_OPTIONS, ...own });
  if (values.help) return { help: true };
  for (const name of [...JUDGING, ...refused]) {
    if (values[name] !== undefined) throw new UsageError(`${command}: --${name}: ${(JUDGING as readonly string[]).includes(name) ? `${command} judges no check and plans nothing; it belongs to run` : why}`);
  }
  return { values, options: await conformanceOptionsFrom(values, command) };
}

export function required(command: string, values: RunOptionValues, name: string, example: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command}: --${name} is required (e.g. --${name} ${example})`);
  return v;
}

async function readText(command: string, flag: string, file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${command}: ${flag} ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

export async function loadBaseline(command: string, file: string): Promise<Baseline> {
  const text = await readText(command, '--baseline', file);
  try {
    return parseBaseline(text, file);
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(`${command}: ${err.message}`);
    throw err;
  }
}

export async function loadDivergences(command: string, file: string | undefined): Promise<Divergence[]> {
  if (file === undefined) return [];
  const text = await readText(command, '--accept', file);
  try {
    return parseDivergences(text, file);
  } catch (err) {
    throw new UsageError(`${command}: --accept ${(err as Error).message}`);
  }
}

/** A file written whole or not at all: a failed write never leaves half a baseline in place of a good one. */
export async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** Proves before a run that `file` can be written where it is to go; a UsageError saying why not. */
export async function writableFile(command: string, flag: string, file: string): Promise<void> {
  const probe = `${file}.${process.pid}.probe`;
  try {
    await writeFile(probe, '');
  } catch (err) {
    throw new UsageError(`${command}: ${flag} ${file}: cannot write there (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  await rm(probe, { force: true });
}
