import type { Rule } from './types.js';
import { headerRules } from './header-index.js';
import { contentRules } from './content-index.js';

/**
 * Every rule of `handbook check`, one module each in this folder. Add a rule
 * by importing it here; its id, severity and fixtures live with it.
 */
export const rules: Rule[] = [...headerRules, ...contentRules];

export type { Rule, CheckInput, CheckServices, DocRuleContext, CorpusIndex, Report } from './types.js';
