#!/usr/bin/env node
// The adapter protocol's example (README.md, "Verify an SDK"): the JS SDK v3 behind JSON lines.
// Run as a program it serves stdin/stdout; `serve(hooks)` lets a variant change a call on its way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import * as Omics from '@aws-sdk/client-omics';

const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

function version() {
  const main = createRequire(import.meta.url).resolve('@aws-sdk/client-omics');
  return JSON.parse(readFileSync(join(main.slice(0, main.lastIndexOf('client-omics') + 'client-omics'.length), 'package.json'), 'utf8')).version;
}

// The request names its timestamp members (`filter.createdAfter`); this SDK wants Date objects there.
function withDates(input, paths) {
  const copy = structuredClone(input);
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop();
    const parent = keys.reduce((o, k) => o?.[k], copy);
    if (parent && typeof parent[last] === 'string') parent[last] = new Date(parent[last]);
  }
  return copy;
}

const clients = new Map();
function clientFor(r) {
  const key = JSON.stringify([r.endpoint, r.region, r.credentials, r.retry.maxAttempts, r.timeoutMs]);
  if (!clients.has(key)) {
    clients.set(key, new Omics.OmicsClient({
      endpoint: r.endpoint,
      region: r.region,
      credentials: r.credentials,
      maxAttempts: r.retry.maxAttempts,
      disableHostPrefix: true, // the endpoint is the host: no `control-storage-` in front of it
      requestHandler: { requestTimeout: r.timeoutMs, connectionTimeout: r.timeoutMs },
    }));
  }
  return clients.get(key);
}

function errorOf(e) {
  const httpStatus = e.$metadata?.httpStatusCode;
  return {
    code: e.name ?? 'Error',
    message: e.message ?? String(e),
    ...(httpStatus ? { httpStatus, requestId: e.$metadata.requestId } : {}),
    retryable: e.$retryable ? { throttling: Boolean(e.$retryable.throttling) } : false,
    ...(e.$fault ? { fault: e.$fault } : {}),
    modeled: e instanceof Omics.OmicsServiceException && e.constructor !== Omics.OmicsServiceException,
    kind: httpStatus ? 'service' : 'transport',
  };
}

/** hooks.refuse(request) → a message to refuse the call locally; hooks.command(command, request) → changes the command; hooks.answer(answer, request) → the answer to print. */
export async function serve(hooks = {}) {
  say({ ready: true, client: `@aws-sdk/client-omics ${version()}` });
  for await (const line of createInterface({ input: process.stdin })) {
    const request = JSON.parse(line);
    say((hooks.answer ?? ((a) => a))(await answer(request, hooks), request));
  }
}

async function answer(request, hooks) {
  const { id, op } = request;
  const Command = Omics[`${op}Command`];
  if (!Command) return { id, error: { code: 'UnknownOperation', message: `this client has no operation ${op}`, kind: 'unsupported' } };
  const refusal = hooks.refuse?.(request);
  if (refusal) return { id, error: { code: 'ClientValidation', message: refusal, kind: 'client' } };
  const command = new Command(withDates(request.input, request.timestamps ?? []));
  hooks.command?.(command, request);
  try {
    const { $metadata, ...output } = await clientFor(request).send(command, { abortSignal: AbortSignal.timeout(request.timeoutMs) });
    return { id, output };
  } catch (e) {
    return { id, error: errorOf(e) };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await serve();
