import { headerReviewOverdue } from './header-review-overdue.js';
import { headerSchema } from './header-schema.js';
import { headerTags } from './header-tags.js';
import { headerUnknownKey } from './header-unknown-key.js';
import { headerVersionBump } from './header-version-bump.js';
import { headerVersionHistory } from './header-version-history.js';
import type { Rule } from './types.js';

/** The version header rules (issue 3), registered together in `index.ts`. */
export const headerRules: Rule[] = [headerSchema, headerUnknownKey, headerTags, headerReviewOverdue, headerVersionHistory, headerVersionBump];
