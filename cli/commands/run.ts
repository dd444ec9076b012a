// omics-conformance run: the conformance suites against a target, with reports.
import { parseArgs } from 'node:util';
import { consoleSummary } from '../../reports/console.ts';
import { suiteNames, type Progress } from '../../suites/index.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_REPORT_DIR, DEFAULT_RUNS, runConformance, TargetUnreachableError, type ConformanceOptions } from '../runConformance.ts';
import { DEFAULT_REGION, TARGET_KINDS, type TargetKind } from '../targetFactory.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from '../usage.ts';

const HELP = `Usage: omics-conformance run [options]

Runs the conformance suites against a target and writes report.json.

Target:
  --target KIND       emulator (default: the embedded emulator on an ephemeral 127.0.0.1 port),
                      endpoint (any URL), mock (aws-sdk-client-mock, in-process)
  --endpoint URL      the URL of an emulator or proxy (implies --target endpoint);
                      AWS_ENDPOINT_URL_OMICS works too
  --region REGION     default: AWS_REGION, else ${DEFAULT_REGION}

What runs:
  --suites a,b        ${suiteNames.join(', ')} (default: all)
  --operations a,b    only cases of these operations (default: all eight)
  --runs N            generated cases per property (default ${DEFAULT_RUNS})
  --seed N            default: random, printed and written in the report
  --replay VALUE      run one failure again, as the report prints it:
                      <property>@<seed>:<path>, <suite>/boundary@<index>, or <seed>:<path>
  --shard K/N         run the K-th of N deterministic parts (for CI matrices)
  --concurrency N     boundary cases in flight at once (default ${DEFAULT_CONCURRENCY})
  --timeout-ms N      time limit of each call (default 10000)

Output:
  --report-dir DIR    where report.json goes (default ${DEFAULT_REPORT_DIR}/)
  -h, --help          this text

Credentials for an endpoint come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, dummy ones when
unset. Exit codes: 0 every check passed, 1 a check failed, 2 bad usage or unreachable target.`;

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new UsageError(`run: ${name} must be a whole number, got '${text}'`);
  return n;
}

function list(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function progressPrinter(tty: boolean, write: (text: string) => void): (p: Progress) => void {
  let lastPhase = '';
  return (p) => {
    const cleanup = p.phase === 'cleanup';
    const phase = cleanup ? 'cleanup' : `${p.suite} ${p.phase}`;
    const unit = cleanup ? 'stores to delete' : p.phase === 'property' ? 'runs per property' : 'cases';
    if (tty) {
      write(`\r\x1b[2K  ${phase} ${p.done}/${p.total}${p.failures ? `, ${p.failures} failing` : ''}`);
    } else if (phase !== lastPhase) {
      write(`  ${phase}${p.total ? ` (${p.total} ${unit})` : ''}\n`);
    }
    lastPhase = phase;
  };
}

export async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        target: { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        suites: { type: 'string' },
        operations: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        replay: { type: 'string' },
        shard: { type: 'string' },
        concurrency: { type: 'string' },
        'timeout-ms': { type: 'string' },
        'report-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`run: ${(err as Error).message}. See run --help.`);
  }
  if (values.help) {
    console.log(HELP);
    return EXIT_OK;
  }
  const target = values.target as string | undefined;
  if (target !== undefined && !(TARGET_KINDS as readonly string[]).includes(target)) throw new UsageError(`run: --target ${target}: targets are ${TARGET_KINDS.join(', ')}`);

  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  const abort = new AbortController();
  const interrupt = () => {
    process.stderr.write('\nomics-conformance: interrupted; deleting the stores this run made, then reporting\n');
    abort.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const options: ConformanceOptions = {
    ...(target ? { target: target as TargetKind } : {}),
    ...(values.endpoint ? { endpoint: values.endpoint as string } : {}),
    ...(values.region ? { region: values.region as string } : {}),
    ...(values.suites ? { suites: list(values.suites as string)! } : {}),
    ...(values.operations ? { operations: list(values.operations as string)! } : {}),
    ...(values.runs !== undefined ? { runs: number('--runs', values.runs as string)! } : {}),
    ...(values.seed !== undefined ? { seed: number('--seed', values.seed as string)! } : {}),
    ...(values.replay ? { replay: values.replay as string } : {}),
    ...(values.shard ? { shard: values.shard as string } : {}),
    ...(values.concurrency !== undefined ? { concurrency: number('--concurrency', values.concurrency as string)! } : {}),
    ...(values['timeout-ms'] !== undefined ? { timeoutMs: number('--timeout-ms', values['timeout-ms'] as string)! } : {}),
    ...(values['report-dir'] ? { reportDir: values['report-dir'] as string } : {}),
    onProgress: progressPrinter(tty, (t) => process.stderr.write(t)),
    signal: abort.signal,
  };
  try {
    const { report, reportFiles } = await runConformance(options);
    if (tty) process.stderr.write('\r\x1b[2K');
    console.log(consoleSummary(report, reportFiles));
    return report.summary.failed > 0 || report.aborted ? EXIT_FAILED : EXIT_OK;
  } catch (err) {
    if (tty) process.stderr.write('\r\x1b[2K');
    if (err instanceof TargetUnreachableError) {
      console.error(`omics-conformance run: ${err.message}`);
      return EXIT_USAGE;
    }
    throw err;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
