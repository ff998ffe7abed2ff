import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdleQueue, sliceBudget } from '../../src/client/idle.js';

/** A fake `requestIdleCallback`: callbacks wait in `pending` until the test runs them. */
function fakeIdle() {
  const pending: ((deadline: { timeRemaining(): number }) => void)[] = [];
  const schedule = (callback: (deadline: { timeRemaining(): number }) => void) => void pending.push(callback);
  const runNext = (timeRemaining = 50) => pending.shift()!({ timeRemaining: () => timeRemaining });
  return { pending, schedule, runNext };
}

/** An idle queue on the fake idle callbacks, with the clock stopped at 0 and a log of the work that ran. */
function queueAtTimeZero() {
  vi.spyOn(performance, 'now').mockImplementation(() => 0);
  const idle = fakeIdle();
  return { idle, queue: createIdleQueue(idle.schedule), ran: [] as string[] };
}

describe('src/client/idle: work in idle time, a slice at a time', () => {
  let clock = 0;
  afterEach(() => vi.restoreAllMocks());

  it(`stops a slice once its work took ${sliceBudget} ms, and goes on in the next idle callback`, () => {
    clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const idle = fakeIdle();
    const queue = createIdleQueue(idle.schedule);
    const ran: number[] = [];
    for (const n of [1, 2, 3, 4, 5]) queue(() => (ran.push(n), (clock += 3)));
    expect(idle.pending).toHaveLength(1);
    idle.runNext();
    // 0 -> 3 ms: under budget, one more; 3 -> 6 ms: over, stop.
    expect(ran).toEqual([1, 2]);
    expect(idle.pending).toHaveLength(1);
    idle.runNext();
    idle.runNext();
    expect(ran).toEqual([1, 2, 3, 4, 5]);
    expect(idle.pending).toHaveLength(0);
  });

  it('runs at least one piece of work per callback, even with no idle time left (the timeout fired)', () => {
    const { idle, queue, ran } = queueAtTimeZero();
    queue(() => ran.push('a'));
    queue(() => ran.push('b'));
    idle.runNext(0);
    expect(ran).toEqual(['a']);
    idle.runNext(0);
    expect(ran).toEqual(['a', 'b']);
  });

  it('cancels work that has not run yet', () => {
    const { idle, queue, ran } = queueAtTimeZero();
    queue(() => ran.push('a'));
    const cancel = queue(() => ran.push('b'));
    queue(() => ran.push('c'));
    cancel();
    idle.runNext();
    expect(ran).toEqual(['a', 'c']);
  });

  it('lets a callback find the queue emptied by a cancel', () => {
    const { idle, queue, ran } = queueAtTimeZero();
    const cancel = queue(() => ran.push('a'));
    cancel();
    expect(() => idle.runNext()).not.toThrow();
    expect(ran).toEqual([]);
    queue(() => ran.push('b'));
    idle.runNext();
    expect(ran).toEqual(['b']);
  });
});
