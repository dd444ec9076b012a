// omics-conformance run: the conformance suites against a target, with reports.
import { readFile } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import { consoleSummary } from '../../reports/console.ts';
import { parseReporters, REPORTER_NAMES, REPORTERS, type ReporterName } from '../../reports/reporters.ts';
import { FAIL_ON, parseExpectedFailures, type ExpectedFailure, type FailOn } from '../../reports/verdict.ts';
import { checkRegistry, suiteNames, type Check, type Progress } from '../../suites/index.ts';
import { errors } from '../../specs/index.ts';
import { MIN_LIVE_STORES } from '../../suites/liveStores.ts';
import { StoreLedger } from '../../targets/ledger.ts';
import { CAPABILITIES } from '../../targets/capabilities.ts';
import { DEFAULT_ASSUMED_SETTLE_S, DEFAULT_CONCURRENCY, DEFAULT_REPORT_DIR, DEFAULT_RUNS, MAX_RUNS, clientUnderTest, planConformance, runConformance, TargetUnreachableError, type ConformanceOptions, type Plan } from '../runConformance.ts';
import { DEFAULT_MAX_LIVE_STORES, DEFAULT_MAX_STORES, DEFAULT_RATE, DEFAULT_REGION, MAX_RETRIES, TARGET_KINDS, targetKind, type TargetKind } from '../targetFactory.ts';
import { appendStepSummary } from '../stepSummary.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, numberOption, parseOptions, UsageError, type NumberRange } from '../usage.ts';
import { exportedLine, exportFailureFixtures, usableFixtureDir } from '../recording/fixtureFiles.ts';
import { AdapterFailure } from '../../targets/adapterProcess.ts';
import { DEFAULT_SDK, SDK_NAMES, type SdkName } from '../../targets/sdks.ts';
import { runMatrix } from '../sdkMatrix.ts';

/** The SDKs --sdk names, each known and once. */
export function sdkList(text: string, command = 'run'): SdkName[] {
  const names = nonEmptyList('--sdk', text, command);
  const unknown = names.filter((n) => !(SDK_NAMES as readonly string[]).includes(n));
  if (unknown.length) throw new UsageError(`${command}: --sdk ${unknown.join(', ')}: SDKs are ${SDK_NAMES.join(', ')} (or --sdk-adapter "COMMAND" for an adapter of your own)`);
  return [...new Set(names)] as SdkName[];
}

const HELP = `Usage: omics-conformance run [options]

Runs the conformance suites against a target and writes its reports.

Target:
  --target KIND       emulator (default: the embedded emulator on an ephemeral 127.0.0.1 port),
                      endpoint (any URL), mock (aws-sdk-client-mock, in-process),
                      aws (the real service: see below)
  --endpoint URL      the URL of an emulator or proxy (implies --target endpoint);
                      AWS_ENDPOINT_URL_OMICS works too. With --target aws: the real-service
                      rules at this URL, host prefix off (for testing the harness)
  --region REGION     default: AWS_REGION, else AWS_DEFAULT_REGION, else ${DEFAULT_REGION}
                      (--target aws has no default: one of them must be set)

The SDK under test (the emulator and --endpoint targets):
  --sdk NAME[,NAME]   the client the calls go through: ${SDK_NAMES.join(', ')}
                      (default ${DEFAULT_SDK}, in process). The others run behind an adapter in
                      their own process (targets/adapters/); where the endpoint is our emulator,
                      its request log is their wire. Several names run the same seed through each
                      and write one table, SDKs as columns and checks as rows (sdk-matrix.md and
                      sdk-matrix.json in --report-dir, each SDK's report in a folder of its name)
  --sdk-adapter CMD   an adapter of your own, started as this command line (README.md,
                      "Verify an SDK": JSON lines on stdin and stdout)

The real service (--target aws) creates and deletes stores in your account:
  --allow-real-resources  required; without it the run refuses to start
  --max-stores N      create at most N stores in the run (default ${DEFAULT_MAX_STORES}); cases past
                      the budget are skipped with the reason
  --rate R            at most R requests per second (default ${DEFAULT_RATE}); throttled calls are
                      retried by the SDK (adaptive mode, Retry-After honoured)
  --max-live-stores N the run never holds more than N stores at once, which is what an account's
                      store quota limits: a create waits for a store of the run's to be deleted
                      (no case is skipped for it). Default ${DEFAULT_MAX_LIVE_STORES} here, no cap on other targets;
                      at least ${MIN_LIVE_STORES}. --max-stores, by contrast, caps the stores made in the
                      whole run
  --plan              print the suites, the stores and the calls the run would make (simulated
                      in-process with the same seed, through the --sdk given: a plan each) and the
                      wall time to expect, then exit 0 without calling anything
  --assume-settle-s S for --plan: how long a new store stays CREATING (default ${DEFAULT_ASSUMED_SETTLE_S})
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
  --runs N            generated cases per property (default ${DEFAULT_RUNS}, at most ${MAX_RUNS})
  --seed N            default: random, printed and written in the report
  --replay VALUE      run one failure again, as the report prints it:
                      <property>@<seed>:<path>[#<commands path>], <suite>/boundary@<index>,
                      or <seed>:<path>; a boundary case reported made plain ends with
                      :plain=<members> (without it, the case runs as it was generated)
  --shard K/N         run the K-th of N deterministic parts (for CI matrices)
  --concurrency N     cases at work at once (default ${DEFAULT_CONCURRENCY}, at most 64); a case waiting for
                      a store to leave CREATING does not count, so a slow service's waits overlap
  --timeout-ms N      time limit of each call (default 10000, at most 600000)
  --retries N         retry transient answers (throttling, 5xx, ${errors.RequestTimeoutException.httpStatus}) up to N more times with
                      the same request and token, as the SDK's standard retry does, after a short
                      backoff that honours Retry-After and never past the call's time limit; for
                      targets that inject faults (default 0 for the emulator and --endpoint, at
                      most ${MAX_RETRIES}; --target aws keeps its own adaptive default unless given).
                      Cases that script the fault they expect still see exactly one attempt

What fails the run:
  --fail-on LEVEL     must, should (default) or observed: the lowest level whose failed checks
                      fail the run. Failures below it are reported and do not fail it; observed
                      also fails on warnings (members the contract does not know)
  --expect-failures FILE
                      checks known to fail, one per line as '<check id> <reason>' ('#' comments):
                      reported as expected, not failing the run; one that passes is reported
                      as stale

Output:
  --report-dir DIR    where the reports go (default ${DEFAULT_REPORT_DIR}/); made and checked
                      writable before anything runs
  --export-fixtures DIR
                      also write each failing minimal case as a portable JSON test case: the
                      HTTP request and the status and error type the contract expects
                      (format: reports/fixtures/fixture.schema.json)
  --reporters a,b     the formats to write there (default all four):
                      ${REPORTER_NAMES.map((n) => `${n} (${REPORTERS[n].file})`).join(', ')}.
                      When GITHUB_STEP_SUMMARY is set, summary.md is appended to that file too.
                      \`omics-conformance report render DIR\` writes them again from report.json;
                      \`omics-conformance report merge\` combines the reports of --shard runs
  -h, --help          this text

Credentials for an endpoint come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, dummy ones when
unset.

The closing line counts checks: passed (judged at least one case, none failed), failed (with how
many of those are expected or below --fail-on), skipped (judged no case; the report says why).
Exit codes:
  0  at least one check judged a case, and no check that fails the run failed
  1  a check failed at or above --fail-on (and was not expected), or the run was interrupted
  2  nothing was tested: bad usage, a report folder that cannot be written, a target that cannot
     be reached or does not speak HealthOmics, or a run that judged no case (e.g. a --replay
     value that matches no case of the selected suites)`;

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function formatPlan(plan: Plan, target: string, client?: string): string {
  const width = Math.max(5, ...plan.suites.map((s) => s.suite.length));
  const row = (a: string, b: string, c: string, d: string) => `  ${a.padEnd(width)}  ${b.padStart(6)}  ${c.padStart(6)}  ${d.padStart(6)}`;
  const lines = [
    `Plan for --target ${target}${client ? ` through ${client}` : ''} with --seed ${plan.seed}; nothing was sent.`,
    'Simulated in-process against an emulator that follows the contract; a real service may need',
    'a few more calls (retries after throttling).',
    '',
    row('suite', 'cases', 'stores', 'calls'),
    ...plan.suites.map((s) => row(s.suite, String(s.cases), String(s.stores), String(s.calls))),
    row('total', '', String(plan.stores), String(plan.calls)),
    '',
    `calls by operation: ${Object.entries(plan.callsByOperation).map(([op, n]) => `${op} ${n}`).join(', ')}`,
    `stores taking ${plan.settleS} s to leave CREATING (--assume-settle-s): about ${plan.polls} more calls to see them settle`,
    `at --rate ${plan.rate} requests/s: at least ${duration(plan.bounds.rate)}`,
    plan.bounds.liveStores !== undefined
      ? `with at most ${plan.maxLiveStores} stores at once (--max-live-stores), each held ${plan.settleS} s or more: at least ${duration(plan.bounds.liveStores)}`
      : 'no cap on the stores held at once (--max-live-stores)',
    `expected wall time: about ${duration(Math.max(plan.bounds.rate, plan.bounds.liveStores ?? 0))}, the larger of the two`,
    plan.stores <= plan.maxStores
      ? `--max-stores ${plan.maxStores}: enough for the ${plan.stores} stores of this plan`
      : `--max-stores ${plan.maxStores}: too low for the ${plan.stores} stores of this plan; creates past it would be refused and their cases skipped (give --max-stores ${plan.stores}, or fewer --suites / --runs)`,
  ];
  return lines.join('\n');
}

/** The --expect-failures file, read and checked against the registry before anything runs. */
async function expectedFailuresFrom(command: string, file: string): Promise<ExpectedFailure[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${command}: --expect-failures ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return parseExpectedFailures(text, new Set(checkRegistry().keys()), file);
  } catch (err) {
    throw new UsageError(`${command}: --expect-failures ${(err as Error).message}`);
  }
}

/** The check registry as a table: one check per line, its spec reference beneath. */
export function formatChecks(checks: readonly Check[]): string {
  const width = Math.max(...checks.map((c) => c.id.length));
  const capabilities = Object.entries(CAPABILITIES).map(([name, enables]) => `  ${name.padEnd(20)}  ${enables}`);
  const lines = [`${checks.length} checks. kind: observation (judges one call) or scenario (judges a scenario's trace);`, 'needs: stores = stores of its own, or a capability of the target (a target without it skips the check):', ...capabilities, ''];
  for (const c of checks) {
    lines.push(`${c.id.padEnd(width)}  ${c.level.padEnd(8)}  ${c.kind.padEnd(11)}  needs ${(c.needs ?? []).join('+') || '-'}`);
    lines.push(`${' '.repeat(width)}  ${c.title}`);
    lines.push(`${' '.repeat(width)}  spec: ${c.spec}`);
  }
  return lines.join('\n');
}

/** Ranges of the numeric options: wide enough for any real use, narrow enough that no run is endless. */
export const OPTION_RANGES = {
  runs: { min: 1, max: MAX_RUNS },
  seed: { min: -(2 ** 31), max: 2 ** 31 - 1 },
  concurrency: { min: 1, max: 64 },
  'timeout-ms': { min: 1, max: 600_000 },
  retries: { min: 0, max: MAX_RETRIES },
  'max-stores': { min: 1, max: 10_000 },
  'max-live-stores': { min: MIN_LIVE_STORES, max: 10_000 },
  'assume-settle-s': { min: 0, max: 3_600, integer: false },
  rate: { min: 0.01, max: 1_000, integer: false },
} as const satisfies Record<string, NumberRange>;

const numericOption = (values: Record<string, unknown>, name: keyof typeof OPTION_RANGES, command = 'run') => numberOption(command, name, values[name] as string | undefined, OPTION_RANGES[name]);

function list(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean);
}

const EXAMPLES: Readonly<Record<string, string>> = {
  '--checks': 'check ids such as validation.rejects-invalid, or shape.*',
  '--skip-checks': 'check ids such as validation.rejects-invalid, or shape.*',
  '--suites': suiteNames.join(', '),
  '--operations': 'operation names such as CreateSequenceStore',
  '--sdk': SDK_NAMES.join(', '),
};

/** A comma-separated option that must name something: `--suites ,` is a mistake, not "all". */
function nonEmptyList(flag: string, text: string, command: string): string[] {
  const items = list(text)!;
  if (items.length === 0) throw new UsageError(`${command}: ${flag} names nothing (give ${EXAMPLES[flag]})`);
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

/** The options of `run`; record, verify and diff read them too, so a selection means the same in each. */
export const RUN_OPTIONS = {
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
  retries: { type: 'string' },
  'report-dir': { type: 'string' },
  reporters: { type: 'string' },
  'allow-real-resources': { type: 'boolean' },
  'max-stores': { type: 'string' },
  'max-live-stores': { type: 'string' },
  'assume-settle-s': { type: 'string' },
  rate: { type: 'string' },
  plan: { type: 'boolean' },
  'list-checks': { type: 'boolean' },
  'fail-on': { type: 'string' },
  'expect-failures': { type: 'string' },
  'export-fixtures': { type: 'string' },
  sdk: { type: 'string' },
  'sdk-adapter': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function reportersOf(text: string, command: string): ReporterName[] {
  try {
    return parseReporters(text);
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message}`);
  }
}

export type RunOptionValues = Record<string, string | boolean | undefined>;

/** The ConformanceOptions that `run`'s option values ask for, checked; `command` names the command in usage errors. */
export async function conformanceOptionsFrom(values: RunOptionValues, command = 'run'): Promise<ConformanceOptions> {
  const target = values.target as string | undefined;
  if (target !== undefined && !(TARGET_KINDS as readonly string[]).includes(target)) throw new UsageError(`${command}: --target ${target}: targets are ${TARGET_KINDS.join(', ')}`);

  const failOn = values['fail-on'] as string | undefined;
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`${command}: --fail-on ${failOn}: give one of ${FAIL_ON.join(', ')}`);
  const expectFailures = values['expect-failures'] !== undefined ? await expectedFailuresFrom(command, values['expect-failures'] as string) : undefined;
  const sdks = values.sdk !== undefined ? sdkList(values.sdk as string, command) : undefined;
  if (sdks && sdks.length > 1 && values['sdk-adapter'] !== undefined) throw new UsageError(`${command}: --sdk with several SDKs runs the shipped adapters; an adapter of your own (--sdk-adapter) runs alone`);
  const numeric = (name: keyof typeof OPTION_RANGES) => numericOption(values, name, command);
  const nonEmpty = (flag: string, text: string) => nonEmptyList(flag, text, command);
  return {
    ...(target ? { target: target as TargetKind } : {}),
    ...(values.endpoint ? { endpoint: values.endpoint as string } : {}),
    ...(values.region ? { region: values.region as string } : {}),
    ...(values.suites !== undefined ? { suites: nonEmpty('--suites', values.suites as string) } : {}),
    ...(values.operations !== undefined ? { operations: nonEmpty('--operations', values.operations as string) } : {}),
    ...(values.checks !== undefined ? { checks: nonEmpty('--checks', values.checks as string) } : {}),
    ...(values['skip-checks'] !== undefined ? { skipChecks: nonEmpty('--skip-checks', values['skip-checks'] as string) } : {}),
    ...(values.runs !== undefined ? { runs: numeric('runs')! } : {}),
    ...(values.seed !== undefined ? { seed: numeric('seed')! } : {}),
    ...(values.replay ? { replay: values.replay as string } : {}),
    ...(values.shard ? { shard: values.shard as string } : {}),
    ...(values.concurrency !== undefined ? { concurrency: numeric('concurrency')! } : {}),
    ...(values['timeout-ms'] !== undefined ? { timeoutMs: numeric('timeout-ms')! } : {}),
    ...(values.retries !== undefined ? { retries: numeric('retries')! } : {}),
    ...(values['report-dir'] ? { reportDir: values['report-dir'] as string } : {}),
    ...(values.reporters !== undefined ? { reporters: reportersOf(values.reporters as string, command) } : {}),
    ...(values['allow-real-resources'] ? { allowRealResources: true } : {}),
    ...(values['max-stores'] !== undefined ? { maxStores: numeric('max-stores')! } : {}),
    ...(values['max-live-stores'] !== undefined ? { maxLiveStores: numeric('max-live-stores')! } : {}),
    ...(values.rate !== undefined ? { rate: numeric('rate')! } : {}),
    ...(failOn ? { failOn: failOn as FailOn } : {}),
    ...(expectFailures ? { expectFailures } : {}),
    ...(values['sdk-adapter'] !== undefined ? { sdkAdapter: values['sdk-adapter'] as string } : {}),
    ...(sdks?.length === 1 ? { sdk: sdks[0]! } : {}),
    ledger: new StoreLedger(),
  };
}

export async function main(argv: string[]): Promise<number> {
  const values: RunOptionValues = parseOptions('run', argv, RUN_OPTIONS);
  if (values.help) {
    console.log(HELP);
    return EXIT_OK;
  }
  if (values['list-checks']) {
    console.log(formatChecks([...checkRegistry().values()]));
    return EXIT_OK;
  }
  const options = await conformanceOptionsFrom(values);
  const target = options.target;
  const ledger = options.ledger!;
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  const sdks = values.sdk !== undefined ? sdkList(values.sdk as string) : undefined;
  if (values.plan) {
    const assume = values['assume-settle-s'] !== undefined ? { assumeSettleS: numericOption(values, 'assume-settle-s')! } : {};
    // Several SDKs: a plan each, as the matrix would run them one after another.
    const plans: string[] = [];
    for (const sdk of sdks && sdks.length > 1 ? sdks : [undefined]) {
      const choice = sdk === undefined ? options : { ...options, sdk };
      plans.push(formatPlan(await planConformance({ ...choice, ...assume }), targetKind(options), clientUnderTest(choice)));
    }
    console.log(plans.join('\n\n'));
    return EXIT_OK;
  }
  if (sdks && sdks.length > 1) return runMatrix(sdks, options, (t) => process.stderr.write(t));
  // Checked before the Ctrl-C handlers are set: a refusal leaves none behind.
  const fixtureDir = typeof values['export-fixtures'] === 'string' ? await usableFixtureDir('run', values['export-fixtures']) : undefined;

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
    if (fixtureDir !== undefined) console.log(exportedLine(await exportFailureFixtures(report, fixtureDir), fixtureDir, 'failing cases'));
    await appendStepSummary(reportFiles);
    if (signals > 0) return EXIT_FAILED;
    if (report.verdict?.outcome === 'nothing-judged') {
      console.error(`omics-conformance run: nothing was tested: ${options.replay ? `--replay ${options.replay} matches no case of the suites run (${report.suites.join(', ')})` : 'no check judged a case (every check was skipped; the report says why)'}`);
      return EXIT_USAGE;
    }
    return report.verdict?.outcome === 'passed' ? EXIT_OK : EXIT_FAILED;
  } catch (err) {
    if (tty) process.stderr.write('\r\x1b[2K');
    if (err instanceof TargetUnreachableError || err instanceof AdapterFailure) {
      console.error(`omics-conformance run: ${err.message}`);
      return EXIT_USAGE;
    }
    throw err;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
