// Mutants derived from the contract: every breakable input rule left unenforced, every upper bound
// tightened by one, every modelled error answered under another name and with another status, every
// output member dropped or answered with a value of another type, every mutating operation answered
// without effect. The checks each must fail follow from what the broken rule or member is.
import { allRules, errors, errorNames, operationNames, operations, unbreakableReason, type ErrorName, type OperationName, type Rule, type Shape } from '../../specs/index.ts';
import type { Deviations } from '../deviations.ts';
import type { EmulatorOptions } from '../index.ts';
import { dropBreaks, errorClassCatches, errorNameCatches, errorStatusCatches, noEffectCatches, outputCatches, successStatusCatches } from './expectations.ts';
import { suitesOf, type Mutant } from './catalogue.ts';

function mutant(id: string, layer: Mutant['layer'], breaks: string, deviations: Deviations, catches: readonly string[], operations?: readonly OperationName[], behaviour?: EmulatorOptions['behaviour']): Mutant {
  return { kind: 'mutant', id, layer, breaks, emulator: { deviations, ...(behaviour ? { behaviour } : {}) }, catches, suites: suitesOf(catches), ...(operations ? { operations } : {}) };
}

const topMember = (rule: Rule) => operations[rule.operation].input.members[rule.path.split(/[.[]/)[0]!];
const isTopLevel = (rule: Rule) => /^[A-Za-z]+$/.test(rule.path);

/**
 * Why leaving the rule unenforced changes nothing a client can see, or undefined. A missing or empty
 * path label leaves no operation to route to; a page token is the service's own and refused when it
 * cannot be read, whatever its rules.
 */
export function unobservable(rule: Rule): string | undefined {
  const top = topMember(rule);
  if (top?.location === 'label' && (rule.rule === 'required' || rule.rule === 'length.min')) return 'a missing or empty path label is not routed to the operation';
  if (rule.path === operations[rule.operation].paginated?.inputToken) return 'a page token the service did not issue is refused as unreadable';
  return undefined;
}

/** The rules a value breaking `rule` breaks as well, left unenforced with it: a string too short for its length is too short for its pattern. */
function brokenWith(rule: Rule): string[] {
  if (rule.rule !== 'length.min') return [];
  return allRules().filter((r) => r.operation === rule.operation && r.path === rule.path && r.rule === 'pattern').map((r) => r.id);
}

/**
 * A value that breaks a body member's length, pattern, enum or range travels through an SDK, so the
 * mutant is seen in process; wrong types, nulls and URL members need the raw wire of the emulator.
 */
function seenWithoutWire(rule: Rule): boolean {
  return rule.rule !== 'type' && rule.rule !== 'required' && topMember(rule)?.location === undefined;
}

function unenforced(rule: Rule): Mutant {
  const check = rule.level === 'MUST' ? 'validation.rejects-invalid' : 'validation.rejects-documented-limit';
  const also = brokenWith(rule);
  // A map's size is enforced twice: by validation and by the per-resource tag limit, which goes too.
  const mapLimit = rule.rule === 'length.max' && isTopLevel(rule) && topMember(rule)?.target.type === 'map' ? { maxTagsPerResource: Number.MAX_SAFE_INTEGER } : undefined;
  const breaks = `${rule.operation} accepts a request that breaks ${rule.path} ${rule.rule}${also.length ? ' (and the pattern, which such a value breaks too)' : ''}`;
  const m = mutant(`unenforced:${rule.id}`, 'validation', breaks, { unenforcedRules: [rule.id, ...also] }, [check], [rule.operation], mapLimit);
  return seenWithoutWire(rule) ? { ...m, target: 'mock' } : m;
}

/** Top-level members and items of top-level lists: where a tightened bound can be applied to a value. */
function tightenable(rule: Rule): boolean {
  return (rule.rule === 'length.max' || rule.rule === 'range.max') && rule.level === 'MUST' && typeof rule.value === 'number' && /^[A-Za-z]+(\[\])?$/.test(rule.path) && unobservable(rule) === undefined;
}

function tightened(rule: Rule): Mutant {
  const bound = (rule.value as number) - 1;
  const m = mutant(`tightened:${rule.id}`, 'validation', `${rule.operation} refuses ${rule.path} at its ${rule.rule} of ${rule.value} (allows at most ${bound})`, { tightenedBounds: { [rule.id]: bound } }, ['validation.accepts-valid'], [rule.operation]);
  return seenWithoutWire(rule) ? { ...m, target: 'mock' } : m;
}

/** Another name a service might use for the error: its name without `Exception`, as an `Error`. */
function otherName(name: ErrorName): string {
  return `${name.replace(/Exception$/, '')}Error`;
}

/** Another status of the same class: a client error as 400 (or 422 for a 400), a server error as 500 (or 503 for a 500). */
function otherStatus(name: ErrorName): number {
  const status = errors[name].httpStatus;
  if (status < 500) return status === 400 ? 422 : 400;
  return status === 500 ? 503 : 500;
}

/** A status of the other class: a client error as 500, a server error as 400. */
function otherClass(name: ErrorName): number {
  return errors[name].httpStatus < 500 ? 500 : 400;
}

/** A value of another JSON type than the shape's. */
function wrongTypeFor(shape: Shape): unknown {
  switch (shape.type) {
    case 'string':
    case 'timestamp':
      return 42;
    case 'integer':
      return 'forty-two';
    case 'list':
    case 'map':
    case 'structure':
      return 'not a collection';
  }
}

/** In process where nothing it must be caught by needs the emulator over HTTP. */
function placed(m: Mutant): Mutant {
  return { ...m, target: 'in-process-where-possible' };
}

function outputMutants(operation: OperationName): Mutant[] {
  const out: Mutant[] = [];
  for (const [member, spec] of Object.entries(operations[operation].output.members)) {
    const dropped = outputCatches(operation, member, 'dropped');
    if (dropBreaks(operation, member)) out.push(placed(mutant(`output-dropped:${operation}.${member}`, 'output', `${operation} answers without ${member}`, { droppedOutputMembers: { [operation]: [member] } }, dropped)));
    const retyped = outputCatches(operation, member, 'retyped');
    out.push(placed(mutant(`output-retyped:${operation}.${member}`, 'output', `${operation} answers ${member} as a ${typeof wrongTypeFor(spec.target)}`, { replacedOutputMembers: { [operation]: { [member]: wrongTypeFor(spec.target) } } }, retyped)));
  }
  return out;
}

export function derivedMutants(): Mutant[] {
  const rules = allRules().filter((r) => unbreakableReason(r) === undefined && unobservable(r) === undefined);
  return [
    ...rules.map(unenforced),
    ...rules.filter(tightenable).map(tightened),
    ...errorNames.map((e) => mutant(`error-renamed:${e}`, 'errors', `${e} answered as ${otherName(e)}`, { errors: { [e]: { type: otherName(e) } } }, errorNameCatches(e))),
    ...errorNames.map((e) => mutant(`error-status:${e}`, 'errors', `${e} answered with HTTP ${otherStatus(e)} instead of ${errors[e].httpStatus}`, { errors: { [e]: { status: otherStatus(e) } } }, errorStatusCatches(e))),
    ...errorNames.map((e) => mutant(`error-class:${e}`, 'errors', `${e} answered as ${otherName(e)} with HTTP ${otherClass(e)}, a ${otherClass(e) < 500 ? 'client' : 'server'} error`, { errors: { [e]: { type: otherName(e), status: otherClass(e) } } }, errorClassCatches(e))),
    ...operationNames.map((op) => mutant(`success-status:${op}`, 'front', `${op} succeeds with HTTP ${operations[op].http.code + 1}`, { successStatus: { [op]: operations[op].http.code + 1 } }, successStatusCatches(op))),
    ...operationNames.flatMap(outputMutants),
    ...operationNames.filter((op) => !operations[op].readonly).map((op) => mutant(`no-effect:${op}`, 'handlers', `${op} answers success and changes nothing`, { noEffect: [op] }, noEffectCatches(op))),
  ];
}
