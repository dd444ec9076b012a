// The command line's one entry: the command named first, its options after; what it prints and the
// exit code it ends with. cli/main.ts runs it for the installed command; tests run it in their process.
import { commands } from './commands.ts';
import { EXIT_USAGE, UsageError } from './usage.ts';

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'omics-conformance — contract tests and conformance suites for the AWS HealthOmics sequence-store API',
    '',
    'Usage: omics-conformance <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `omics-conformance <command> --help` for the options of one command.',
  ].join('\n');
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`omics-conformance: unknown command '${name}'. Commands: ${Object.keys(commands).join(', ')}. See --help.`);
    return EXIT_USAGE;
  }
  const module = await command.load();
  return module.main(rest);
}

/** Runs a command line to its end: a usage error or an unexpected one is one line on stderr and exit 2. */
export async function runCommandLine(argv: readonly string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (err) {
    if (err instanceof UsageError) console.error(`omics-conformance: ${err.message}`);
    else {
      console.error(`omics-conformance: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
      if (process.env.OMICS_CONFORMANCE_DEBUG) console.error(err);
    }
    return EXIT_USAGE;
  }
}
