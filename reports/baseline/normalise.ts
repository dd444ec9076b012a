// Applies the transformers to one case's calls: the List calls made the case's own, then every
// volatile value found, in call order (the request, then the answer), and replaced by its reference.
// Numbering starts afresh in each case, so what one case did never shifts another's references.
import type { CallView, Json, TimedCall } from './callView.ts';
import { ownItemsOnly, pagesFolded } from './lists.ts';
import { References, valueFinder, type RunValues } from './references.ts';
import type { OwnItemsTransformer, PagesTransformer, TimestampTransformer, Transformer } from './transformers.ts';
import { mapStrings, visit } from './walk.ts';

export type { RunValues, TimedCall };

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
