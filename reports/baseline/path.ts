// JSON paths into a baseline (`cases["shape/boundary@0"].calls[1].output.status`) and the patterns
// a divergences file matches them with: `*` is any one step (or, inside a name, any characters),
// `**` any number of steps, e.g. `**.error.message` or `cases["validation/*"].calls[*].status`.

export type PathStep = string | number;

const PLAIN = /^[A-Za-z_$][\w$-]*$/;

export function pathText(steps: readonly PathStep[]): string {
  return steps
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : PLAIN.test(step) ? `${i === 0 ? '' : '.'}${step}` : `[${JSON.stringify(step)}]`))
    .join('');
}

/** A pattern's steps: names (with `*` as a wildcard), indexes, `*` (one step) and `**` (any number). */
type PatternStep = { readonly any: 'one' | 'many' } | { readonly name: RegExp } | { readonly index: number };

/** A path or pattern in the syntax `pathText` writes; throws an Error naming what is wrong. */
function parseSteps(text: string): PatternStep[] {
  const steps: PatternStep[] = [];
  const glob = (name: string): PatternStep => (name === '*' ? { any: 'one' } : { name: new RegExp(`^${name.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'u') });
  let i = text.startsWith('$') ? 1 : 0;
  while (i < text.length) {
    if (text.startsWith('**', i)) {
      steps.push({ any: 'many' });
      i += 2;
    } else if (text[i] === '.') {
      i++;
    } else if (text[i] === '[') {
      const close = text[i + 1] === '"' ? closingQuote(text, i + 1) + 1 : text.indexOf(']', i);
      if (close < 0 || text[close] !== ']') throw new Error(`unclosed [ at ${i + 1} in ${text}`);
      const inner = text.slice(i + 1, close);
      if (inner === '*') steps.push({ any: 'one' });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (inner.startsWith('"')) steps.push(glob(JSON.parse(inner) as string));
      else throw new Error(`[${inner}] in ${text}: give an index, *, or a quoted name`);
      i = close + 1;
    } else {
      const m = /^[\w$*-]+/.exec(text.slice(i));
      if (!m) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i + 1} in ${text}`);
      steps.push(glob(m[0]));
      i += m[0].length;
    }
  }
  if (steps.length === 0) throw new Error('an empty path pattern');
  return steps;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  throw new Error(`unclosed " at ${open + 1} in ${text}`);
}

function matches(pattern: readonly PatternStep[], path: readonly PathStep[]): boolean {
  const [head, ...rest] = pattern;
  if (!head) return path.length === 0;
  if ('any' in head && head.any === 'many') return path.some((_, k) => matches(rest, path.slice(k))) || matches(rest, []);
  const [step, ...more] = path;
  if (step === undefined) return false;
  const ok = 'any' in head ? true : 'index' in head ? step === head.index : typeof step === 'string' && head.name.test(step);
  return ok && matches(rest, more);
}

/** A compiled path pattern; throws an Error saying what is wrong with the text. */
export function pathPattern(text: string): (steps: readonly PathStep[]) => boolean {
  const pattern = parseSteps(text);
  return (steps) => matches(pattern, steps);
}
