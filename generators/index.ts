// The generators: cases with expectations, built from specs/.
export type { Case, Expectation, ExpectedViolation, Need, Send } from './case.ts';
export { stringOf, type StringOfOptions } from './stringOf.ts';
export { shapeValue, type ShapeValueOptions } from './shapeValue.ts';
export { validInput } from './validInput.ts';
export { validCase } from './validCase.ts';
export { invalidCase, breakableRules, type InvalidCaseOptions } from './invalidCase.ts';
export { boundaryCases, allBoundaryCases } from './boundaryCases.ts';
export { plainCase, plainMembers } from './plainCase.ts';
export { coverage, coverageOf, type Coverage, type RuleCoverage } from './coverage.ts';
export { labelMembers, INPUT_ERROR } from './_internals/cases.ts';
export { unicodeProbes, type UnicodeProbe } from './unicodeProbes.ts';
export { malformedHttp, malformedKinds, materialize, pieceBytes, reproduction, type MalformedExchange, type MalformedHttpOptions, type MalformedKind, type Piece } from './malformedHttp.ts';
export {
  lifecycleCommands,
  makesAStore,
  lifecycleScenarios,
  type LifecycleScenario,
  emptyLifecycleModel,
  SequenceStopped,
  type ClaimAspect,
  type ModelClaim,
  type LifecycleCommandsOptions,
  type LifecycleModel,
  type LifecycleSystem,
  type StoreModel,
} from './lifecycleCommands.ts';
