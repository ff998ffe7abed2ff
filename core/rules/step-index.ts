import type { Rule } from './types.js';
import { stepDuplicateId } from './step-duplicate-id.js';
import { stepUnknownMeta } from './step-unknown-meta.js';
import { stepExpectRegex } from './step-expect-regex.js';
import { stepDangerRollback } from './step-danger-rollback.js';

/** The rules about checklist steps (fenced shell blocks and their info strings). */
export const stepRules: Rule[] = [stepDuplicateId, stepUnknownMeta, stepExpectRegex, stepDangerRollback];
