import type { Rule } from './types.js';
import { stepDuplicateId } from './step-duplicate-id.js';
import { stepUnknownMeta } from './step-unknown-meta.js';
import { stepExpectRegex } from './step-expect-regex.js';
import { stepDangerRollback } from './step-danger-rollback.js';
import { stepExpectUnconditional } from './step-expect-unconditional.js';
import { stepDangerParamDefault } from './step-danger-param-default.js';
import { stepParamReference } from './step-param-reference.js';
import { stepExpectNegated } from './step-expect-negated.js';

/** The rules about checklist steps (fenced shell blocks and their info strings). */
export const stepRules: Rule[] = [stepDuplicateId, stepUnknownMeta, stepExpectRegex, stepDangerRollback, stepExpectUnconditional, stepDangerParamDefault, stepParamReference, stepExpectNegated];
