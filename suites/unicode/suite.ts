// suites/unicode: which Unicode version the target's pattern matching behaves like. Each probe
// character goes alone into a ListSequenceStores name filter — a read that creates nothing, and
// whose name member carries the printable pattern — and the answers (accepted, or
// ValidationException) are folded into the versions of the pinned window they fit. Observed,
// never failed: the contract does not say which Unicode version a service runs.
import type { Case } from '../../generators/case.ts';
import { unicodeProbes, type UnicodeProbe } from '../../generators/unicodeProbes.ts';
import { errors, operations, type OperationName, type StringShape, type StructureShape } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { applyChecks, inShard, RunInterrupted, type Suite, type SuiteEnv } from '../engine.ts';
import { describeOutcome } from '../observed.ts';
import { TraceBuilder } from '../trace.ts';
import type { ScenarioCheck, Trace } from '../types.ts';
import { unicodeVerdict, type AnsweredProbe, type ProbeAnswer } from './verdict.ts';

const OPERATION: OperationName = 'ListSequenceStores';
const FILTER = 'filter';
const NAME = 'name';
export const PROBE_ID = 'unicode/probe';

/** The pattern of the member the probes travel in, read from the contract. */
export function probedPattern(): string {
  const filter = operations[OPERATION].input.members[FILTER]!.target as StructureShape;
  const pattern = (filter.members[NAME]!.target as StringShape).pattern;
  if (pattern === undefined) throw new Error(`suites/unicode: ${OPERATION} ${FILTER}.${NAME} has no pattern to probe`);
  return pattern;
}

/** The trace of the probes: each probe noted as a fact, followed by the call that carried it. */
export const PROBES = 'unicode/probes';
const PROBE = 'probe';
type ProbeFact = { readonly kind: 'probe'; readonly probe: UnicodeProbe };

/** Each probe with the answer to the call that carried it. */
function answersOf(trace: Trace<ProbeFact>): Array<AnsweredProbe & { observation: Observation }> {
  const out: Array<AnsweredProbe & { observation: Observation }> = [];
  let probe: UnicodeProbe | undefined;
  for (const step of trace.steps) {
    if (step.kind === 'probe') probe = step.probe;
    else if (probe) {
      out.push({ probe, answer: answerOf(step.observation), detail: describeOutcome(step.observation), observation: step.observation });
      probe = undefined;
    }
  }
  return out;
}

export const unicodeVersionCheck: ScenarioCheck<ProbeFact> = {
  kind: 'scenario',
  scenarios: [PROBES],
  id: 'unicode.version',
  suite: 'unicode',
  level: 'OBSERVED',
  spec: 'model: the \\p{…} pattern of name, description and clientToken; which characters it admits depends on the Unicode version of the service\'s runtime',
  title: 'The Unicode version the target\'s pattern matching behaves like',
  operations: [OPERATION],
  check(trace) {
    const answered = answersOf(trace);
    if (answered.length === 0) return [];
    const verdict = unicodeVerdict(answered);
    // The case shown with the verdict: the newest probe the target admitted, else the first answer.
    const shown = [...answered].reverse().find((a) => a.answer === 'admitted') ?? answered[0]!;
    const at = { case: probeCase(shown.probe), observation: shown.observation };
    if (!verdict.conclusive) return [{ checkId: this.id, status: 'skipped', message: verdict.summary, ...at }];
    const received = { consistentWith: verdict.consistentWith, answers: answered.map((a) => ({ char: a.probe.name, version: a.probe.version, answer: a.answer, ...(a.answer === 'inconclusive' ? { detail: a.detail } : {}) })) };
    return [{ checkId: this.id, status: 'observed', message: verdict.summary, received, ...at }];
  },
};

export function probeCase(probe: UnicodeProbe): Case {
  return {
    operation: OPERATION,
    input: { [FILTER]: { [NAME]: probe.char } },
    send: 'sdk',
    expect: { outcome: 'open', because: `${probe.name} is admitted in Unicode ${probe.admittedIn.join(', ') || 'no version'} of the window, refused in the others` },
    label: `${OPERATION} ${FILTER}.${NAME}: ${probe.name} (tells Unicode ${probe.version} from the version before)`,
    ruleIds: [],
    phase: 'boundary',
  };
}

function answerOf(obs: Observation): ProbeAnswer {
  if (obs.refused !== undefined || obs.transportError) return 'inconclusive';
  if (!obs.client.error) return 'admitted';
  return obs.client.error.name === errors.ValidationException.name ? 'refused' : 'inconclusive';
}

export const unicodeSuite: Suite = {
  name: 'unicode',
  description: 'Which Unicode version the target\'s pattern matching behaves like (observed, never failed).',
  checks: [unicodeVersionCheck],
  async run(env: SuiteEnv) {
    const replay = env.options.replay;
    if (replay?.property !== undefined && replay.property !== PROBE_ID) return;
    if (env.options.operations && !env.options.operations.includes(OPERATION)) return;
    if (!inShard(0, env.options.shard)) return;
    const probes = unicodeProbes(probedPattern());
    const trace = new TraceBuilder<ProbeFact>(PROBES, probeCase(probes[0]!));
    for (const probe of probes) {
      if (env.options.signal?.aborted) throw new RunInterrupted('the run was interrupted');
      const c = probeCase(probe);
      trace.fact({ kind: 'probe', probe });
      env.recorder.ran(this.name, [trace.call(PROBE, await env.target.call(OPERATION, c.input, { timeoutMs: env.options.timeoutMs }))]);
    }
    const executed = [{ trace: trace.trace() }];
    if (env.options.record) env.options.record.executed({ suite: this.name, key: `${PROBE_ID}@0`, executed });
    else env.recorder.record(applyChecks(env, this.checks, executed), `${PROBE_ID}@0`);
  },
};
