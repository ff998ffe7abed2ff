import type { AnyRule } from './types.js';
import { alertRuleSyntax } from './alert-rule-syntax.js';
import { alertRunbookLink } from './alert-runbook-link.js';
import { alertRunbookMissing } from './alert-runbook-missing.js';
import { contentRules } from './content-index.js';
import { headerRules } from './header-index.js';
import { linkTarget } from './link-target.js';
import { linkAnchor } from './link-anchor.js';
import { linkExternal } from './link-external.js';
import { orphanDoc } from './orphan-doc.js';
import { stepRules } from './step-index.js';

/**
 * Every rule of `handbook check`, one module each in this folder. Add a rule
 * by importing it here; its id, severity and fixtures live with it. The
 * `alert-*` rules run over the alert files instead of the docs.
 */
export const rules: AnyRule[] = [...headerRules, linkTarget, linkAnchor, linkExternal, orphanDoc, ...contentRules, ...stepRules, alertRuleSyntax, alertRunbookMissing, alertRunbookLink];

export { isAlertRule } from './types.js';
export type { Rule, AlertRule, AlertRuleContext, AnyRule, CheckInput, CheckServices, DocRuleContext, CorpusIndex, Report } from './types.js';
