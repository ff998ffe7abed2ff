/**
 * Work the page can do later, run in the browser's idle time in small
 * slices: a task stops taking queued work after `sliceBudget` ms, however
 * much idle time is left, because one piece of work that takes 2 ms on a
 * laptop takes four times that on a throttled phone, and a task must stay
 * well under 50 ms there to leave the page responsive (BENCHMARKS.md,
 * Lighthouse). Each queued function runs at least once per idle callback,
 * and a callback waits at most `idleTimeout` ms, so a page that is never
 * idle still gets its work done.
 */

/** A slice of idle work stops taking queued work after this long (ms). */
export const sliceBudget = 4;
/** The longest an idle callback waits for idle time (ms). */
const idleTimeout = 4000;

type IdleDeadline = { timeRemaining(): number };
type Schedule = (callback: (deadline: IdleDeadline) => void) => void;

const browserSchedule: Schedule = (callback) => {
  if ('requestIdleCallback' in window) window.requestIdleCallback(callback, { timeout: idleTimeout });
  else setTimeout(() => callback({ timeRemaining: () => sliceBudget }), 50);
};

/** A queue of work run in idle time, a slice at a time. `schedule` is for tests. */
export function createIdleQueue(schedule: Schedule = browserSchedule): (work: () => void) => () => void {
  const queue: (() => void)[] = [];
  let scheduled = false;

  const drain = (deadline: IdleDeadline) => {
    scheduled = false;
    const start = performance.now();
    // At least one piece of work per callback (the queue may have been emptied by a cancel since it was requested).
    for (let next = queue.shift(); next; next = queue.shift()) {
      next();
      if (performance.now() - start >= sliceBudget || deadline.timeRemaining() <= sliceBudget) break;
    }
    if (queue.length > 0) request();
  };
  const request = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(drain);
  };

  /** Queues `work`; the returned function takes it off the queue if it has not run yet. */
  return (work) => {
    queue.push(work);
    request();
    return () => {
      const at = queue.indexOf(work);
      if (at >= 0) queue.splice(at, 1);
    };
  };
}

let shared: ReturnType<typeof createIdleQueue> | undefined;

/** Runs `work` in the page's shared idle queue; returns a function that cancels it if it has not run. */
export function whenIdle(work: () => void): () => void {
  shared ??= createIdleQueue();
  return shared(work);
}
