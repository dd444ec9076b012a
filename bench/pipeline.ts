// The whole pipeline's speed, measured side by side in one run on the same cases:
// 1. validation cases through the mock target (generate, send, check) vs. the bare loop of generating
//    the same cases and validating them with validateInput, no target (goal: ratio >= 0.5);
// 2. the same cases through the emulator target vs. the same calls to a no-op HTTP server that
//    answers every request with a fixed valid body (goal: ratio >= 0.8).
// Bounded: a fixed case count per operation.
import * as fc from 'fast-check';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Case } from '../generators/case.ts';
import { invalidCase } from '../generators/invalidCase.ts';
import { validCase } from '../generators/validCase.ts';
import { operationNames, validateInput, type OperationName } from '../specs/index.ts';
import { applyChecks, type SuiteEnv } from '../suites/engine.ts';
import { Recorder } from '../suites/recorder.ts';
import { RunStores } from '../suites/stores.ts';
import { CaseSlots } from '../suites/slots.ts';
import { Uniquifier } from '../suites/unique.ts';
import { validationChecks } from '../suites/validation/checks.ts';
import { executeValidationCase } from '../suites/validation/suite.ts';
import { DUMMY_CREDENTIALS } from '../targets/credentials.ts';
import { emulatorTarget } from '../targets/emulator.ts';
import { endpointTarget } from '../targets/endpoint.ts';
import { mockTarget } from '../targets/mock.ts';
import type { Target } from '../targets/types.ts';

const PER_OPERATION = 40;

/** The same cases every time: valid and invalid, for every operation, SDK-sendable (the mock has no wire). */
function generate(): Case[] {
  return operationNames.flatMap((op, i) => [
    ...fc.sample(validCase(op), { numRuns: PER_OPERATION / 2, seed: 100 + i }),
    ...fc.sample(invalidCase(op), { numRuns: PER_OPERATION / 2, seed: 200 + i }),
  ]).filter((c) => c.send === 'sdk');
}

function env(target: Target): SuiteEnv {
  const recorder = new Recorder();
  recorder.register(validationChecks);
  return {
    target,
    stores: new RunStores(target, 'bench', { timeoutMs: 10_000, settleTimeoutMs: 5_000 }),
    recorder,
    options: { seed: 1, runs: 1, concurrency: 1, timeoutMs: 10_000, shard: { index: 1, count: 1 } },
    firstArn: {},
    unique: new Uniquifier(1),
    slots: new CaseSlots(1),
  };
}

const ROUNDS = 3;

/** The best of a few rounds, after one round of warm-up (module loading, JIT). */
async function timed(work: () => Promise<number>): Promise<{ perSecond: number; count: number }> {
  await work();
  let best = { perSecond: 0, count: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const count = await work();
    const perSecond = count / ((performance.now() - started) / 1000);
    if (perSecond > best.perSecond) best = { perSecond, count };
  }
  return best;
}

async function pipeline(target: Target, cases: readonly Case[] = generate()): Promise<number> {
  const e = env(target);
  for (const c of cases) applyChecks(e, validationChecks, await executeValidationCase(e, c));
  await e.stores.cleanup();
  return cases.length;
}

interface Call {
  readonly operation: OperationName;
  readonly input: Record<string, unknown>;
  readonly via: 'sdk' | 'wire';
}

/** The target, and a list of every call made through it (checks and set-up calls included). */
function recording(target: Target, calls: Call[]): Target {
  return {
    ...target,
    call: (operation, input, options) => (calls.push({ operation, input, via: 'sdk' }), target.call(operation, input, options)),
    sendRaw: (operation, input, options) => (calls.push({ operation, input, via: 'wire' }), target.sendRaw!(operation, input, options)),
  };
}

/** The pipeline's calls, replayed as they were made, with nothing else around them. */
async function replay(target: Target, calls: readonly Call[]): Promise<number> {
  for (const c of calls) await (c.via === 'wire' ? target.sendRaw!(c.operation, c.input) : target.call(c.operation, c.input));
  return calls.length;
}

function line(label: string, a: { perSecond: number }, b: { perSecond: number }, goal: number): void {
  const ratio = a.perSecond / b.perSecond;
  console.log(`${label.padEnd(52)} ${a.perSecond.toFixed(0).padStart(7)} vs ${b.perSecond.toFixed(0).padStart(7)} per s  ratio ${ratio.toFixed(2)}  (goal >= ${goal}${ratio >= goal ? ', met' : ', not met'})`);
}

export async function run(): Promise<void> {
  console.log(`pipeline: ${generate().length} validation cases (valid and invalid, all operations), generated afresh in every measurement`);
  const bare = await timed(async () => {
    const cases = generate();
    let agree = 0;
    for (const c of cases) if ((validateInput(c.operation, c.input).length === 0) === (c.expect.outcome === 'accepted')) agree++;
    if (agree !== cases.length) throw new Error('bench: a generated case disagrees with validateInput');
    return cases.length;
  });
  const mock = mockTarget();
  const onMock = await timed(() => pipeline(mock));
  await mock.close();
  line('mock target pipeline vs bare generate+validate', onMock, bare, 0.5);

  const emulator = await emulatorTarget({ requestLogLimit: 100 });
  let calls: Call[] = [];
  // Generated beforehand: this comparison is about the calls and what the harness does around them.
  const cases = generate();
  const onEmulator = await timed(() => {
    calls = [];
    return pipeline(recording(emulator, calls), cases);
  });
  const body = JSON.stringify(emulator.emulator.core.invokeNow('CreateSequenceStore', { name: 'bench' }));
  await emulator.close();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const noop = endpointTarget({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, region: 'us-east-1', credentials: DUMMY_CREDENTIALS });
  const onNoop = await timed(() => replay(noop, calls));
  await noop.close();
  server.close();
  const perCall = (x: { perSecond: number; count: number }, n: number) => ({ perSecond: (x.perSecond * n) / x.count, count: n });
  console.log(`  (${calls.length} calls for ${onEmulator.count} cases: set-up stores, before/after reads, List scans for stray stores)`);
  line('emulator pipeline vs the same calls to a no-op server', perCall(onEmulator, calls.length), onNoop, 0.8);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
