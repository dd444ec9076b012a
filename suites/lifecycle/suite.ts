// suites/lifecycle: model-based runs of command sequences over the eight operations (fast-check
// shrinks a failing sequence to a short one), and walks through small List pages while stores
// come and go. Each sequence works on stores of its own, deleted when it ends.
import * as fc from 'fast-check';
import type { Case } from '../../generators/case.ts';
import { emptyLifecycleModel, lifecycleCommands, lifecycleScenarios, type LifecycleModel, type LifecycleSystem } from '../../generators/index.ts';
import { SequenceStoreName } from '../../specs/index.ts';
import { runBoundary, runProperty, type Executed, type Suite, type SuiteEnv } from '../engine.ts';
import { lifecycleChecks } from './checks.ts';
import { sequenceOutcome } from './outcome.ts';
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

function sequenceCases(): fc.Arbitrary<Case> {
  return lifecycleCommands({ maxCommands: MAX_COMMANDS }).map((cmds) => {
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
 * The commands, each noting itself in `trace` when it runs (its precondition held), and each
 * followed by reading back the stores it changed.
 */
function traced(cmds: Iterable<Cmd>, trace: string[], system: TargetSystem): Cmd[] {
  return [...cmds].map((cmd) => ({
    check: (m: Readonly<LifecycleModel>) => cmd.check(m),
    run: async (m: LifecycleModel, r: LifecycleSystem) => {
      trace.push(String(cmd));
      const before = snapshot(m);
      await cmd.run(m, r);
      await readBackChanged(before, m, system, String(cmd));
    },
    toString: () => String(cmd),
  }));
}

export async function executeSequence(env: SuiteEnv, c: Case): Promise<Executed[]> {
  const cmds = commandsOf.get(c);
  if (!cmds) throw new Error('lifecycle: a case without its command sequence');
  const system = new TargetSystem(env);
  const trace: string[] = [];
  let failure: unknown;
  try {
    await fc.asyncModelRun(() => ({ model: emptyLifecycleModel(), real: system }), traced(cmds, trace, system));
  } catch (err) {
    failure = err;
  } finally {
    await system.disposeAll();
  }
  return sequenceOutcome(system, `lifecycle: ${trace.join(', ') || '(no command ran)'}`, failure, { modelled: true });
}

export async function executePaging(env: SuiteEnv, c: Case): Promise<Executed[]> {
  const scenario = scenarioOf.get(c);
  if (!scenario) throw new Error('lifecycle: a case without its paging scenario');
  const system = new TargetSystem(env);
  const name = env.unique.nextIfValid(SequenceStoreName, `omics-conformance ${env.stores.runId} paging`) as string;
  let failure: unknown;
  try {
    await runPaging(system, scenario, name);
  } catch (err) {
    failure = err;
  } finally {
    await system.disposeAll();
  }
  return sequenceOutcome(system, c.label, failure, { modelled: false });
}

export const lifecycleSuite: Suite = {
  name: 'lifecycle',
  description: 'Command sequences over the eight operations agree with a model of the run\'s stores; statuses move legally; deleted stores are gone; paging loses and repeats nothing.',
  checks: lifecycleChecks,
  async run(env) {
    await runBoundary(env, this, scenarioCases(), (c) => executeSequence(env, c));
    await runProperty(env, this, COMMANDS_PROPERTY, 'CreateSequenceStore', sequenceCases(), (c) => executeSequence(env, c), { replayRunOnly: true });
    await runProperty(env, this, PAGING_PROPERTY, 'ListSequenceStores', pagingCases(), (c) => executePaging(env, c));
  },
};
