import type { AlertRule } from './types.js';

/**
 * `alert-rule-syntax`: every file the alert globs match is YAML and reads as
 * alert rules (a Prometheus rule file, a `PrometheusRule` resource, a
 * CloudFormation template, or a promtool unit test file), each finding at
 * the line it is about. The other files, and the readable parts of this
 * one, are still checked. The parsing itself is `core/alerts/parse.ts`.
 */
export const alertRuleSyntax: AlertRule = {
  id: 'alert-rule-syntax',
  description: 'Alert files are YAML Prometheus rule files, `PrometheusRule` resources or CloudFormation templates',
  severity: 'error',
  scope: 'alerts',
  check({ file, report }) {
    for (const problem of file.problems) report({ message: problem.message, place: problem.place });
  },
};
