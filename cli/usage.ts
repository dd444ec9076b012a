// Usage errors: one clear line on stderr and exit code 2, never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A command's options parsed strictly (no positionals); a bad one is a UsageError naming the command. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(`${command}: ${err instanceof Error ? err.message : String(err)}. See ${command} --help.`);
  }
}
