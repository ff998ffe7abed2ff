/**
 * Runs start-up work as a series of stages, each in a task of its own, so
 * the browser can paint and answer input between them (src/client/staged-entry.ts).
 */

type Stage = () => unknown;

/** Resolves in a new task: `scheduler.yield()` where the browser has it, else a message to a channel (not clamped like a nested `setTimeout(0)`). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs each stage in a new task, after the previous one has settled (the
 * first one too: the task that evaluates the script has compiled it
 * already). A stage that fails stops the series and the returned promise
 * rejects with its error: the later stages depend on the earlier.
 */
export async function runStages(stages: readonly Stage[], yieldTask: () => Promise<void> = nextTask): Promise<void> {
  for (const stage of stages) {
    await yieldTask();
    await stage();
  }
}
