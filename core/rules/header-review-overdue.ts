import { carriesHeader, headerData, keyPlace } from '../header.js';
import { DEFAULT_REVIEW_EVERY, isCalendarDate, parsePeriod, reviewDueOf } from '../review.js';
import type { Rule } from './types.js';

/**
 * ## header-review-overdue
 *
 * A document is reviewed every `review_every` (default `180d`): past
 * `last_updated + review_every` it is a warning (an error with `--strict`)
 * on `last_updated`. Reviewing means reading the procedure against the
 * running system and bumping `last_updated` (and the version, if it
 * changed). Deprecated docs are not reviewed. Invalid dates or periods are
 * `header-schema`'s to report.
 *
 * not ok with today 2026-11-22 (`4:1 Unexpected review overdue since 2026-05-21 ...`):
 * ```md
 * ---
 * title: x
 * version: 1.0.0
 * last_updated: 2025-11-22
 * ```
 */
export const headerReviewOverdue: Rule = {
  id: 'header-review-overdue',
  description: 'A doc is reviewed (last_updated bumped) within review_every (default 180d)',
  severity: 'warning',
  check(ctx) {
    if (!carriesHeader(ctx)) return;
    const { doc, report, input } = ctx;
    const data = headerData(doc);
    if (data.status === 'deprecated') return;
    const lastUpdated = data.last_updated;
    const reviewEvery = data.review_every === undefined ? DEFAULT_REVIEW_EVERY : data.review_every;
    if (typeof lastUpdated !== 'string' || !isCalendarDate(lastUpdated) || typeof reviewEvery !== 'string' || !parsePeriod(reviewEvery)) return;
    const due = reviewDueOf(lastUpdated, reviewEvery)!;
    if (due >= input.today) return;
    report({
      message: `Unexpected review overdue since ${due} (\`last_updated: ${lastUpdated}\`, reviewed every ${reviewEvery}${data.review_every === undefined ? ' by default' : ''}), expected a review that bumps \`last_updated\``,
      place: keyPlace(doc, 'last_updated'),
    });
  },
};

export default headerReviewOverdue;
