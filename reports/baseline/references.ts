// The volatile values of one case (or fixture) and their references: found by the transformers in
// order, the first rule to find a value naming it, each kind numbered from 1; then replaced wherever
// they appear, whole or inside a longer string (a store id inside its ARN or a message).
import { isDateTimeString } from '../../specs/index.ts';
import type { TimestampTransformer, Transformer } from './transformers.ts';

/** What only the run knows: its id, and the values it made unique for itself. */
export interface RunValues {
  readonly runId?: string;
  readonly unique: ReadonlySet<string>;
}

/** Shorter values are replaced only where they are a whole string: a short one would hit unrelated text. */
const MIN_INSIDE = 6;

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
