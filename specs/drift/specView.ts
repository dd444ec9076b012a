// specs/ seen through the drift view. `flavour` picks how patterns are written: botocore drops the
// anchors of Smithy patterns, and writes a few patterns differently (StringShape.botocorePattern).
import { errors } from '../errors.ts';
import { operations } from '../operations.ts';
import { withoutAnchors } from '../pattern.ts';
import type { Member, Shape } from '../types.ts';
import { childPath, compact, type ConstraintView, type ContractView, type ErrorView } from './view.ts';

export type ModelFlavour = 'botocore' | 'smithy';

function shapeView(shape: Shape, flavour: ModelFlavour): ConstraintView {
  switch (shape.type) {
    case 'string': {
      const pattern = shape.pattern === undefined ? undefined : flavour === 'botocore' ? (shape.botocorePattern ?? withoutAnchors(shape.pattern)) : shape.pattern;
      return compact({
        type: 'string',
        lengthMin: shape.length?.min,
        lengthMax: shape.length?.max,
        pattern,
        enum: shape.enum ? [...shape.enum].sort() : undefined,
      });
    }
    case 'integer':
      return compact({ type: 'integer', rangeMin: shape.range?.min, rangeMax: shape.range?.max });
    case 'timestamp':
      return { type: 'timestamp', timestampFormat: shape.format };
    case 'list':
    case 'map':
      return compact({ type: shape.type, lengthMin: shape.length?.min, lengthMax: shape.length?.max });
    case 'structure':
      return { type: 'structure' };
  }
}

function walk(shape: Shape, path: string, flavour: ModelFlavour, out: Record<string, ConstraintView>): void {
  if (shape.type === 'list') walkMember({ target: shape.member }, `${path}[]`, flavour, out);
  if (shape.type === 'map') {
    walkMember({ target: shape.key }, `${path}.<key>`, flavour, out);
    walkMember({ target: shape.value }, `${path}.<value>`, flavour, out);
  }
  if (shape.type === 'structure') {
    for (const [name, member] of Object.entries(shape.members)) walkMember(member, childPath(path, name), flavour, out);
  }
}

function walkMember(member: Member, path: string, flavour: ModelFlavour, out: Record<string, ConstraintView>): void {
  out[path] = compact({
    ...shapeView(member.target, flavour),
    required: member.required ? true : undefined,
    location: member.location,
    locationName: member.locationName,
    idempotencyToken: member.idempotencyToken ? true : undefined,
  });
  walk(member.target, path, flavour, out);
}

export function specView(flavour: ModelFlavour): ContractView {
  const view: ContractView = {};
  for (const op of Object.values(operations)) {
    const input: Record<string, ConstraintView> = {};
    const output: Record<string, ConstraintView> = {};
    walk(op.input, '', flavour, input);
    walk(op.output, '', flavour, output);
    const errs: Record<string, ErrorView> = {};
    for (const name of op.errors) {
      const e = errors[name];
      errs[name] = { httpStatus: e.httpStatus, fault: e.fault, retryable: e.retryable !== undefined, throttling: e.retryable?.throttling ?? false };
    }
    view[op.name] = { http: compact({ ...op.http }), input, output, errors: errs };
  }
  return view;
}
