/** `0.5` -> `30 s`, `5` -> `5 min`, `80` -> `1 h 20 min`. */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  const rounded = Math.round(minutes);
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Done/total and the estimated minutes of the open steps. */
export function progressOf(steps: readonly { id: string; minutes: number | null }[], ticks: Record<string, unknown>): { done: number; total: number; minutesLeft: number; unestimated: number } {
  let done = 0;
  let minutesLeft = 0;
  let unestimated = 0;
  for (const step of steps) {
    if (ticks[step.id]) done++;
    else if (step.minutes === null) unestimated++;
    else minutesLeft += step.minutes;
  }
  return { done, total: steps.length, minutesLeft, unestimated };
}

/** "about 25 min left" / "done". */
export function leftText(p: ReturnType<typeof progressOf>): string {
  if (p.done === p.total) return 'all done';
  const estimate = p.minutesLeft > 0 ? `about ${formatMinutes(p.minutesLeft)} left` : 'no time estimate';
  return p.unestimated > 0 && p.minutesLeft > 0 ? `${estimate} (+${p.unestimated} unestimated)` : estimate;
}
