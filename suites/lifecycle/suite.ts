// suites/lifecycle: model-based runs of command sequences over the eight operations (fast-check
// shrinks a failing sequence to a short one), and walks through small List pages while stores
// come and go. Each sequence works on stores of its own, deleted when it ends.
import * as fc from 'fast-check';
import type { Case } from '../../generators/case.ts';
import { emptyLifecycleModel, lifecycleCommands, lifecycleScenarios, makesAStore, SequenceStopped, type LifecycleModel, type LifecycleSystem } from '../../generators/index.ts';
import { SequenceStoreName } from '../../specs/index.ts';
import { concurrently, runBoundary, runProperty, type Executed, type Suite, type SuiteEnv } from '../engine.ts';
import { COMMANDS, lifecycleChecks, PAGING } from './checks.ts';
import { readBackChanged, snapshot } from './readBack.ts';
import { describeScenario, pagingScenario, runPaging, type PagingScenario } from './paging.ts';
import { TargetSystem } from './targetSystem.ts';

type Cmd = fc.AsyncCommand<LifecycleModel, LifecycleSystem, false>;

export const COMMANDS_PROPERTY = 'lifecycle/commands';
export const PAGING_PROPERTY = 'lifecycle/pagination';
/** Commands per sequence: enough to create, change and delete a few stores; few enough for a real account. */
export const MAX_COMMANDS = 15;

/** What a generated case stands for; the case itself only carries the label until it has run. */
const commandsOf = new WeakMap<Case, Iterable<Cmd>>();
const scenarioOf = new WeakMap<Case, PagingScenario>();

function placeholder(operation: Case['operation'], label: string): Case {
  return { operation, input: {}, send: 'sdk', expect: { outcome: 'accepted' }, label, ruleIds: [], phase: 'random' };
}

/** fc.commands writes which commands of each shrink step ran into the sequence's text, as `replayPath="…"`. */
function commandsPathOf(c: Case): string | undefined {
  const cmds = commandsOf.get(c);
  return cmds ? /replayPath="([^"]*)"/.exec(String(cmds))?.[1] : undefined;
}

function sequenceCases(replayPath: string | undefined): fc.Arbitrary<Case> {
  return lifecycleCommands({ maxCommands: MAX_COMMANDS, ...(replayPath !== undefined ? { replayPath } : {}) }).map((cmds) => {
    const c = placeholder('CreateSequenceStore', 'lifecycle command sequence');
    commandsOf.set(c, cmds);
    return c;
  });
}

/** The fixed scenarios, each a case holding its commands. */
function scenarioCases(): Case[] {
  return lifecycleScenarios().map((s) => {
    const c = placeholder('CreateSequenceStore', `lifecycle scenario: ${s.label}`);
    commandsOf.set(c, s.commands);
    return c;
  });
}

function pagingCases(): fc.Arbitrary<Case> {
  return pagingScenario().map((s) => {
    const c = placeholder('ListSequenceStores', describeScenario(s));
    scenarioOf.set(c, s);
    return c;
  });
}

/**
 * The commands, each noting itself in `ran` when it runs (its precondition held), and each
 * followed by reading back the stores it changed.
 */
function traced(cmds: Iterable<Cmd>, ran: string[], system: TargetSystem, maxLive: number | undefined): Cmd[] {
  // Under a live-store cap a create does not run while the model holds the cap's worth of stores.
  const withinCap = (cmd: Cmd, m: Readonly<LifecycleModel>) => maxLive === undefined || !makesAStore(cmd) || m.stores.length < maxLive;
  return [...cmds].map((cmd) => ({
    check: (m: Readonly<LifecycleModel>) => cmd.check(m) && withinCap(cmd, m),
    run: async (m: LifecycleModel, r: LifecycleSystem) => {
      ran.push(String(cmd));
      const before = snapshot(m);
      await cmd.run(m, r);
      await readBackChanged(before, m, system, String(cmd));
    },
    toString: () => String(cmd),
  }));
}

/** Runs `work` on the system; a sequence the system stopped ends there, an error of the harness is thrown on. */
async function runOn(system: TargetSystem, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof SequenceStopped)) throw err;
  } finally {
    system.end();
  }
}

export async function executeSequence(env: SuiteEnv, c: Case): Promise<Executed[]> {
  const cmds = commandsOf.get(c);
  if (!cmds) throw new Error('lifecycle: a case without its command sequence');
  const system = new TargetSystem(env, COMMANDS, c);
  const ran: string[] = [];
  await runOn(system, () => fc.asyncModelRun(() => ({ model: emptyLifecycleModel(), real: system }), traced(cmds, ran, system, env.options.maxLiveStores)));
  return [{ trace: system.trace(`lifecycle: ${ran.join(', ') || '(no command ran)'}`) }];
}

export async function executePaging(env: SuiteEnv, c: Case): Promise<Executed[]> {
  const scenario = scenarioOf.get(c);
  if (!scenario) throw new Error('lifecycle: a case without its paging scenario');
  const system = new TargetSystem(env, PAGING, c);
  const name = env.unique.nextIfValid(SequenceStoreName, `omics-conformance ${env.stores.runId} paging`) as string;
  await runOn(system, () => runPaging(system, scenario, name, env.options.maxLiveStores));
  return [{ trace: system.trace() }];
}

export const lifecycleSuite: Suite = {
  name: 'lifecycle',
  description: 'Command sequences over the eight operations agree with a model of the run\'s stores; statuses move legally; deleted stores are gone; paging loses and repeats nothing.',
  checks: lifecycleChecks,
  holdsManyStores: true,
  async run(env) {
    await concurrently(env, [
      (e) => runBoundary(e, this, scenarioCases(), (c) => executeSequence(e, c)),
      (e) => runProperty(e, this, COMMANDS_PROPERTY, 'CreateSequenceStore', sequenceCases(env.options.replay?.commandsPath), (c) => executeSequence(e, c), { commandsPathOf }),
      (e) => runProperty(e, this, PAGING_PROPERTY, 'ListSequenceStores', pagingCases(), (c) => executePaging(e, c)),
    ]);
  },
};
