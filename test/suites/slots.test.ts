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

test('lanes whose cases wait longest go first: their waits overlap the other lanes\' work', async () => {
  let now = 0;
  const slots = new CaseSlots(1, () => now);
  const started: string[] = [];
  const settled = gate();
  const waiter = slots.run(async () => {
    started.push('w0');
    await slots.waiting(() => settled.opened);
  }, 'w');
  const quick = (name: string, lane: string) =>
    slots.run(async () => {
      started.push(name);
      // The first quick case takes a while; meanwhile w0 has been waiting that long.
      if (name === 'q0') now += 1000;
    }, lane);
  const rest = [quick('q0', 'q'), quick('q1', 'q'), quick('q2', 'q'), quick('w1', 'w'), quick('w2', 'w')];
  await Promise.all(rest);
  settled.open();
  await waiter;
  // In turn it would be w0, q0, w1, q1, w2, q2.
  assert.equal(started, ['w0', 'q0', 'w1', 'w2', 'q1', 'q2']);
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
