// omics-conformance <command> [options]
// The SDK warns on every start that its releases from 2027 on need Node 22; the project runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
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

async function main(argv: string[]): Promise<number> {
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

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`omics-conformance: ${err.message}`);
    process.exitCode = EXIT_USAGE;
  } else {
    console.error(`omics-conformance: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.OMICS_CONFORMANCE_DEBUG) console.error(err);
    process.exitCode = EXIT_USAGE;
  }
}
