/**
 * Review cadence of a document (`review_every`) and the dates it implies.
 * Dependency-free so the theme can import it too: the check warns when a
 * review is overdue and the page shows a banner, from the same arithmetic.
 */

/** `review_every` when the header has none: 180 days. */
export const DEFAULT_REVIEW_EVERY = '180d';

export interface Period {
  count: number;
  unit: 'd' | 'w' | 'm' | 'y';
}

/** `90d`, `2w`, `6m`, `1y` -> a period; null for anything else. */
export function parsePeriod(value: string): Period | null {
  const match = /^([1-9]\d{0,4})([dwmy])$/.exec(value.trim());
  return match ? { count: Number(match[1]), unit: match[2] as Period['unit'] } : null;
}

/** True for `YYYY-MM-DD` naming a real calendar day (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * `date` plus `period`, as `YYYY-MM-DD`. Months and years are calendar
 * months, clamped to the month's last day (2026-01-31 + 1m = 2026-02-28).
 */
export function addPeriod(date: string, period: Period): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  let result: Date;
  if (period.unit === 'd' || period.unit === 'w') {
    result = new Date(Date.UTC(year, month - 1, day + period.count * (period.unit === 'w' ? 7 : 1)));
  } else {
    const months = period.count * (period.unit === 'y' ? 12 : 1);
    const target = new Date(Date.UTC(year, month - 1 + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    result = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, lastDay)));
  }
  return result.toISOString().slice(0, 10);
}

/**
 * The day a document's review falls due (`last_updated + review_every`), or
 * null when either is not valid.
 */
export function reviewDueOf(lastUpdated: string, reviewEvery: string = DEFAULT_REVIEW_EVERY): string | null {
  const period = parsePeriod(reviewEvery);
  return period && isCalendarDate(lastUpdated) ? addPeriod(lastUpdated, period) : null;
}

/** A front matter date as the site receives it (a YAML Date, or its JSON string) -> `YYYY-MM-DD`. */
export function dateText(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return null;
}
