/**
 * Alerts as code: the alert files under `alerts/` read into one model
 * (`parse.ts`), their runbook URLs resolved with the link rules' code
 * (`runbook.ts`), and the views the site shows (`views.ts`). Pure.
 */
export { parseAlertFile, runbookInDescription } from './parse.js';
export { resolveRunbookUrl, sitePathOf, templateStart, type RunbookResolution } from './runbook.js';
export { DEFAULT_ALERT_GLOBS, DEFAULT_RUNBOOK_SEVERITIES } from './input.js';
export type { Alert, AlertFile, AlertFileProblem, AlertInput, AlertSource } from './types.js';
