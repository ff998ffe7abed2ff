import type { Rule } from './types.js';
import { contentRules } from './content-index.js';
import { headerRules } from './header-index.js';
import { linkTarget } from './link-target.js';
import { linkAnchor } from './link-anchor.js';
import { linkExternal } from './link-external.js';
import { orphanDoc } from './orphan-doc.js';
import { stepRules } from './step-index.js';

/**
 * Every rule of `handbook check`, one module each in this folder. Add a rule
 * by importing it here; its id, severity and fixtures live with it.
 */
export const rules: Rule[] = [...headerRules, linkTarget, linkAnchor, linkExternal, orphanDoc, ...contentRules, ...stepRules];

export type { Rule, CheckInput, CheckServices, DocRuleContext, CorpusIndex, Report } from './types.js';
