// A test that cannot run here is registered as skipped, so uvu counts it, and the reason is printed.
import type { Test } from 'uvu';

export function testIf(test: Test, condition: boolean, reason: string): (name: string, fn: () => unknown) => void {
  return (name, fn) => {
    if (condition) test(name, fn as never);
    else {
      console.log(`  skipped: ${name} — ${reason}`);
      test.skip(name, fn as never);
    }
  };
}
