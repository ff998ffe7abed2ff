import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdleQueue, sliceBudget } from '../../src/client/idle.js';
import { idlePrefetch, type PrefetchEnvironment } from '../../src/client/prefetch-queue.js';
import { deferScriptLoads } from '../../src/client/chunk-scripts.js';
import { nextTask, runStages } from '../../src/client/stages.js';

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

describe('src/client/prefetch-queue: Docusaurus route prefetching, in idle time, each chunk file once', () => {
  /** Two doc routes sharing the layout chunk the page already loaded. */
  function environment(overrides: Partial<PrefetchEnvironment> = {}) {
    const work: (() => void)[] = [];
    const fetched: string[] = [];
    const lookedUp: string[] = [];
    const chunks: Record<string, string[]> = { '/docs/a': ['/js/layout.js', '/js/a.js'], '/docs/b': ['/js/layout.js', '/js/b.js', '/js/a.js'] };
    const env: PrefetchEnvironment = {
      chunkUrlsOf: (path) => (lookedUp.push(path), chunks[path] ?? []),
      isLoaded: (url) => url === '/js/layout.js',
      prefetchUrl: (url) => fetched.push(url),
      queue: (w) => work.push(w),
      saveData: () => false,
      ...overrides,
    };
    /** Runs queued work (and the work it queues) one slice at a time, like the idle queue. */
    const drain = () => {
      while (work.length) work.shift()!();
    };
    return { env, work, fetched, lookedUp, drain };
  }

  it('looks each path up once, in idle time, and prefetches each chunk file once, skipping files the page loaded', () => {
    const { env, work, fetched, lookedUp, drain } = environment();
    const prefetch = idlePrefetch(env);
    expect(prefetch('/docs/a')).toBe(false);
    prefetch('/docs/b');
    prefetch('/docs/a');
    expect([lookedUp, fetched]).toEqual([[], []]);
    expect(work).toHaveLength(2);
    drain();
    expect(lookedUp).toEqual(['/docs/a', '/docs/b']);
    expect(fetched).toEqual(['/js/a.js', '/js/b.js']);
  });

  it('queues one slice per chunk file, so no slice does more than one fetch', () => {
    const { env, work, fetched } = environment();
    idlePrefetch(env)('/docs/b');
    work.shift()!();
    expect(fetched).toEqual([]);
    expect(work).toHaveLength(3);
    work.shift()!();
    work.shift()!();
    expect(fetched).toEqual(['/js/b.js']);
  });

  it('prefetches nothing when the reader saves data', () => {
    const { env, work, fetched, drain } = environment({ saveData: () => true });
    idlePrefetch(env)('/docs/a');
    drain();
    expect([work, fetched]).toEqual([[], []]);
  });
});

describe('src/client/chunk-scripts: webpack script loads of one task made in the next', () => {
  it('collects the calls of a task and makes them in order in one later task; later calls start a new batch', () => {
    const later: (() => void)[] = [];
    const made: string[] = [];
    const load = deferScriptLoads(
      (url) => made.push(url),
      (run) => later.push(run),
    );
    const done = () => undefined;
    load('/a.js', done, 'a', 1);
    load('/b.js', done, 'b', 2);
    expect(made).toEqual([]);
    expect(later).toHaveLength(1);
    later.shift()!();
    expect(made).toEqual(['/a.js', '/b.js']);
    load('/c.js', done, 'c', 3);
    expect(later).toHaveLength(1);
    later.shift()!();
    expect(made).toEqual(['/a.js', '/b.js', '/c.js']);
  });
});

describe('src/client/stages: start-up work one stage per task', () => {
  it('runs the stages in order, each after yielding a task, and waits for each to settle', async () => {
    const log: string[] = [];
    const yieldTask = async () => void log.push('yield');
    await runStages(
      [
        () => log.push('a'),
        async () => {
          await Promise.resolve();
          log.push('b');
        },
        () => log.push('c'),
      ],
      yieldTask,
    );
    expect(log).toEqual(['yield', 'a', 'yield', 'b', 'yield', 'c']);
  });

  it('stops at a stage that fails and rejects with its error', async () => {
    const log: string[] = [];
    const failing = runStages(
      [
        () => log.push('a'),
        () => {
          throw new Error('module failed');
        },
        () => log.push('c'),
      ],
      async () => undefined,
    );
    await expect(failing).rejects.toThrow('module failed');
    expect(log).toEqual(['a']);
  });

  it('nextTask resolves after the current task, not in its microtasks', async () => {
    const order: string[] = [];
    const task = nextTask().then(() => order.push('next task'));
    void Promise.resolve().then(() => order.push('microtask'));
    expect(order).toEqual([]);
    await task;
    expect(order).toEqual(['microtask', 'next task']);
  });
});
