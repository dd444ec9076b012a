// Each switch of Deviations as a wrapper around the pipeline: the one place that reads a switch.
import { codePointLength, isPlainObject, ListSequenceStoresMaxResults, operations, type OperationName, type Violation } from '../../specs/index.ts';
import { canonicalJson, tokenMember } from '../core/idempotency.ts';
import { handlers } from '../core/operations/index.ts';
import { storeByArn, type Handler } from '../core/operations/context.ts';
import type { Deviations } from '../deviations.ts';
import { toEpochTimestamps } from '../deviations.ts';
import { composePipeline, type Pipeline, type PipelineWrapper } from './pipeline.ts';

/** Values found at a top-level member path, or inside a top-level list (`a[]`). */
function topLevelValues(input: Record<string, unknown>, path: string): unknown[] {
  if (path.endsWith('[]')) {
    const list = input[path.slice(0, -2)];
    return Array.isArray(list) ? list : [];
  }
  return path.includes('.') || path.includes('<') ? [] : input[path] === undefined ? [] : [input[path]];
}

function unenforced(ruleIds: readonly string[]): PipelineWrapper {
  const skipped = new Set(ruleIds);
  return (p) => ({ ...p, enforced: (op, input, vs) => p.enforced(op, input, vs).filter((v) => !skipped.has(`${op}:${v.path}:${v.rule}`)) });
}

/** Tighter upper bounds than the contract's: values the contract allows are refused. */
function tightened(bounds: Readonly<Record<string, number>>): PipelineWrapper {
  return (p) => ({
    ...p,
    enforced(operation, input, violations) {
      const out = p.enforced(operation, input, violations);
      for (const [id, bound] of Object.entries(bounds)) {
        const [op, path, rule] = id.split(':') as [string, string, Violation['rule']];
        if (op !== operation) continue;
        for (const value of topLevelValues(input, path)) {
          const size = typeof value === 'string' ? codePointLength(value) : Array.isArray(value) ? value.length : typeof value === 'number' ? value : isPlainObject(value) ? Object.keys(value).length : undefined;
          if (size !== undefined && size > bound) out.push({ path, at: path, rule, level: 'MUST', value });
        }
      }
      return out;
    },
  });
}

/** The request with its clientToken replaced by its own content: a new token with the same request gets the first answer. */
function keyedByContent(operation: OperationName, input: Record<string, unknown>): Record<string, unknown> {
  const member = tokenMember(operation);
  if (!member || typeof input[member] !== 'string') return input;
  const { [member]: _token, ...rest } = input;
  return { ...input, [member]: canonicalJson(rest) };
}

/** A wrapper around the handlers of the operations `applies` names, the others left as they are. */
function aroundHandler(applies: (operation: OperationName) => boolean, wrap: (inner: Handler) => Handler): PipelineWrapper {
  return (p) => ({ ...p, handler: (operation) => (applies(operation) ? wrap(p.handler(operation)) : p.handler(operation)) });
}

const tagReplaces = aroundHandler(
  (op) => op === 'TagResource',
  (inner) => (input, context) => {
    const store = storeByArn(context, input.resourceArn as string);
    const before = store.tags;
    store.tags = {};
    try {
      return inner(input, context);
    } catch (error) {
      store.tags = before;
      throw error;
    }
  },
);

const pagesSkipOne = aroundHandler(
  (op) => op === 'ListSequenceStores',
  (inner) => (input, context) => {
    const out = inner(input, context);
    return typeof input.nextToken === 'string' && Array.isArray(out.sequenceStores) ? { ...out, sequenceStores: out.sequenceStores.slice(1) } : out;
  },
);

const deleteKeepsStore = aroundHandler(
  (op) => op === 'DeleteSequenceStore',
  () => (input, context) => (handlers.GetSequenceStore(input, context), {}),
);

function outputChanged(dropped: Deviations['droppedOutputMembers'] = {}, replaced: Deviations['replacedOutputMembers'] = {}): PipelineWrapper {
  return (p) => ({
    ...p,
    output(operation, output) {
      const out = { ...p.output(operation, output), ...replaced[operation] };
      for (const m of dropped[operation] ?? []) delete out[m];
      return out;
    },
  });
}

/** The operation answers as it would, and the state is put back as it was. */
function noEffect(ops: readonly OperationName[]): PipelineWrapper {
  return aroundHandler(
    (op) => ops.includes(op),
    (inner) => (input, context) => {
      const saved = structuredClone(context.state.snapshot());
      const out = inner(input, context);
      context.state.restore(saved);
      return out;
    },
  );
}

const listPageCap = ListSequenceStoresMaxResults.range?.max ?? 1;

const shortPages = aroundHandler(
  (op) => op === 'ListSequenceStores',
  (inner) => (input, context) => inner({ ...input, maxResults: Math.max(1, Math.floor(((input.maxResults as number | undefined) ?? listPageCap) / 2)) }, context),
);

function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  return value;
}

/** The active switches of `d`, as wrappers in a fixed order. */
export function wrappersOf(d: Deviations): PipelineWrapper[] {
  const out: PipelineWrapper[] = [];
  if (d.unenforcedRules?.length) out.push(unenforced(d.unenforcedRules));
  if (d.tightenedBounds && Object.keys(d.tightenedBounds).length) out.push(tightened(d.tightenedBounds));
  if (d.validateAfterEffect) out.push((p) => ({ ...p, validateBeforeEffect: false }));
  if (d.ignoreClientToken) out.push((p) => ({ ...p, idempotency: () => ({ kind: 'run' }) }));
  if (d.idempotencyByRequest) out.push((p) => ({ ...p, idempotency: (state, op, input, onMismatch) => p.idempotency(state, op, keyedByContent(op, input), onMismatch) }));
  if (d.deleteKeepsStore) out.push(deleteKeepsStore);
  if (d.tagReplaces) out.push(tagReplaces);
  if (d.noEffect?.length) out.push(noEffect(d.noEffect));
  if (d.shortPages) out.push(shortPages);
  if (d.pagesSkipOne) out.push(pagesSkipOne);
  if (d.droppedOutputMembers || d.replacedOutputMembers) out.push(outputChanged(d.droppedOutputMembers, d.replacedOutputMembers));
  const errorChanges = d.errors;
  if (errorChanges) out.push((p) => ({ ...p, error: (e) => p.error(e).deviated(errorChanges[e.errorName]) }));
  if (d.faultAfterEffect) out.push((p) => ({ ...p, faultAfterEffect: true }));
  if (d.anyMediaType) out.push((p) => ({ ...p, checksMediaTypes: false }));
  const statuses = d.successStatus;
  if (statuses) out.push((p) => ({ ...p, successStatus: (op) => statuses[op] ?? p.successStatus(op) }));
  if (d.epochTimestamps) out.push((p) => ({ ...p, successBody: (op, output) => toEpochTimestamps(operations[op].output, p.successBody(op, output)) }));
  if (d.reverseMemberOrder) out.push((p) => ({ ...p, successBody: (op, output) => reversed(p.successBody(op, output)) }));
  if (d.rewordErrorMessages) out.push((p) => ({ ...p, errorResponse: (e) => ({ ...p.errorResponse(e), body: { ...p.errorResponse(e).body, message: 'The request was not processed.' } }) }));
  if (d.omitErrorMessage) {
    out.push((p) => ({
      ...p,
      errorResponse(e) {
        const { message: _m, ...body } = p.errorResponse(e).body;
        return { ...p.errorResponse(e), body };
      },
    }));
  }
  if (d.errorTypeIn === 'body' || d.errorTypeIn === 'nowhere') {
    const inBody = d.errorTypeIn === 'body';
    out.push((p) => ({
      ...p,
      errorResponse(e) {
        const r = p.errorResponse(e);
        const { 'x-amzn-errortype': _t, ...headers } = r.headers;
        return { ...r, headers, body: inBody ? { ...r.body, __type: e.wireType } : r.body };
      },
    }));
  }
  return out;
}

export function pipelineOf(d: Deviations): Pipeline {
  return composePipeline(wrappersOf(d));
}
