// uvu's suite with a time limit on every test and hook: a test that hangs fails alone, with its name
// and the limit, and the run goes on. The limit is generous (a loaded 2-core machine is slow, not
// stuck); OMICS_TEST_TIME_LIMIT_MS changes it. A test whose event loop spins cannot be timed out
// from inside: test/run.ts runs each file in its own process, with a limit for that case.
import { suite as uvuSuite, type Callback, type Test } from 'uvu';

export const TEST_TIME_LIMIT_MS = Number(process.env.OMICS_TEST_TIME_LIMIT_MS) || 240_000;

function limited<T>(what: string, handler: Callback<T>, limitMs: number): Callback<T> {
  return async (context) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${limitMs / 1000} s`)), limitMs);
    });
    try {
      await Promise.race([Promise.resolve().then(() => handler(context)), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * `timeLimitMs`: for a suite whose tests are known to be long (a whole `mutate` sample), a limit of
 * its own; OMICS_TEST_TIME_LIMIT_MS, when set, still wins.
 */
export function suite<T = Record<string, unknown>>(title = '', context?: T, options: { timeLimitMs?: number } = {}): Test<T> {
  const limitMs = process.env.OMICS_TEST_TIME_LIMIT_MS ? TEST_TIME_LIMIT_MS : Math.max(TEST_TIME_LIMIT_MS, options.timeLimitMs ?? 0);
  const inner = uvuSuite<T>(title, context);
  const hook = (name: string, register: (h: Callback<T>) => void) => (h: Callback<T>) => register(limited(`${title}: ${name}`, h, limitMs));
  const test = ((name: string, handler: Callback<T>) => inner(name, limited(`${title}: "${name}"`, handler, limitMs))) as Test<T>;
  test.only = (name, handler) => inner.only(name, limited(`${title}: "${name}"`, handler, limitMs));
  test.skip = inner.skip;
  test.run = inner.run;
  test.before = Object.assign(hook('before', inner.before), { each: hook('before each', inner.before.each) });
  test.after = Object.assign(hook('after', inner.after), { each: hook('after each', inner.after.each) });
  return test;
}
