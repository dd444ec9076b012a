// suites/unicode: which Unicode version the target's pattern matching behaves like. Each probe
// character goes alone into a ListSequenceStores name filter — a read that creates nothing, and
// whose name member carries the printable pattern — and the answers (accepted, or
// ValidationException) are folded into the versions of the pinned window they fit. Observed,
// never failed: the contract does not say which Unicode version a service runs.
import type { Case } from '../../generators/case.ts';
import { unicodeProbes, type UnicodeProbe } from '../../generators/unicodeProbes.ts';
import { errors, operations, type OperationName, type StringShape, type StructureShape } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { inShard, RunInterrupted, type Suite, type SuiteEnv } from '../engine.ts';
import { describeOutcome } from '../observed.ts';
import type { Check } from '../types.ts';
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

export const unicodeVersionCheck: Check = {
  id: 'unicode.version',
  suite: 'unicode',
  level: 'OBSERVED',
  spec: 'model: the \\p{…} pattern of name, description and clientToken; which characters it admits depends on the Unicode version of the service\'s runtime',
  title: 'The Unicode version the target\'s pattern matching behaves like',
  operations: [OPERATION],
  // The suite runs this check itself: its verdict folds the answers to every probe.
  check: () => [],
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
    const answered: Array<AnsweredProbe & { case: Case; observation: Observation }> = [];
    for (const probe of unicodeProbes(probedPattern())) {
      if (env.options.signal?.aborted) throw new RunInterrupted('the run was interrupted');
      const c = probeCase(probe);
      const observation = await env.target.call(OPERATION, c.input, { timeoutMs: env.options.timeoutMs });
      answered.push({ probe, answer: answerOf(observation), detail: describeOutcome(observation), case: c, observation });
    }
    const verdict = unicodeVerdict(answered);
    // The case shown with the verdict: the newest probe the target admitted, else the first answer.
    const shown = [...answered].reverse().find((a) => a.answer === 'admitted') ?? answered[0]!;
    const received = { consistentWith: verdict.consistentWith, answers: answered.map((a) => ({ char: a.probe.name, version: a.probe.version, answer: a.answer, ...(a.answer === 'inconclusive' ? { detail: a.detail } : {}) })) };
    env.recorder.record(
      [
        {
          check: unicodeVersionCheck,
          case: shown.case,
          observation: shown.observation,
          finding: verdict.conclusive
            ? { checkId: unicodeVersionCheck.id, status: 'observed', message: verdict.summary, received }
            : { checkId: unicodeVersionCheck.id, status: 'skipped', message: verdict.summary },
        },
      ],
      `${PROBE_ID}@0`,
    );
  },
};
