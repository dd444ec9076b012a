// What a List answer holds depends on the account: other stores, where pages break. These rules
// make a case's List calls its own: a walk through pages as one call, other stores' items left out.
import type { CallView, Json, TimedCall } from './callView.ts';
import type { OwnItemsTransformer, PagesTransformer } from './transformers.ts';
import { asObject, visit } from './walk.ts';

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
export function pagesFolded(calls: readonly TimedCall[], rules: readonly PagesTransformer[]): TimedCall[] {
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
export function ownItemsOnly(calls: readonly TimedCall[], rules: readonly OwnItemsTransformer[]): TimedCall[] {
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
