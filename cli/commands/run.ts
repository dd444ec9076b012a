// omics-conformance run: the conformance suites against a target, with reports.
import { consoleSummary } from '../../reports/console.ts';
import { checkRegistry, suiteNames, type Check, type Progress } from '../../suites/index.ts';
import { StoreLedger } from '../../targets/ledger.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_REPORT_DIR, DEFAULT_RUNS, planConformance, runConformance, TargetUnreachableError, type ConformanceOptions, type Plan } from '../runConformance.ts';
import { DEFAULT_MAX_STORES, DEFAULT_RATE, DEFAULT_REGION, TARGET_KINDS, type TargetKind } from '../targetFactory.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseOptions, UsageError } from '../usage.ts';

const HELP = `Usage: omics-conformance run [options]

Runs the conformance suites against a target and writes report.json.

Target:
  --target KIND       emulator (default: the embedded emulator on an ephemeral 127.0.0.1 port),
                      endpoint (any URL), mock (aws-sdk-client-mock, in-process),
                      aws (the real service: see below)
  --endpoint URL      the URL of an emulator or proxy (implies --target endpoint);
                      AWS_ENDPOINT_URL_OMICS works too. With --target aws: the real-service
                      rules at this URL, host prefix off (for testing the harness)
  --region REGION     default: AWS_REGION, else AWS_DEFAULT_REGION, else ${DEFAULT_REGION}
                      (--target aws has no default: one of them must be set)

The real service (--target aws) creates and deletes stores in your account:
  --allow-real-resources  required; without it the run refuses to start
  --max-stores N      create at most N stores in the run (default ${DEFAULT_MAX_STORES}); cases past
                      the budget are skipped with the reason
  --rate R            at most R requests per second (default ${DEFAULT_RATE}); throttled calls are
                      retried by the SDK (adaptive mode, Retry-After honoured)
  --plan              print the suites, the stores and the calls the run would make (simulated
                      in-process with the same seed), then exit 0 without calling anything
  Credentials and region come from the standard AWS chain (environment, profile, SSO, role).
  Every call that would update, tag, untag or delete a store the run did not create is refused
  by the target itself; at the end, on failure and on Ctrl-C the run deletes exactly the stores
  its own requests created, by the ledger of their ids (a second Ctrl-C stops within 2 s and
  prints the ones left).

What runs:
  --suites a,b        ${suiteNames.join(', ')} (default: all)
  --operations a,b    only cases of these operations (default: all eight)
  --checks a,b        judge only these checks, by id (validation.rejects-invalid) or suite
                      (shape.*); suites without one of them do not run
  --skip-checks a,b   judge every selected check but these
  --list-checks       print every check (id, level, kind, what it needs from a target, title,
                      and where in the contract it comes from), then exit 0
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
unset. Exit codes: 0 every check passed, 1 a check failed or the run was interrupted, 2 bad usage
or unreachable target.`;

function decimal(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`run: ${name} must be a number above 0, got '${text}'`);
  return n;
}

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function formatPlan(plan: Plan, target: string): string {
  const width = Math.max(5, ...plan.suites.map((s) => s.suite.length));
  const row = (a: string, b: string, c: string, d: string) => `  ${a.padEnd(width)}  ${b.padStart(6)}  ${c.padStart(6)}  ${d.padStart(6)}`;
  const lines = [
    `Plan for --target ${target} with --seed ${plan.seed}; nothing was sent.`,
    'Simulated in-process against an emulator that follows the contract; a real service may need',
    'a few more calls (polling stores out of CREATING, retries after throttling).',
    '',
    row('suite', 'cases', 'stores', 'calls'),
    ...plan.suites.map((s) => row(s.suite, String(s.cases), String(s.stores), String(s.calls))),
    row('total', '', String(plan.stores), String(plan.calls)),
    '',
    `calls by operation: ${Object.entries(plan.callsByOperation).map(([op, n]) => `${op} ${n}`).join(', ')}`,
    `at --rate ${plan.rate} requests/s: at least ${duration(plan.calls / plan.rate)}`,
    plan.stores <= plan.maxStores
      ? `--max-stores ${plan.maxStores}: enough for the ${plan.stores} stores of this plan`
      : `--max-stores ${plan.maxStores}: too low for the ${plan.stores} stores of this plan; creates past it would be refused and their cases skipped (give --max-stores ${plan.stores}, or fewer --suites / --runs)`,
  ];
  return lines.join('\n');
}

/** The check registry as a table: one check per line, its spec reference beneath. */
export function formatChecks(checks: readonly Check[]): string {
  const width = Math.max(...checks.map((c) => c.id.length));
  const lines = [`${checks.length} checks. kind: observation (judges one call) or scenario (judges a scenario's trace);`, 'needs: wire = the raw HTTP exchanges, faults = injected errors (the emulator), stores = stores of its own.', ''];
  for (const c of checks) {
    lines.push(`${c.id.padEnd(width)}  ${c.level.padEnd(8)}  ${c.kind.padEnd(11)}  needs ${(c.needs ?? []).join('+') || '-'}`);
    lines.push(`${' '.repeat(width)}  ${c.title}`);
    lines.push(`${' '.repeat(width)}  spec: ${c.spec}`);
  }
  return lines.join('\n');
}

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new UsageError(`run: ${name} must be a whole number, got '${text}'`);
  return n;
}

function list(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean);
}

function nonEmpty(flag: string, text: string): string[] {
  const items = list(text)!;
  if (items.length === 0) throw new UsageError(`run: ${flag} names no check (give ids such as validation.rejects-invalid, or shape.*)`);
  return items;
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
  const values: Record<string, string | boolean | undefined> = parseOptions('run', argv, {
    target: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    suites: { type: 'string' },
    operations: { type: 'string' },
    checks: { type: 'string' },
    'skip-checks': { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    replay: { type: 'string' },
    shard: { type: 'string' },
    concurrency: { type: 'string' },
    'timeout-ms': { type: 'string' },
    'report-dir': { type: 'string' },
    'allow-real-resources': { type: 'boolean' },
    'max-stores': { type: 'string' },
    rate: { type: 'string' },
    plan: { type: 'boolean' },
    'list-checks': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(HELP);
    return EXIT_OK;
  }
  if (values['list-checks']) {
    console.log(formatChecks([...checkRegistry().values()]));
    return EXIT_OK;
  }
  const target = values.target as string | undefined;
  if (target !== undefined && !(TARGET_KINDS as readonly string[]).includes(target)) throw new UsageError(`run: --target ${target}: targets are ${TARGET_KINDS.join(', ')}`);

  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  const ledger = new StoreLedger();
  const options: ConformanceOptions = {
    ...(target ? { target: target as TargetKind } : {}),
    ...(values.endpoint ? { endpoint: values.endpoint as string } : {}),
    ...(values.region ? { region: values.region as string } : {}),
    ...(values.suites ? { suites: list(values.suites as string)! } : {}),
    ...(values.operations ? { operations: list(values.operations as string)! } : {}),
    ...(values.checks !== undefined ? { checks: nonEmpty('--checks', values.checks as string) } : {}),
    ...(values['skip-checks'] !== undefined ? { skipChecks: nonEmpty('--skip-checks', values['skip-checks'] as string) } : {}),
    ...(values.runs !== undefined ? { runs: number('--runs', values.runs as string)! } : {}),
    ...(values.seed !== undefined ? { seed: number('--seed', values.seed as string)! } : {}),
    ...(values.replay ? { replay: values.replay as string } : {}),
    ...(values.shard ? { shard: values.shard as string } : {}),
    ...(values.concurrency !== undefined ? { concurrency: number('--concurrency', values.concurrency as string)! } : {}),
    ...(values['timeout-ms'] !== undefined ? { timeoutMs: number('--timeout-ms', values['timeout-ms'] as string)! } : {}),
    ...(values['report-dir'] ? { reportDir: values['report-dir'] as string } : {}),
    ...(values['allow-real-resources'] ? { allowRealResources: true } : {}),
    ...(values['max-stores'] !== undefined ? { maxStores: decimal('--max-stores', values['max-stores'] as string)! } : {}),
    ...(values.rate !== undefined ? { rate: decimal('--rate', values.rate as string)! } : {}),
    ledger,
  };
  if (options.maxStores !== undefined && !Number.isInteger(options.maxStores)) throw new UsageError(`run: --max-stores must be a whole number, got '${values['max-stores']}'`);
  if (values.plan) {
    const plan = await planConformance(options);
    console.log(formatPlan(plan, target ?? (options.endpoint ? 'endpoint' : 'emulator')));
    return EXIT_OK;
  }

  const abort = new AbortController();
  let signals = 0;
  const interrupt = () => {
    if (++signals === 1) {
      process.stderr.write('\nomics-conformance: interrupted; deleting the stores this run made, then reporting (interrupt again to stop at once)\n');
      abort.abort();
      return;
    }
    // A second signal stops at once: the stores the run made and has not deleted are named, never left
    // silently, after a short wait for the answers of creates in flight.
    const stop = () => {
      const left = ledger.outstanding();
      const lines = ['omics-conformance: stopping without finishing the cleanup.'];
      if (left.length) lines.push(`stores of this run not deleted (${left.length}): ${left.map((e) => e.id).join(' ')}`, '  delete each with: aws omics delete-sequence-store --id <id>', ...left.map((e) => `  ${e.arn}`));
      else if (target === 'aws') lines.push('no store of this run is left that the run knows of.');
      else lines.push('stores this run made on the target may be left.');
      for (const u of [...ledger.createsInFlight(), ...ledger.unresolved()]) lines.push(`  may exist, look for it by name: ${u} (no answer came)`);
      process.stderr.write(`${lines.join('\n')}\n`);
      process.exit(130);
    };
    if (signals > 2) return stop();
    process.stderr.write('\nomics-conformance: interrupted again; waiting up to 2 s for the answers of creates in flight (once more to skip)\n');
    const deadline = Date.now() + 2000;
    const poll = () => (ledger.createsInFlight().length === 0 || Date.now() > deadline ? stop() : setTimeout(poll, 20));
    poll();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const runOptions: ConformanceOptions = { ...options, onProgress: progressPrinter(tty, (t) => process.stderr.write(t)), signal: abort.signal };
  try {
    const { report, reportFiles } = await runConformance(runOptions);
    if (tty) process.stderr.write('\r\x1b[2K');
    console.log(consoleSummary(report, reportFiles));
    return report.summary.failed > 0 || report.aborted || signals > 0 ? EXIT_FAILED : EXIT_OK;
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
