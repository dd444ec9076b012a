#!/usr/bin/env node
// The JS SDK v2 (the `aws-sdk` package) behind the adapter protocol (README.md, "Verify an SDK").
// `aws-sdk` is found from the working directory first, then as Node finds it (NODE_PATH included).
'use strict';
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { createInterface } = require('node:readline');

const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

function load() {
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
  for (const from of [join(process.cwd(), 'package.json'), __filename]) {
    try {
      return createRequire(from)('aws-sdk');
    } catch {
      // not found from there
    }
  }
  return undefined;
}

const AWS = load();
if (!AWS) {
  say({ ready: false, missing: 'the JS SDK v2 is not installed: npm install aws-sdk@2 (in the directory the run starts in)' });
  process.exit(0);
}

const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1);

/** The first member of `value` that the client's model of `shape` does not have, as a path. */
function unknownMember(shape, value, path) {
  if (!shape || value === null || typeof value !== 'object') return undefined;
  if (shape.type === 'structure') {
    for (const [k, v] of Object.entries(value)) {
      const member = shape.members[k];
      if (!member) return `${path}.${k}`;
      const inner = unknownMember(member, v, `${path}.${k}`);
      if (inner) return inner;
    }
  } else if (shape.type === 'list' && Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const inner = unknownMember(shape.member, v, `${path}[${i}]`);
      if (inner) return inner;
    }
  } else if (shape.type === 'map') {
    for (const [k, v] of Object.entries(value)) {
      const inner = unknownMember(shape.value, v, `${path}.${k}`);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The members the client's model has in `shape`, as paths joined by dots (lists see-through). */
function memberPaths(shape, prefix = '', depth = 0) {
  if (!shape || depth > 10) return [];
  if (shape.type === 'list') return memberPaths(shape.member, prefix, depth + 1);
  if (shape.type !== 'structure') return [];
  return Object.entries(shape.members).flatMap(([k, m]) => [`${prefix}${k}`, ...memberPaths(m, `${prefix}${k}.`, depth + 1)]);
}

const clients = new Map();
function clientFor(r) {
  const key = JSON.stringify([r.endpoint, r.region, r.credentials, r.retry.maxAttempts, r.timeoutMs]);
  if (!clients.has(key)) {
    clients.set(key, new AWS.Omics({
      endpoint: r.endpoint,
      region: r.region,
      credentials: new AWS.Credentials(r.credentials.accessKeyId, r.credentials.secretAccessKey, r.credentials.sessionToken),
      maxRetries: r.retry.maxAttempts - 1,
      retryDelayOptions: { base: 50 },
      hostPrefixEnabled: false, // the endpoint is the host: no `control-storage-` in front of it
      httpOptions: { timeout: r.timeoutMs, connectTimeout: r.timeoutMs },
    }));
  }
  return clients.get(key);
}

// JSON output with Dates as ISO strings and Buffers as base64.
function plain(value) {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function errorOf(e, client) {
  const httpStatus = e.statusCode;
  if (e.code === 'UnexpectedParameter') return { code: e.code, message: e.message, kind: 'unsupported' };
  if (!httpStatus) {
    const local = /^(InvalidParameter|MissingRequiredParameter|MultipleValidationErrors|InvalidParameterType)/.test(e.code ?? '');
    return { code: e.code ?? 'Error', message: e.message, kind: local ? 'client' : 'transport' };
  }
  return {
    code: e.code,
    message: e.message,
    httpStatus,
    ...(e.requestId ? { requestId: e.requestId } : {}),
    retryable: e.retryable ? { throttling: Boolean(client.throttledError(e)) } : false,
    kind: 'service',
  };
}

async function answer(r) {
  const { id, op } = r;
  const client = clientFor(r);
  const method = lowerFirst(op);
  const model = client.api.operations[method];
  if (!model || typeof client[method] !== 'function') return { id, error: { code: 'UnknownOperation', message: `its model has no operation ${op}`, kind: 'unsupported' } };
  const unknown = unknownMember(model.input, r.input, op);
  if (unknown) return { id, error: { code: 'UnexpectedParameter', message: `its model has no member ${unknown}`, kind: 'unsupported' } };
  try {
    const output = await client[method](r.input).promise();
    return { id, output: plain(output), known: memberPaths(model.output) };
  } catch (e) {
    return { id, error: errorOf(e, client) };
  }
}

async function serve() {
  say({ ready: true, client: `aws-sdk ${AWS.VERSION} (JS SDK v2)` });
  for await (const line of createInterface({ input: process.stdin })) if (line.trim()) say(await answer(JSON.parse(line)));
}

serve();
