// The suites by name, in the order a run takes them.
import type { Suite } from './engine.ts';
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

export type { Suite, SuiteEnv, EngineOptions, Progress, Replay, Shard } from './engine.ts';
export type { Check, Finding, FindingStatus, CheckContext } from './types.ts';
export type { CheckTally, FindingRecord } from './recorder.ts';
