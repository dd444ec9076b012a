// Values a service keeps per account — idempotency tokens, and the names the run looks stores up
// by — must not repeat across cases or runs. A case's value is made unique without changing what
// the case is about: same length in code points, still within the printable-Unicode pattern, only
// its last few characters replaced by CJK ideographs (letters, category Lo) that spell a number,
// taken from the run of ideographs every Unicode version of the window admits.
import { codePointLength, matchesPattern, pinnedCharClass, PRINTABLE_UNICODE_PATTERN, type StringShape } from '../specs/index.ts';

const IDEOGRAPH_FIRST = 0x4e00;
const IDEOGRAPH_COUNT = (() => {
  const printable = pinnedCharClass(PRINTABLE_UNICODE_PATTERN)!;
  let n = 0;
  while (printable.kind(IDEOGRAPH_FIRST + n) === 'stable-allowed') n++;
  return n;
})();
const MAX_REPLACED = 3;

export class Uniquifier {
  private counter = 0;

  /** `onMade`: told each value made (a recording run replaces them, as they differ from run to run). */
  constructor(
    private readonly salt: number,
    private readonly onMade?: (value: string) => void,
  ) {}

  /** `value` with its last characters swapped for a number no other call of this run (or, very likely, of another run) spells. */
  next(value: string): string {
    const chars = [...value];
    const k = Math.min(MAX_REPLACED, chars.length);
    if (k === 0) return value;
    let n = ((this.salt >>> 0) * 65_537 + ++this.counter) % IDEOGRAPH_COUNT ** k;
    for (let i = chars.length - 1; i >= chars.length - k; i--) {
      chars[i] = String.fromCodePoint(IDEOGRAPH_FIRST + (n % IDEOGRAPH_COUNT));
      n = Math.floor(n / IDEOGRAPH_COUNT);
    }
    const unique = chars.join('');
    this.onMade?.(unique);
    return unique;
  }

  /** Makes `value` unique when it is a valid value of `shape`; anything else is left as the case made it. */
  nextIfValid(shape: StringShape, value: unknown): unknown {
    if (typeof value !== 'string') return value;
    const length = codePointLength(value);
    const fits = (shape.length?.min ?? 0) <= length && length <= (shape.length?.max ?? Infinity) && (shape.pattern === undefined || matchesPattern(shape.pattern, value));
    if (!fits) return value;
    const unique = this.next(value);
    return shape.pattern === undefined || matchesPattern(shape.pattern, unique) ? unique : value;
  }
}
