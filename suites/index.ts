// The suites by name, in the order a run takes them.
import type { Suite } from './engine.ts';
import type { Check } from './types.ts';
import { shapeSuite } from './shape/suite.ts';
import { validationSuite } from './validation/suite.ts';
import { lifecycleSuite } from './lifecycle/suite.ts';
import { wireSuite } from './wire/suite.ts';
import { idempotencySuite } from './idempotency/suite.ts';
import { exceptionsSuite } from './exceptions/suite.ts';
import { unicodeSuite } from './unicode/suite.ts';

export const suites: readonly Suite[] = [shapeSuite, validationSuite, unicodeSuite, idempotencySuite, exceptionsSuite, lifecycleSuite, wireSuite];

export const suiteNames = suites.map((s) => s.name);

export function selectSuites(names: readonly string[] | undefined): Suite[] {
  if (!names || names.length === 0) return [...suites];
  const unknown = names.filter((n) => !suiteNames.includes(n));
  if (unknown.length) throw new Error(`unknown suite ${unknown.join(', ')}; suites: ${suiteNames.join(', ')}`);
  return suites.filter((s) => names.includes(s.name));
}

/** Every check of every suite, by id: the registry `--checks` and `--skip-checks` select from. */
export function checkRegistry(): ReadonlyMap<string, Check> {
  return new Map(suites.flatMap((s) => s.checks.map((c) => [c.id, c] as const)));
}

/** `a.b` names a check, `a.*` every check of suite a. */
function matching(patterns: readonly string[], ids: readonly string[], flag: string): Set<string> {
  const out = new Set<string>();
  for (const p of patterns) {
    const hits = ids.filter((id) => (p.endsWith('.*') ? id.startsWith(p.slice(0, -1)) : id === p));
    if (hits.length === 0) throw new Error(`${flag}: no check ${p}; checks: ${ids.join(', ')}`);
    hits.forEach((id) => out.add(id));
  }
  return out;
}

/** The ids of the checks a run judges: `only` (all when absent) less `skip`. */
export function selectChecks(only: readonly string[] | undefined, skip: readonly string[] | undefined): Set<string> {
  const ids = [...checkRegistry().keys()];
  const chosen = only?.length ? matching(only, ids, '--checks') : new Set(ids);
  for (const id of skip?.length ? matching(skip, ids, '--skip-checks') : []) chosen.delete(id);
  if (chosen.size === 0) throw new Error('--checks and --skip-checks leave no check to run');
  return chosen;
}

export type { Suite, SuiteEnv, EngineOptions, Progress, Replay, Shard } from './engine.ts';
export type { Check, Finding, FindingStatus, CheckContext, ObservationCheck, ScenarioCheck, TargetNeed, Trace, TraceCall } from './types.ts';
export type { CheckTally, CheckStatus } from './recorder.ts';
