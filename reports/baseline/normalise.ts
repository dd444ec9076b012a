// Applies the transformers to one case's calls: first every volatile value is found, in call order
// (the request, then the answer), and given the next reference of its kind; then each is replaced
// wherever it appears — whole, or inside a longer string (a store id inside its ARN or a message).
// Numbering starts afresh in each case, so what one case did never shifts another's references.
import { isDateTimeString } from '../../specs/index.ts';
import type { CallView, Json } from './callView.ts';
import type { OwnItemsTransformer, PagesTransformer, TimestampTransformer, Transformer } from './transformers.ts';

/** What only the run knows: its id, and the values it made unique for itself. */
export interface RunValues {
  readonly runId?: string;
  readonly unique: ReadonlySet<string>;
}

export interface TimedCall {
  readonly view: CallView;
  /** Milliseconds since the epoch when the call was sent. */
  readonly startedAt: number;
}

/** Shorter values are replaced only where they are a whole string: a short one would hit unrelated text. */
const MIN_INSIDE = 6;

const UNITS: readonly [string, number][] = [
  ['y', 365 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
];

/**
 * A distance in time, rounded to the nearest whole of the coarsest unit it fills: `now` within the
 * rule's window, else `-25y`, `+3m` (a filter set exactly 5 minutes back reads `-5m` however many
 * milliseconds the call took to start).
 */
export function distanceText(ms: number, nowWithinMs: number): string {
  if (Math.abs(ms) <= nowWithinMs) return 'now';
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  const [unit, size] = UNITS.find(([, size]) => abs >= size) ?? UNITS[UNITS.length - 1]!;
  return `${sign}${Math.round(abs / size)}${unit}`;
}

/** The references found so far in one case (or fixture), each value numbered within its kind. */
export class References {
  private readonly refs = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  /** Each timestamp and the call it first appeared in. */
  readonly times = new Map<string, number>();

  add(value: string, ref: string): void {
    if (value === '' || this.refs.has(value)) return;
    const n = (this.counts.get(ref) ?? 0) + 1;
    this.counts.set(ref, n);
    this.refs.set(value, `<${ref}:${n}>`);
  }

  has(value: string): boolean {
    return this.refs.has(value);
  }

  /** Each value found, with its reference, in the order found. */
  entries(): [string, string][] {
    return [...this.refs];
  }

  /**
   * Every found value replaced in `text`: the longest first, so an ARN goes before the id inside it.
   * `encode`: the form the values take in the text (percent-encoded in a URI).
   */
  replacer(timeRefs: ReadonlyMap<string, string>, encode: (value: string) => string = (v) => v): (text: string) => string {
    const byForm = new Map([...this.refs].map(([value, ref]) => [encode(value), ref]));
    const inside = [...byForm.keys()].filter((v) => [...v].length >= MIN_INSIDE).sort((a, b) => b.length - a.length);
    const re = inside.length ? new RegExp(inside.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
    return (text) => timeRefs.get(text) ?? byForm.get(text) ?? (re ? text.replace(re, (m) => byForm.get(m)!) : text);
  }
}

/** Finds the volatile values in one string, by the rules in order, into `refs`; `call` is the index of the call it is in. */
export function valueFinder(transformers: readonly Transformer[], run: RunValues, refs: References): (key: string | undefined, value: string, call: number) => void {
  const compiled = transformers.map((t) => ({ t, re: t.kind === 'pattern' ? new RegExp(t.pattern, 'gu') : t.kind === 'key' && t.match !== undefined ? new RegExp(t.match, 'u') : undefined }));
  const stamp = transformers.find((t): t is TimestampTransformer => t.kind === 'timestamp');
  return (key, value, call) => {
    for (const { t, re } of compiled) {
      switch (t.kind) {
        case 'run':
          if (t.values === 'run-id' ? run.runId !== undefined && run.runId !== '' && value.includes(run.runId) : run.unique.has(value)) refs.add(value, t.ref);
          break;
        case 'key':
          if (key !== undefined && t.keys.includes(key) && (!re || re.test(value))) refs.add(value, t.ref);
          break;
        case 'pattern':
          for (const m of value.matchAll(re!)) {
            const named = Object.entries(m.groups ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
            if (named.length) for (const [ref, text] of named) refs.add(text, ref);
            else if (t.ref !== undefined) refs.add(m[0], t.ref);
          }
          break;
        case 'timestamp':
        case 'own-items':
        case 'pages':
          break;
      }
    }
    if (stamp && !refs.times.has(value) && !refs.has(value) && isDateTimeString(value)) refs.times.set(value, call);
  };
}

export function visit(node: Json | undefined, key: string | undefined, at: (key: string | undefined, value: string) => void): void {
  if (typeof node === 'string') at(key, node);
  else if (Array.isArray(node)) for (const item of node) visit(item, key, at);
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k, at);
}

export function mapStrings(node: Json, f: (text: string) => string): Json {
  if (typeof node === 'string') return f(node);
  if (Array.isArray(node)) return node.map((item) => mapStrings(item, f));
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, f)]));
  return node;
}

/** `<time:R D>` for every timestamp: R its moment's order in the case, D its distance from its call. */
function timeRefs(refs: References, calls: readonly TimedCall[], rule: TimestampTransformer | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!rule) return out;
  const sorted = [...refs.times.keys()].sort((a, b) => Date.parse(a) - Date.parse(b));
  let moment = 0;
  let previous: number | undefined;
  for (const value of sorted) {
    const t = Date.parse(value);
    if (previous === undefined || t - previous > rule.sameMomentMs) moment++;
    previous = t;
    const call = calls[refs.times.get(value)!]!;
    out.set(value, `<${rule.ref}:${moment} ${distanceText(t - call.startedAt, rule.nowWithinMs)}>`);
  }
  return out;
}

const asObject = (v: Json | undefined): { [key: string]: Json } | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);

/** Whether `next` asks for the page after `previous`'s: the same input but for the token `previous` answered. */
function nextPage(previous: CallView, next: CallView, rule: PagesTransformer): boolean {
  if (previous.operation !== rule.operation || next.operation !== rule.operation || previous.error || next.error) return false;
  const token = asObject(previous.output)?.[rule.outputToken];
  const input = asObject(next.input);
  if (typeof token !== 'string' || input?.[rule.inputToken] !== token) return false;
  const { [rule.inputToken]: _a, ...rest } = input;
  const { [rule.inputToken]: _b, ...before } = asObject(previous.input) ?? {};
  return JSON.stringify(rest) === JSON.stringify(before);
}

/**
 * Each walk through two or more pages as its first call, answering every page's items; and a token
 * no later call of the case sends left out of the answer: whether there was a page more is the
 * account's, not the case's.
 */
function pagesFolded(calls: readonly TimedCall[], rules: readonly PagesTransformer[]): TimedCall[] {
  const out: TimedCall[] = [];
  for (const call of calls) {
    const last = out[out.length - 1];
    const rule = last && rules.find((r) => nextPage(last.view, call.view, r));
    if (!last || !rule) {
      out.push(call);
      continue;
    }
    const before = asObject(last.view.output)![rule.items];
    const page = asObject(call.view.output)!;
    const items = [...(Array.isArray(before) ? before : []), ...(Array.isArray(page[rule.items]) ? (page[rule.items] as Json[]) : [])];
    out[out.length - 1] = { ...last, view: { ...last.view, output: { ...page, [rule.items]: items } } };
  }
  return out.map((call, i) => {
    const rule = rules.find((r) => r.operation === call.view.operation);
    const output = asObject(call.view.output);
    const token = rule && output?.[rule.outputToken];
    if (!rule || !output || token === undefined || out.slice(i + 1).some((later) => asObject(later.view.input)?.[rule.inputToken] === token)) return call;
    const { [rule.outputToken]: _token, ...rest } = output;
    return { ...call, view: { ...call.view, output: rest } };
  });
}

/** Every whole string of the case outside the list members the rules scope. */
function knownValues(calls: readonly TimedCall[], rules: readonly OwnItemsTransformer[]): Set<string> {
  const known = new Set<string>();
  const at = (_key: string | undefined, value: string) => known.add(value);
  for (const { view } of calls) {
    visit(view.input, undefined, at);
    const output = view.output;
    if (output !== null && typeof output === 'object' && !Array.isArray(output)) {
      for (const [member, value] of Object.entries(output)) if (!rules.some((r) => r.member === member)) visit(value, member, at);
    }
  }
  return known;
}

/** Each call with the items of scoped list members that the case does not otherwise know left out. */
function ownItemsOnly(calls: readonly TimedCall[], rules: readonly OwnItemsTransformer[]): TimedCall[] {
  if (rules.length === 0) return [...calls];
  const known = knownValues(calls, rules);
  return calls.map((call) => {
    const output = call.view.output;
    if (output === null || typeof output !== 'object' || Array.isArray(output)) return call;
    const scoped = { ...output };
    for (const rule of rules) {
      const list = scoped[rule.member];
      if (!Array.isArray(list)) continue;
      scoped[rule.member] = list.filter((item) => {
        const v = item !== null && typeof item === 'object' && !Array.isArray(item) ? item[rule.key] : undefined;
        return typeof v === 'string' && known.has(v);
      });
    }
    return { ...call, view: { ...call.view, output: scoped } };
  });
}

/** The case's calls with every volatile value replaced by its reference; keys keep their sorted order. */
export function normaliseCalls(given: readonly TimedCall[], transformers: readonly Transformer[], run: RunValues): CallView[] {
  const folded = pagesFolded(given, transformers.filter((t): t is PagesTransformer => t.kind === 'pages'));
  const calls = ownItemsOnly(folded, transformers.filter((t): t is OwnItemsTransformer => t.kind === 'own-items'));
  const refs = new References();
  const find = valueFinder(transformers, run, refs);
  calls.forEach(({ view }, i) => {
    const at = (key: string | undefined, value: string) => find(key, value, i);
    visit(view.input, undefined, at);
    visit(view.headers ?? null, undefined, at);
    if (view.error) at('message', view.error.message);
    visit(view.output ?? null, undefined, at);
    if (view.refused !== undefined) at('refused', view.refused);
  });
  const replace = refs.replacer(timeRefs(refs, calls, transformers.find((t): t is TimestampTransformer => t.kind === 'timestamp')));
  return calls.map(({ view }) => mapStrings(view as unknown as Json, replace) as unknown as CallView);
}
