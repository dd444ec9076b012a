// CaseSlots: how many cases are at work at once, and which waiting case starts next.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { CaseSlots } from '../../suites/slots.ts';

const test = suite('suites: case slots');

/** A promise and its resolver. */
function gate(): { readonly opened: Promise<void>; readonly open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

test('a freed slot goes to the lanes in turn: a phase queued later is not held back by a long one queued first', async () => {
  const slots = new CaseSlots(1);
  const started: string[] = [];
  const first = gate();
  const all = [
    slots.run(async () => {
      started.push('a0');
      await first.opened;
    }, 'a'),
    ...[1, 2, 3, 4].map((i) => slots.run(async () => void started.push(`a${i}`), 'a')),
    ...[0, 1].map((i) => slots.run(async () => void started.push(`b${i}`), 'b')),
  ];
  first.open();
  await Promise.all(all);
  assert.equal(started, ['a0', 'a1', 'b0', 'a2', 'b1', 'a3', 'a4']);
});

test('never more than the limit at work; a case that waits does not count while it waits', async () => {
  const slots = new CaseSlots(2);
  let atWork = 0;
  let most = 0;
  const settled = gate();
  const work = (waits: boolean) => async () => {
    atWork++;
    most = Math.max(most, atWork);
    await Promise.resolve();
    if (waits) {
      atWork--;
      await slots.waiting(() => settled.opened);
      atWork++;
    }
    atWork--;
  };
  const waiters = [slots.run(work(true), 'w'), slots.run(work(true), 'w')];
  // Both waiting cases have given up their slots: these run while they wait.
  await Promise.all([1, 2, 3, 4, 5].map(() => slots.run(work(false), 'x')));
  assert.ok(most <= 2, `at most 2 at work, saw ${most}`);
  settled.open();
  await Promise.all(waiters);
});

test.run();
