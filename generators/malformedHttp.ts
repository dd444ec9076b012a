// Malformed raw HTTP exchanges for an HTTP front: broken and deeply nested JSON, wrong member types,
// invalid UTF-8, huge strings and bodies, odd methods, garbage in path labels, lying Content-Length,
// chunked bodies, slow senders, half-closed connections, oversized headers. Every path, method and
// member comes from specs/. An exchange is plain data (what to write, how fast, whether to half-close)
// so it prints as its own reproduction.
import * as fc from 'fast-check';
import { encodeRequest, operationNames, operations, percentEncode as pct, requestParts, type Member, type OperationName } from '../specs/index.ts';
import { validInput } from './validInput.ts';

export const malformedKinds = [
  'broken-json',
  'deep-json',
  'wrong-type',
  'invalid-utf8',
  'huge-string',
  'huge-body',
  'odd-method',
  'path-label',
  'lying-length',
  'chunked',
  'slow-sender',
  'half-close',
  'oversized-headers',
  'odd-headers',
] as const;
export type MalformedKind = (typeof malformedKinds)[number];

/** `latin1` (one character a byte) written `times` times in a row. */
export interface Piece {
  readonly latin1: string;
  readonly times?: number;
}

export interface MalformedExchange {
  readonly kind: MalformedKind;
  readonly variant: string;
  /** The method of the first request line as sent (a HEAD answer carries no body). */
  readonly method: string;
  /** The socket writes in order, `pauseMs` apart. */
  readonly writes: readonly (readonly Piece[])[];
  readonly pauseMs: number;
  /** The client ends its write side after the last write. */
  readonly halfClose: boolean;
  /** The client broke the HTTP framing itself, so closing without an answer is a fair reply. */
  readonly framingBroken: boolean;
}

export interface MalformedHttpOptions {
  /** The body limit of the server under test: huge bodies go just under and over it. */
  readonly maxBodyBytes: number;
  /** The header limit of the server under test (node's `maxHeaderSize`). */
  readonly maxHeaderBytes: number;
  /** The factor past the body limit at which a server stops reading (the emulator's hard cap). */
  readonly hardCapFactor?: number;
}

// ---- bytes ------------------------------------------------------------------------------------

const latin1 = (text: string): Piece => ({ latin1: Buffer.from(text, 'utf8').toString('latin1') });
const raw = (bytes: readonly number[]): Piece => ({ latin1: String.fromCharCode(...bytes) });
const run = (text: string, times: number): Piece => ({ latin1: Buffer.from(text, 'utf8').toString('latin1'), times });

export function pieceBytes(pieces: readonly Piece[]): number {
  return pieces.reduce((n, p) => n + p.latin1.length * (p.times ?? 1), 0);
}

/** The bytes of one write. */
export function materialize(pieces: readonly Piece[]): Buffer {
  return Buffer.concat(pieces.map((p) => Buffer.from((p.times ?? 1) === 1 ? p.latin1 : p.latin1.repeat(p.times!), 'latin1')));
}

// ---- the contract -----------------------------------------------------------------------------

type Members = [string, Member][];
const membersOf = (op: OperationName, where: Member['location']): Members => Object.entries(operations[op].input.members).filter(([, m]) => m.location === where);
const bodyOps = operationNames.filter((op) => membersOf(op, undefined).length > 0);
const labelOps = operationNames.filter((op) => membersOf(op, 'label').length > 0);
const queryOps = operationNames.filter((op) => membersOf(op, 'query').length > 0);
const wireName = ([name, m]: [string, Member]) => m.locationName ?? name;

interface Request {
  readonly op: OperationName;
  readonly method: string;
  /** Request target: path with labels and query, percent-encoded. */
  readonly target: string;
  /** The JSON body members. */
  readonly body: Record<string, unknown>;
}

/** The path of `op` with its labels filled in as they are given (already encoded, or spoilt on purpose). */
function pathWith(op: OperationName, labels: Record<string, string>): string {
  let path = operations[op].http.uri;
  for (const m of membersOf(op, 'label')) path = path.replace(`{${wireName(m)}}`, labels[wireName(m)] ?? '');
  return path;
}

/** A valid request of `op` (labels are well-formed, not necessarily of an existing store). */
function validRequest(op: OperationName): fc.Arbitrary<Request> {
  return validInput(op).map((input) => {
    const { method, path } = encodeRequest(op, input);
    return { op, method, target: path, body: { ...requestParts(op, input).body } };
  });
}

const anyRequest = (ops: readonly OperationName[]) => fc.constantFrom(...ops).chain(validRequest);

// ---- framing ----------------------------------------------------------------------------------

type Header = readonly [string, string];
const JSON_TYPE: Header = ['Content-Type', 'application/json'];

function head(method: string, requestTarget: string, headers: readonly Header[]): Piece {
  return latin1(`${method} ${requestTarget} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
}

/** A request with a truthful Content-Length for `body`. */
function framed(method: string, requestTarget: string, body: readonly Piece[], headers: readonly Header[] = [JSON_TYPE]): Piece[] {
  return [head(method, requestTarget, [...headers, ['Content-Length', String(pieceBytes(body))]]), ...body];
}

const jsonText = (value: unknown): string => JSON.stringify(value);

interface Plan {
  readonly variant: string;
  readonly method: string;
  readonly writes: readonly (readonly Piece[])[];
  readonly pauseMs?: number;
  readonly halfClose?: boolean;
  readonly framingBroken?: boolean;
}

const exchange = (kind: MalformedKind) => (p: Plan): MalformedExchange => ({
  kind,
  variant: p.variant,
  method: p.method,
  writes: p.writes,
  pauseMs: p.pauseMs ?? 0,
  halfClose: p.halfClose ?? false,
  framingBroken: p.framingBroken ?? false,
});

/** A body request of `op`, with its body replaced. */
const withBody = (r: Request, variant: string, body: readonly Piece[]): Plan => ({ variant, method: r.method, writes: [framed(r.method, r.target, body)] });

// ---- kinds ------------------------------------------------------------------------------------

function brokenJson(): fc.Arbitrary<Plan> {
  return fc.tuple(anyRequest(bodyOps), fc.nat(), fc.constantFrom('truncated', 'garbage-inside', 'trailing', 'quotes', 'not-an-object', 'bom', 'noise')).chain(([r, at, how]) => {
    const text = jsonText({ ...r.body, [membersOf(r.op, undefined)[0]![0]]: 'x' });
    const cut = 1 + (at % (text.length - 1));
    switch (how) {
      case 'truncated':
        return fc.constant(withBody(r, how, [latin1(text.slice(0, cut))]));
      case 'garbage-inside':
        return fc.constantFrom('{', '}', ',', ':', '"', '\\', '\u0000', 'NaN').map((g) => withBody(r, `${how} ${JSON.stringify(g)}`, [latin1(text.slice(0, cut) + g + text.slice(cut))]));
      case 'trailing':
        return fc.constantFrom('}', ']', ',', 'x', '{}').map((g) => withBody(r, `${how} ${g}`, [latin1(text + g)]));
      case 'quotes':
        return fc.constant(withBody(r, how, [latin1(text.replace(/"/g, "'"))]));
      case 'not-an-object':
        return fc.constantFrom('[]', '[{}]', '"x"', '1', 'true', 'null', '1e400').map((t) => withBody(r, `${how} ${t}`, [latin1(t)]));
      case 'bom':
        return fc.constant(withBody(r, how, [raw([0xef, 0xbb, 0xbf]), latin1(text)]));
      default:
        return fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }).map((s) => withBody(r, how, [latin1(s)]));
    }
  });
}

function deepJson(options: MalformedHttpOptions): fc.Arbitrary<Plan> {
  const depths = [64, 1_000, 10_000, 100_000].filter((d) => d * 5 < options.maxBodyBytes * 2);
  return anyRequest(bodyOps).chain((r) =>
    fc.tuple(fc.constantFrom(...membersOf(r.op, undefined)), fc.constantFrom(...depths), fc.constantFrom('[', '{"a":'), fc.constantFrom('top', 'member', 'unknown', 'map-value')).map(([[member], depth, open, where]) => {
      const close = open === '[' ? ']' : '}';
      const nest = [run(open, depth), latin1(open === '[' ? '' : '1'), run(close, depth)];
      const prefix = where === 'top' ? '' : where === 'unknown' ? `{"${member}_":` : where === 'map-value' ? `{"${member}":{"k":` : `{"${member}":`;
      const suffix = where === 'top' ? '' : where === 'map-value' ? '}}' : '}';
      return withBody(r, `depth ${depth} ${open === '[' ? 'arrays' : 'objects'} at ${where} (${member})`, [latin1(prefix), ...nest, latin1(suffix)]);
    }),
  );
}

const JSON_VALUES: readonly [string, string][] = [
  ['1', 'number'],
  ['-1.5e308', 'number'],
  ['1e400', 'number'],
  ['-0', 'number'],
  ['123456789012345678901234567890', 'number'],
  ['true', 'boolean'],
  ['null', 'null'],
  ['""', 'string'],
  ['"x"', 'string'],
  ['"1"', 'string'],
  ['[]', 'array'],
  ['[1,"a",null]', 'array'],
  ['{}', 'object'],
  ['{"a":{}}', 'object'],
];
const JSON_TYPE_OF: Record<string, string> = { string: 'string', integer: 'number', timestamp: 'string', list: 'array', map: 'object', structure: 'object' };

function wrongType(): fc.Arbitrary<Plan> {
  const inBody = anyRequest(bodyOps).chain((r) =>
    fc.tuple(fc.constantFrom(...membersOf(r.op, undefined)), fc.constantFrom(...JSON_VALUES), fc.boolean()).map(([[name, m], [value, type], duplicate]) => {
      const literal = type === JSON_TYPE_OF[m.target.type] ? (type === 'string' ? '12' : '"12"') : value;
      const rest = jsonText({ ...r.body, [name]: undefined }).slice(1, -1);
      // A duplicate key: the valid value first, the wrong one last.
      const first = duplicate && r.body[name] !== undefined ? `"${name}":${jsonText(r.body[name])},` : '';
      return withBody(r, `${name} (${m.target.type}) as ${literal}${first ? ' after a valid duplicate' : ''}`, [latin1(`{${rest}${rest ? ',' : ''}${first}"${name}":${literal}}`)]);
    }),
  );
  const inQuery = anyRequest(queryOps).chain((r) =>
    fc.tuple(fc.constantFrom(...membersOf(r.op, 'query')), fc.constantFrom('abc', '1.5', '1e3', '-0', '0x10', '99999999999999999999', '', '%20', '+', '%00')).map(([m, v]) => ({
      variant: `query ${wireName(m)}=${v}`,
      method: r.method,
      writes: [framed(r.method, `${r.target}${r.target.includes('?') ? '&' : '?'}${pct(wireName(m))}=${v}`, r.method === 'GET' || r.method === 'DELETE' ? [] : [latin1(jsonText(r.body))])],
    })),
  );
  return fc.oneof(inBody, inQuery);
}

const INVALID_UTF8: readonly (readonly number[])[] = [[0xff], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];

function invalidUtf8(): fc.Arbitrary<Plan> {
  const bytes = fc.constantFrom(...INVALID_UTF8);
  const hex = (b: readonly number[]) => b.map((x) => x.toString(16).padStart(2, '0')).join(' ');
  const inBody = fc.tuple(anyRequest(bodyOps), bytes).chain(([r, b]) =>
    fc.constantFrom(...membersOf(r.op, undefined)).map(([name]) => {
      const rest = jsonText({ ...r.body, [name]: undefined }).slice(1, -1);
      return withBody(r, `body ${name} with ${hex(b)}`, [latin1(`{${rest}${rest ? ',' : ''}"${name}":"a`), raw(b), latin1('z"}')]);
    }),
  );
  const inLabel = fc.tuple(anyRequest(labelOps), bytes, fc.boolean()).map(([r, b, encoded]) => {
    const [path, query] = r.target.split('?');
    const cut = path!.lastIndexOf('/') + 1;
    const junk = encoded ? b.map((x) => `%${x.toString(16).toUpperCase()}`).join('') : String.fromCharCode(...b);
    return { variant: `label with ${hex(b)} ${encoded ? 'percent-encoded' : 'raw'}`, method: r.method, writes: [[{ latin1: `${r.method} ${path!.slice(0, cut)}a${junk}${path!.slice(cut)}${query ? `?${query}` : ''} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n` }]] };
  });
  const inHeader = fc.tuple(anyRequest(operationNames), bytes).map(([r, b]) => {
    const body = latin1(jsonText(r.body));
    const [start, end] = materialize([head(r.method, r.target, [JSON_TYPE, ['X-Note', 'a\u0000'], ['Content-Length', String(pieceBytes([body]))]])]).toString('latin1').split('\u0000');
    return { variant: `header value with ${hex(b)}`, method: r.method, writes: [[{ latin1: start! }, raw(b), { latin1: end! }, body]] };
  });
  return fc.oneof(inBody, inLabel, inHeader);
}

function hugeString(options: MalformedHttpOptions): fc.Arbitrary<Plan> {
  return anyRequest(bodyOps).chain((r) =>
    fc.tuple(fc.constantFrom(...membersOf(r.op, undefined)), fc.constantFrom('a', 'é', '😀'), fc.constantFrom('shape-max+1', 'under-limit', 'over-limit', '64KiB')).map(([[name, m], ch, size]) => {
      const charBytes = Buffer.byteLength(ch);
      const max = m.target.type === 'string' ? m.target.length?.max : undefined;
      const fits = size === 'shape-max+1' && max === undefined ? '64KiB' : size;
      const count = fits === 'shape-max+1' ? max! + 1 : fits === 'under-limit' ? Math.floor((options.maxBodyBytes - 64) / charBytes) : fits === 'over-limit' ? Math.ceil((options.maxBodyBytes + 1) / charBytes) : 65_536;
      return withBody(r, `${name} of ${count} × ${JSON.stringify(ch)} (${fits})`, [latin1(`{"${name}":"`), run(ch, count), latin1('"}')]);
    }),
  );
}

const CHUNK = 64 * 1024;

/** `prefix`, `fill` × `count`, `suffix` in chunked framing: a chunk for each end, the fill in 64 KiB chunks. */
function chunkedRun(prefix: string, fill: string, count: number, suffix: string): Piece[] {
  const chunk = (text: string): Piece[] => (text ? [latin1(`${text.length.toString(16)}\r\n${text}\r\n`)] : []);
  const whole = Math.floor(count / CHUNK);
  const rest = count % CHUNK;
  return [
    ...chunk(prefix),
    ...(whole ? [{ latin1: `${CHUNK.toString(16)}\r\n${fill.repeat(CHUNK)}\r\n`, times: whole }] : []),
    ...chunk(fill.repeat(rest)),
    ...chunk(suffix),
    latin1('0\r\n\r\n'),
  ];
}

function hugeBody(options: MalformedHttpOptions): fc.Arbitrary<Plan> {
  const limit = options.maxBodyBytes;
  const cap = limit * (options.hardCapFactor ?? 16);
  const sizes: [string, number][] = [
    ['limit-1', limit - 1],
    ['limit', limit],
    ['limit+1', limit + 1],
    ['2×limit', 2 * limit],
  ];
  // Past the hard cap is rare: it costs 17 times the limit in bytes.
  const size = fc.oneof({ arbitrary: fc.constantFrom(...sizes), weight: 8 }, { arbitrary: fc.constant<[string, number]>(['past the hard cap', cap + limit]), weight: 1 });
  return fc.tuple(anyRequest(bodyOps), size, fc.constantFrom('json-padding', 'garbage'), fc.boolean()).map(([r, [label, size], fill, chunked]) => {
    const json = fill === 'json-padding' ? `{"${membersOf(r.op, undefined)[0]![0]}":1` : '';
    const end = fill === 'json-padding' ? '}' : '';
    const count = Math.max(0, size - json.length - end.length);
    const padding = fill === 'json-padding' ? ' ' : 'x';
    const variant = `${chunked ? 'chunked ' : ''}${label} (${size} bytes) of ${fill}`;
    if (!chunked) return withBody(r, variant, [latin1(json), run(padding, count), latin1(end)]);
    return { variant, method: r.method, writes: [[head(r.method, r.target, [JSON_TYPE, ['Transfer-Encoding', 'chunked']]), ...chunkedRun(json, padding, count, end)]] };
  });
}

const ODD_METHODS = ['PROPFIND', 'MKCOL', 'PURGE', 'OPTIONS', 'TRACE', 'HEAD', 'CONNECT', 'SEARCH', 'PRI', 'LINK', 'M-SEARCH'];

function oddMethod(): fc.Arbitrary<Plan> {
  const method = fc.oneof(
    fc.constantFrom(...ODD_METHODS),
    fc.constantFrom(...operationNames).map((op) => operations[op].http.method.toLowerCase()),
    fc.constantFrom(...operationNames).map((op) => { const m = operations[op].http.method; return m[0] + m.slice(1).toLowerCase(); }),
    fc.string({ unit: fc.constantFrom(...'ABCDEFGXYZ!#$%&*+-.^_|~0123456789'), minLength: 1, maxLength: 12 }),
    fc.constantFrom('', 'G\u0000T', '\u00c9T', 'GET GET'),
  );
  return fc.tuple(anyRequest(operationNames), method).map(([r, m]) => ({ variant: `method ${JSON.stringify(m)} on ${r.op}'s path`, method: m, writes: [framed(m, r.target, [latin1(jsonText(r.body))])] }));
}

const LABEL_GARBAGE: readonly [string, (v: string) => string][] = [
  ['encoded slash', (v) => `${v}%2F..%2F${v}`],
  ['encoded slash only', () => '%2F'],
  ['dot-dot', () => '..'],
  ['dot-dot segment', (v) => `../${v}`],
  ['encoded dot-dot', () => '%2E%2E'],
  ['trailing slashes', (v) => `${v}//`],
  ['lone percent', (v) => `${v}%`],
  ['bad hex', (v) => `%ZZ${v}`],
  ['double encoded', (v) => v.replace(/%/g, '%25')],
  ['raw value', (v) => decodeURIComponent(v)],
  ['encoded NUL', (v) => `${v}%00`],
  ['overlong encoded slash', () => '%C0%AF'],
  ['percent-encoded invalid UTF-8', (v) => `${v}%C3%28`],
  ['empty', () => ''],
];

function pathLabel(): fc.Arbitrary<Plan> {
  return anyRequest(labelOps).chain((r) =>
    fc.tuple(fc.constantFrom(...membersOf(r.op, 'label')), fc.constantFrom(...LABEL_GARBAGE), fc.constantFrom('', '?%', '?%ZZ=1', '?&&==&', '?a=%FF')).map(([m, [label, spoil], query]) => {
      const labels = Object.fromEntries(membersOf(r.op, 'label').map((l) => [wireName(l), 'x']));
      const valid = validLabel(r, wireName(m));
      labels[wireName(m)] = spoil(valid);
      const path = pathWith(r.op, labels);
      return { variant: `${wireName(m)}: ${label}${query ? ` with query ${query}` : ''}`, method: r.method, writes: [framed(r.method, `${path}${query}`, r.method === 'GET' || r.method === 'DELETE' ? [] : [latin1(jsonText(r.body))])] };
    }),
  );
}

/** The label's value as `r` sent it (still percent-encoded). */
function validLabel(r: Request, name: string): string {
  const template = operations[r.op].http.uri.split('/');
  const sent = r.target.split('?')[0]!.split('/');
  const at = template.indexOf(`{${name}}`);
  return sent[at] ?? '';
}

function lyingLength(options: MalformedHttpOptions): fc.Arbitrary<Plan> {
  return fc.tuple(anyRequest(bodyOps), fc.constantFrom('more-then-half-close', 'more-then-wait', 'fewer', 'declared-past-cap', 'negative', 'not-a-number', 'two-lengths'), fc.integer({ min: 1, max: 64 })).map(([r, how, d]) => {
    const body = latin1(jsonText(r.body));
    const n = pieceBytes([body]);
    const declared =
      how === 'fewer' ? String(Math.max(0, n - d)) : how === 'declared-past-cap' ? String(options.maxBodyBytes * (options.hardCapFactor ?? 16) + 1) : how === 'negative' ? '-1' : how === 'not-a-number' ? `${n}x` : String(n + d);
    const headers: Header[] = [JSON_TYPE, ['Content-Length', declared], ...(how === 'two-lengths' ? ([['Content-Length', String(n)]] as Header[]) : [])];
    return { variant: `${how}: Content-Length ${declared}, ${n} bytes sent`, method: r.method, writes: [[head(r.method, r.target, headers), body]], halfClose: how !== 'more-then-wait', framingBroken: true };
  });
}

function chunked(): fc.Arbitrary<Plan> {
  const kinds = ['valid', 'extensions', 'trailer', 'bad-size', 'size-lies', 'no-crlf', 'no-last-chunk', 'no-last-chunk-wait', 'with-content-length', 'te-gzip'] as const;
  return fc.tuple(anyRequest(bodyOps), fc.constantFrom(...kinds), fc.integer({ min: 1, max: 8 }), fc.constantFrom('zz', '-1', 'ffffffffffffffffffff', '0x10', ' 5', '')).map(([r, how, parts, badSize]) => {
    const text = Buffer.from(jsonText(r.body), 'utf8').toString('latin1');
    const step = Math.max(1, Math.ceil(text.length / parts));
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += step) {
      const c = text.slice(i, i + step);
      const size = how === 'bad-size' && i === 0 ? badSize : how === 'size-lies' && i === 0 ? (c.length + 3).toString(16) : c.length.toString(16);
      chunks.push(`${size}${how === 'extensions' ? ';name=value;x' : ''}\r\n${c}${how === 'no-crlf' ? '' : '\r\n'}`);
    }
    const last = how === 'no-last-chunk' || how === 'no-last-chunk-wait' ? '' : how === 'trailer' ? '0\r\nX-Trailer: 1\r\n\r\n' : '0\r\n\r\n';
    const te = how === 'te-gzip' ? 'gzip, chunked' : 'chunked';
    const headers: Header[] = [JSON_TYPE, ['Transfer-Encoding', te], ...(how === 'with-content-length' ? ([['Content-Length', String(text.length)]] as Header[]) : [])];
    const broken = !['valid', 'extensions', 'trailer'].includes(how);
    return { variant: `${how}${how === 'bad-size' ? ` ${JSON.stringify(badSize)}` : ''} in ${parts} chunks`, method: r.method, writes: [[head(r.method, r.target, headers), { latin1: chunks.join('') + last }]], halfClose: how === 'no-last-chunk', framingBroken: broken };
  });
}

/** Splits the bytes of `pieces` at `cuts` (fractions) into writes. */
function split(pieces: readonly Piece[], cuts: readonly number[]): Piece[][] {
  const bytes = materialize(pieces).toString('latin1');
  const at = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
  const out: Piece[][] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push([{ latin1: bytes.slice(from, c) }]);
    from = c;
  }
  return out;
}

function slowSender(): fc.Arbitrary<Plan> {
  const base = fc.oneof(anyRequest(operationNames).map((r) => ({ r, body: latin1(jsonText(r.body)), label: 'a valid request' })), anyRequest(bodyOps).map((r) => ({ r, body: latin1(jsonText(r.body).slice(0, -1)), label: 'a truncated body' })));
  return fc.tuple(base, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 20 })).map(([{ r, body, label }, cuts, pauseMs]) => {
    const writes = split(framed(r.method, r.target, [body]), cuts);
    return { variant: `${label} in ${writes.length} writes ${pauseMs} ms apart`, method: r.method, writes, pauseMs };
  });
}

function halfClose(): fc.Arbitrary<Plan> {
  return fc.tuple(anyRequest(operationNames), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()).map(([r, at, whole]) => {
    const bytes = materialize(framed(r.method, r.target, [latin1(jsonText(r.body))])).toString('latin1');
    const cut = whole ? bytes.length : Math.max(1, Math.floor(at * (bytes.length - 1)));
    const where = cut >= bytes.length ? 'after the whole request' : cut < bytes.indexOf('\r\n') ? 'in the request line' : cut < bytes.indexOf('\r\n\r\n') + 4 ? 'in the headers' : 'in the body';
    return { variant: `write side ended ${where} (byte ${cut} of ${bytes.length})`, method: r.method, writes: [[{ latin1: bytes.slice(0, cut) }]], halfClose: true, framingBroken: cut < bytes.length };
  });
}

function oversizedHeaders(options: MalformedHttpOptions): fc.Arbitrary<Plan> {
  const max = options.maxHeaderBytes;
  return fc.tuple(anyRequest(operationNames), fc.constantFrom('one-huge-value', 'just-under', 'many-headers', 'huge-name', 'huge-target', 'huge-query')).map(([r, how]) => {
    const body = [latin1(jsonText(r.body))];
    const length: Header = ['Content-Length', String(pieceBytes(body))];
    const pad = (n: number) => 'a'.repeat(n);
    switch (how) {
      case 'one-huge-value':
        return { variant: `${how} of ${max * 2} bytes`, method: r.method, writes: [[head(r.method, r.target, [JSON_TYPE, ['X-Padding', pad(max * 2)], length]), ...body]] };
      case 'just-under':
        return { variant: `${how} (${max / 2} bytes)`, method: r.method, writes: [[head(r.method, r.target, [JSON_TYPE, ['X-Padding', pad(max / 2)], length]), ...body]] };
      case 'many-headers': {
        const headers = Array.from({ length: Math.ceil(max / 8) }, (_, i): Header => [`X-${i}`, 'a']);
        return { variant: `${how} (${headers.length})`, method: r.method, writes: [[head(r.method, r.target, [JSON_TYPE, ...headers, length]), ...body]] };
      }
      case 'huge-name':
        return { variant: `${how} of ${max * 2} bytes`, method: r.method, writes: [[head(r.method, r.target, [JSON_TYPE, [`X-${pad(max * 2)}`, '1'], length]), ...body]] };
      case 'huge-target':
        return { variant: `${how} of ${max * 2} bytes`, method: r.method, writes: [framed(r.method, `${r.target.split('?')[0]}${pad(max * 2)}`, body)] };
      default:
        return { variant: `${how} of ${max * 2} bytes`, method: r.method, writes: [framed(r.method, `${r.target}${r.target.includes('?') ? '&' : '?'}x=${pad(max * 2)}`, body)] };
    }
  });
}

function oddHeaders(): fc.Arbitrary<Plan> {
  const odd: readonly [string, readonly Header[]][] = [
    ['Expect: 100-continue', [JSON_TYPE, ['Expect', '100-continue']]],
    ['an unknown Expect', [JSON_TYPE, ['Expect', 'the-unexpected']]],
    ['Content-Type garbage', [['Content-Type', ';;;/']]],
    ['two Content-Types', [JSON_TYPE, ['Content-Type', 'text/plain']]],
    ['Accept garbage', [JSON_TYPE, ['Accept', ',,;q=x']]],
    ['Connection: upgrade', [JSON_TYPE, ['Connection', 'Upgrade'], ['Upgrade', 'websocket']]],
    ['a folded header (obs-fold)', [JSON_TYPE, ['X-A', 'a\r\n b']]],
    ['a header without a colon', [JSON_TYPE, ['X-NoColon\r\nX-B', 'b']]],
    ['a space before the colon', [JSON_TYPE, ['X-A ', 'b']]],
  ];
  return fc.tuple(anyRequest(operationNames), fc.constantFrom(...odd)).map(([r, [label, headers]]) => ({ variant: label, method: r.method, writes: [framed(r.method, r.target, [latin1(jsonText(r.body))], headers)] }));
}

/** Malformed exchanges of every kind, in equal measure. */
export function malformedHttp(options: MalformedHttpOptions): fc.Arbitrary<MalformedExchange> {
  const kinds: Record<MalformedKind, fc.Arbitrary<Plan>> = {
    'broken-json': brokenJson(),
    'deep-json': deepJson(options),
    'wrong-type': wrongType(),
    'invalid-utf8': invalidUtf8(),
    'huge-string': hugeString(options),
    'huge-body': hugeBody(options),
    'odd-method': oddMethod(),
    'path-label': pathLabel(),
    'lying-length': lyingLength(options),
    chunked: chunked(),
    'slow-sender': slowSender(),
    'half-close': halfClose(),
    'oversized-headers': oversizedHeaders(options),
    'odd-headers': oddHeaders(),
  };
  return fc.oneof(...malformedKinds.map((k) => kinds[k].map(exchange(k))));
}

function printable(text: string): string {
  return JSON.stringify(text).replace(/[\u0080-\u00ff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The exchange as text a person can replay: each write's bytes (runs shown as `"a" × n`), pacing and half-close. */
export function reproduction(x: MalformedExchange): string {
  const show = (p: Piece) => {
    const t = p.latin1.length > 2000 ? `${printable(p.latin1.slice(0, 2000))} + … (${p.latin1.length} bytes)` : printable(p.latin1);
    return (p.times ?? 1) === 1 ? t : `${t} × ${p.times}`;
  };
  const lines = [
    `${x.kind}: ${x.variant}`,
    `  ${x.writes.length} write(s)${x.writes.length > 1 ? `, ${x.pauseMs} ms apart` : ''}; ${x.halfClose ? 'then the client ends its write side' : 'the connection is left open'}${x.framingBroken ? '; the client broke the framing' : ''}`,
    ...x.writes.map((w, i) => `  write ${i + 1} (${pieceBytes(w)} bytes, latin1): ${w.map(show).join(' + ')}`),
  ];
  return lines.join('\n');
}
