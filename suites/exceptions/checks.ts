// Error answers, checked together for every modelled error a target is made to produce: the HTTP
// status, the error type header, the body's message, and what the SDK made of it (its exception
// class and name, $fault, $retryable) — each as specs/errors.ts models that error.
import type { Case } from '../../generators/case.ts';
import { errors, errorSchema, schemaErrors, service, type ErrorName, type JsonSchema } from '../../specs/index.ts';
import { sanitizeErrorType } from '../../targets/errorType.ts';
import type { Observation } from '../../targets/types.ts';
import { describeOutcome, finalExchange, notSentByClient, refusedByClient } from '../observed.ts';
import type { Check, ObservationCheck, Finding } from '../types.ts';

const SUITE = 'exceptions';
/** The restJson1 header that carries an error's type. */
export const ERROR_TYPE_HEADER = 'x-amzn-errortype';

function expectedError(c: Case): ErrorName | undefined {
  return c.expect.outcome === 'rejected' ? c.expect.error : undefined;
}

const pass = (checkId: string, message: string): Finding => ({ checkId, status: 'passed', message });

function received(obs: Observation): unknown {
  if (obs.transportError) return { transportError: obs.transportError };
  return obs.client.error ?? { output: obs.client.output };
}

const schemas = new Map<ErrorName, JsonSchema>();
function schemaOf(name: ErrorName): JsonSchema {
  let schema = schemas.get(name);
  if (!schema) schemas.set(name, (schema = errorSchema(name)));
  return schema;
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

export const httpStatusCheck: ObservationCheck = {
  kind: 'observation',
  id: 'exceptions.http-status',
  suite: SUITE,
  level: 'MUST',
  spec: `model: the httpError trait of each error shape (${service.namespace}#<Error>)`,
  title: 'An error answers with the HTTP status its shape models',
  check(c, obs) {
    const expected = expectedError(c);
    if (!expected) return [];
    if (refusedByClient(obs)) return [notSentByClient(this.id, obs)];
    const status = errors[expected].httpStatus;
    const got = finalExchange(obs)?.response?.status ?? obs.client.error?.httpStatus;
    if (obs.client.error && got === status) return [pass(this.id, `${c.label}: HTTP ${status}`)];
    const what = obs.transportError || !obs.client.error ? describeOutcome(obs) : `HTTP ${got ?? '(none)'} (${obs.client.error.name})`;
    return [
      {
        checkId: this.id,
        status: 'failed',
        message: `${c.label}: expected ${expected} with HTTP ${status}, received ${what}`,
        expected: { error: expected, httpStatus: status },
        received: { httpStatus: got, ...(received(obs) as object) },
        hint: `Answer ${expected} with HTTP ${status}, as the error shape's httpError trait says.`,
      },
    ];
  },
};

export const errorTypeHeaderCheck: ObservationCheck = {
  kind: 'observation',
  id: 'exceptions.error-type-header',
  suite: SUITE,
  level: 'SHOULD',
  spec: `restJson1: the error's shape name travels in ${ERROR_TYPE_HEADER}; clients read it after the last '#' and before the first ':' (a body __type or code is their fallback)`,
  title: `An error names its type in ${ERROR_TYPE_HEADER}`,
  needs: ['wire-capture'],
  check(c, obs) {
    const expected = expectedError(c);
    const response = finalExchange(obs)?.response;
    if (!expected || !response || !obs.client.error) return [];
    const header = response.headers[ERROR_TYPE_HEADER];
    const sanitised = header !== undefined ? sanitizeErrorType(header) : undefined;
    if (sanitised === expected) return [pass(this.id, `${c.label}: ${ERROR_TYPE_HEADER}: ${header}${header !== expected ? ` (read as ${expected})` : ''}`)];
    const body = parseBody(response.body) as Record<string, unknown> | undefined;
    const inBody = typeof body === 'object' && body !== null ? (body.__type ?? body.code) : undefined;
    const message =
      header === undefined
        ? `${c.label}: no ${ERROR_TYPE_HEADER} header${typeof inBody === 'string' ? `; the type is only in the body (${JSON.stringify(inBody)}), which clients accept as a fallback` : ', and no __type or code in the body: a client cannot tell which error this is'}`
        : `${c.label}: ${ERROR_TYPE_HEADER} says ${JSON.stringify(header)}${sanitised !== header ? ` (read as ${sanitised})` : ''}, expected ${expected}`;
    return [
      {
        checkId: this.id,
        status: 'failed',
        message,
        expected: { [ERROR_TYPE_HEADER]: expected },
        received: { [ERROR_TYPE_HEADER]: header ?? null, body: body ?? null },
        hint: `Send the error's shape name, ${expected}, in the ${ERROR_TYPE_HEADER} response header.`,
      },
    ];
  },
};

export const errorMessageCheck: ObservationCheck = {
  kind: 'observation',
  id: 'exceptions.error-message',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: every error shape has a required member message (String)',
  title: 'An error body is JSON with the message its shape requires',
  needs: ['wire-capture'],
  check(c, obs) {
    const expected = expectedError(c);
    const response = finalExchange(obs)?.response;
    if (!expected || !response || !obs.client.error) return [];
    const body = parseBody(response.body);
    const problems = body === undefined ? [{ path: '', message: 'the body is empty' }] : schemaErrors(schemaOf(expected), body);
    if (problems.length === 0) return [pass(this.id, `${c.label}: message ${JSON.stringify((body as { message: string }).message).slice(0, 80)}`)];
    return [
      {
        checkId: this.id,
        status: 'failed',
        message: `${c.label}: the error body does not match the ${expected} shape: ${problems.map((p) => `${p.path || '(body)'} ${p.message}`).join('; ')}`,
        expected: `a JSON object with a string message (the ${expected} shape)`,
        received: body ?? '',
        hint: 'Answer every error with a JSON body holding a human-readable message.',
      },
    ];
  },
};

export const sdkClassCheck: ObservationCheck = {
  kind: 'observation',
  id: 'exceptions.sdk-class',
  suite: SUITE,
  level: 'MUST',
  spec: `model: the operation's errors list; @aws-sdk/client-omics raises the exception class generated for each`,
  title: 'The SDK raises the exception class of the modelled error',
  needs: ['client-view'],
  check(c, obs) {
    const expected = expectedError(c);
    if (!expected || obs.transportError) return [];
    if (refusedByClient(obs)) return [notSentByClient(this.id, obs)];
    const e = obs.client.error;
    if (e && e.isModeledClass && e.name === expected) return [pass(this.id, `${c.label}: the SDK raised ${expected}`)];
    // A client that does not say which class it raised (or has none) is judged by the name it gives.
    if (e && e.name === expected && e.unreported?.includes('isModeledClass')) return [pass(this.id, `${c.label}: the client named the error ${expected} (it does not say which class it raised)`)];
    const what = !e ? 'no exception (the call succeeded)' : e.isModeledClass ? `${e.name}` : `${e.name}, not a class the SDK models (a generic OmicsServiceException)`;
    return [
      {
        checkId: this.id,
        status: 'failed',
        message: `${c.label}: expected the SDK to raise ${expected}, it raised ${what}`,
        expected: { name: expected, isModeledClass: true },
        received: e ? { name: e.name, isModeledClass: e.isModeledClass, httpStatus: e.httpStatus } : { output: obs.client.output },
        hint: `Name the error ${expected} where clients look for its type, so the SDK can raise its class.`,
      },
    ];
  },
};

export const faultCheck: ObservationCheck = {
  kind: 'observation',
  id: 'exceptions.fault',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: the error trait of each error shape (client or server)',
  title: 'The SDK marks the error as the client\'s or the server\'s fault as modelled',
  needs: ['client-view'],
  check(c, obs) {
    const expected = expectedError(c);
    const e = obs.client.error;
    if (!expected || !e) return [];
    if (refusedByClient(obs)) return [notSentByClient(this.id, obs)];
    if (e.unreported?.includes('fault')) return [{ checkId: this.id, status: 'skipped', message: 'the client does not tell whose fault an error is' }];
    const fault = errors[expected].fault;
    if (e.fault === fault) return [pass(this.id, `${c.label}: $fault ${fault}`)];
    return [
      {
        checkId: this.id,
        status: 'failed',
        message: `${c.label}: $fault is ${e.fault ?? '(unset)'} on ${e.name} (HTTP ${e.httpStatus ?? '?'}), ${expected} is a ${fault} error`,
        expected: { $fault: fault },
        received: { $fault: e.fault ?? null, name: e.name, httpStatus: e.httpStatus },
        hint: `A client tells whose fault an error is from its type, or failing that from the status: answer ${expected} by name with HTTP ${errors[expected].httpStatus}.`,
      },
    ];
  },
};

const describeRetry = (r: { throttling?: boolean } | undefined) => (r ? `retryable${r.throttling ? ' (throttling)' : ''}` : 'not retryable');

export const retryableCheck: ObservationCheck = {
  kind: 'observation',
  id: 'exceptions.retryable',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: the retryable trait of each error shape (and its throttling flag)',
  title: 'The SDK marks the error retryable, and throttling, as modelled',
  needs: ['client-view'],
  check(c, obs) {
    const expected = expectedError(c);
    const e = obs.client.error;
    if (!expected || !e) return [];
    if (refusedByClient(obs)) return [notSentByClient(this.id, obs)];
    if (e.unreported?.includes('retryable')) return [{ checkId: this.id, status: 'skipped', message: 'the client does not tell whether an error is retryable' }];
    const spec = errors[expected].retryable;
    const same = Boolean(e.retryable) === Boolean(spec) && Boolean(e.retryable?.throttling) === Boolean(spec?.throttling);
    if (same) return [pass(this.id, `${c.label}: ${describeRetry(spec)}`)];
    return [
      {
        checkId: this.id,
        status: 'failed',
        message: `${c.label}: the SDK saw ${e.name} as ${describeRetry(e.retryable)}, ${expected} is ${describeRetry(spec)}`,
        expected: { $retryable: spec ?? null },
        received: { $retryable: e.retryable ?? null, name: e.name },
        hint: `The SDK takes $retryable from the error's class: answer ${expected} under its own name so retries and backoff work.`,
      },
    ];
  },
};

export const exceptionChecks: readonly Check[] = [httpStatusCheck, errorTypeHeaderCheck, errorMessageCheck, sdkClassCheck, faultCheck, retryableCheck];
