// What a sequence run by hand found, as findings of the lifecycle checks: the error that ended it
// (attributed to the check whose promise it broke), or a pass for every check the sequence tested.
import type { Case } from '../../generators/case.ts';
import { LifecycleMismatch } from '../../generators/index.ts';
import { transitionalStatuses } from '../../specs/index.ts';
import type { Executed } from '../engine.ts';
import type { ExecutedFinding } from '../recorder.ts';
import type { Check, Finding } from '../types.ts';
import { deletedIsGoneCheck, modelAgreesCheck, paginationCompleteCheck, statusTransitionsCheck } from './checks.ts';
import { LifecycleViolation, TargetCallError, type Call, type TargetSystem } from './targetSystem.ts';

interface Failure {
  readonly check: Check;
  readonly message: string;
  readonly call: Call | undefined;
  readonly expected?: unknown;
  readonly received?: unknown;
}

const hints: Readonly<Record<string, string>> = {
  [modelAgreesCheck.id]: 'Answer each call as the store was created, updated and tagged; accept every valid request on an existing store.',
  [statusTransitionsCheck.id]: `Move a store only along the status table in specs/behaviours.ts, and let it leave ${transitionalStatuses.join('/')} within a bounded time.`,
  [deletedIsGoneCheck.id]: 'Remove a deleted store: GetSequenceStore answers not-found and ListSequenceStores leaves it out (after DELETING at most).',
  [paginationCompleteCheck.id]: 'Page with a stable cursor: every store that exists throughout a walk appears on exactly one page.',
};

const byAspect = { status: statusTransitionsCheck, deleted: deletedIsGoneCheck, pages: paginationCompleteCheck, state: modelAgreesCheck } as const;

/** The check an error that ended a sequence belongs to; undefined for an error of the harness itself. */
export function failureOf(err: unknown, system: TargetSystem): Failure | undefined {
  const last = system.calls[system.calls.length - 1];
  if (err instanceof LifecycleViolation) return { check: byAspect[err.aspect], message: err.message, call: err.call ?? last, expected: err.expected, received: err.received };
  if (err instanceof LifecycleMismatch) return { check: byAspect[err.aspect], message: err.message, call: last };
  if (err instanceof TargetCallError) return { check: modelAgreesCheck, message: `${err.message}, where the model expected success`, call: err.call, expected: 'success', received: err.call.observation.client.error ?? err.call.observation.transportError };
  return undefined;
}

/**
 * The sequence as one executed case: the last call it made (so a reproduction pastes that call),
 * labelled with the whole sequence. An error of the harness is thrown on.
 */
export function sequenceOutcome(system: TargetSystem, label: string, failure: unknown, options: { modelled: boolean }): Executed[] {
  const found = failure === undefined ? undefined : failureOf(failure, system);
  if (failure !== undefined && !found) throw failure;
  const call = found?.call ?? system.calls[system.calls.length - 1];
  if (!call) return [];
  const c: Case = { operation: call.operation, input: call.input, send: 'sdk', expect: { outcome: 'accepted' }, label, ruleIds: [], phase: 'random' };
  const finding = (check: Check, f: Omit<Finding, 'checkId'>): ExecutedFinding => ({ check, case: c, observation: call.observation, finding: { checkId: check.id, ...f } });
  if (found) {
    const f = finding(found.check, {
      status: 'failed',
      message: `${found.message} (sequence: ${label})`,
      ...(found.expected !== undefined ? { expected: found.expected } : {}),
      received: { sequence: label, ...(found.received !== undefined ? { value: found.received } : {}) },
      hint: hints[found.check.id]!,
    });
    return [{ case: c, observation: call.observation, findings: [f] }];
  }
  const passes: ExecutedFinding[] = options.modelled ? [finding(modelAgreesCheck, { status: 'passed', message: `${system.calls.length} calls agreed with the model` })] : [];
  if (system.tested.statuses) passes.push(finding(statusTransitionsCheck, { status: 'passed', message: `${system.tested.statuses} statuses seen, every move legal` }));
  if (system.tested.deletions) passes.push(finding(deletedIsGoneCheck, { status: 'passed', message: `deleted stores looked up ${system.tested.deletions} times, gone each time` }));
  if (system.tested.walks) passes.push(finding(paginationCompleteCheck, { status: 'passed', message: `${system.tested.walks} walks through several pages, nothing lost or repeated` }));
  return [{ case: c, observation: call.observation, findings: passes }];
}
