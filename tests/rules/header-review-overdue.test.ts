import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCheckInput, parseDoc, runChecks, toJson } from '../../core/index.js';
import { headerReviewOverdue as rule } from '../../core/rules/header-review-overdue.js';
import { addPeriod, reviewDueOf } from '../../core/review.js';
import { brief, fixturesDir, fixturesOf, runRule } from './harness.js';

const fixture = (name: string) => readFileSync(join(fixturesDir, rule.id, name), 'utf8');

describe('header-review-overdue', () => {
  it.each(fixturesOf(rule.id).filter((f) => f.name.startsWith('ok')))('$name passes', async ({ name, text }) => {
    expect(await runRule(rule, name, text)).toEqual([]);
  });

  it('warns past last_updated + 180 days by default', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-default.md')))).toEqual([
      [4, 1, 'warning', 'Unexpected review overdue since 2026-11-21 (`last_updated: 2026-05-25`, reviewed every 180d by default), expected a review that bumps `last_updated`'],
    ]);
  });

  it('adds calendar months, clamped to the month end', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-months.md')))).toEqual([
      [4, 1, 'warning', 'Unexpected review overdue since 2026-10-31 (`last_updated: 2026-08-31`, reviewed every 2m), expected a review that bumps `last_updated`'],
    ]);
    expect(addPeriod('2026-01-31', { count: 1, unit: 'm' })).toBe('2026-02-28');
    expect(addPeriod('2024-02-29', { count: 1, unit: 'y' })).toBe('2025-02-28');
    expect(reviewDueOf('2026-11-01', '2w')).toBe('2026-11-15');
    expect(reviewDueOf('2026-11-01', 'soon')).toBeNull();
  });

  it('is an error with --strict', async () => {
    const doc = parseDoc({ path: 'docs/x.md', text: fixture('not-ok-default.md') });
    const found = (await runChecks(defaultCheckInput({ docs: [doc], today: '2026-11-22' }), [rule], { strict: true })).map(toJson);
    expect(found.map((d) => d.severity)).toEqual(['error']);
  });
});
