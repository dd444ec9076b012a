// The contract of the HealthOmics sequence-store API: the one source every other stage reads.
export * from './types.ts';
export * from './service.ts';
export * from './shapes.ts';
export * from './errors.ts';
export * from './operations.ts';
export * from './rules.ts';
export * from './pattern.ts';
export * from './timestamps.ts';
export * from './validate.ts';
export * from './schemas.ts';
export * from './deepFreeze.ts';
export * from './ajv.ts';
export * from './behaviours.ts';
export * from './sameValue.ts';
export * from './unicode/index.ts';
export * from './walk.ts';
export * from './binding.ts';
