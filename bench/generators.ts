// Cases generated per second: valid, invalid (random phase, every operation in turn) and the
// whole boundary phase. Bounded in time: about one second per figure.
import * as fc from 'fast-check';
import { allBoundaryCases, invalidCase, validCase, type Case } from '../generators/index.ts';
import { operationNames } from '../specs/index.ts';

const BUDGET_MS = 1000;

function rate(name: string, make: (op: (typeof operationNames)[number], seed: number) => Case[]): void {
  const start = performance.now();
  let n = 0;
  let round = 0;
  while (performance.now() - start < BUDGET_MS) {
    for (const op of operationNames) n += make(op, round).length;
    round++;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(`${name.padEnd(26)} ${Math.round(n / seconds).toString().padStart(8)} cases/s  (${n} in ${seconds.toFixed(2)} s)`);
}

export async function run(): Promise<void> {
  console.log('generators: cases generated per second (all 8 operations in turn)');
  rate('valid (random phase)', (op, seed) => fc.sample(validCase(op), { numRuns: 64, seed }));
  rate('invalid (random phase)', (op, seed) => fc.sample(invalidCase(op), { numRuns: 64, seed }));
  const start = performance.now();
  const cases = allBoundaryCases();
  console.log(`${'boundary phase'.padEnd(26)} ${cases.length} cases in ${(performance.now() - start).toFixed(0)} ms (alphabets already built)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
