// Usage errors: one clear line on stderr and exit code 2, never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** `--runs -1` as `--runs=-1`: a value option followed by a negative number takes it as its value. */
function negativesJoined(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A command's options parsed strictly (no positionals); a bad one is a UsageError naming the command. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: negativesJoined(argv, options), options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(`${command}: ${err instanceof Error ? err.message : String(err)}. See ${command} --help.`);
  }
}

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** A whole number (default true). */
  readonly integer?: boolean;
}

/** A numeric option read and checked against its range; undefined when it was not given. */
export function numberOption(command: string, name: string, text: string | undefined, range: NumberRange): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  const whole = range.integer !== false;
  const what = `${whole ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}`;
  if (text.trim() === '' || !Number.isFinite(n) || (whole && !Number.isInteger(n))) throw new UsageError(`${command}: --${name} must be ${what}, got '${text}'`);
  if (n < range.min || n > range.max) throw new UsageError(`${command}: --${name} must be ${what}, got ${text}`);
  return n;
}
