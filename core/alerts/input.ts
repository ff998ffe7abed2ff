/** The alert files `handbook check` reads when no configuration names others. */
export const DEFAULT_ALERT_GLOBS: readonly string[] = ['alerts/**/*.{yml,yaml}'];

/** The severities whose alerts must link a runbook (`alert-runbook-missing`). */
export const DEFAULT_RUNBOOK_SEVERITIES: readonly string[] = ['critical', 'warning'];
