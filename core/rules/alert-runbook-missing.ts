import { DEFAULT_RUNBOOK_SEVERITIES } from '../alerts/input.js';
import type { AlertRule } from './types.js';

/**
 * `alert-runbook-missing`: an alert that pages or warns someone carries the
 * link to the runbook that handles it (`annotations.runbook_url`, or
 * `Runbook: <url>` in a CloudWatch alarm's `AlarmDescription`). The
 * severities that need one are `AlertInput.runbookSeverities` (default
 * `critical` and `warning`); informational alerts may go without.
 */
export const alertRunbookMissing: AlertRule = {
  id: 'alert-runbook-missing',
  description: 'Critical and warning alerts have a runbook URL',
  severity: 'error',
  scope: 'alerts',
  check({ file, alerts, report }) {
    const severities = alerts.runbookSeverities ?? DEFAULT_RUNBOOK_SEVERITIES;
    for (const alert of file.alerts) {
      if (alert.severity === null || !severities.includes(alert.severity)) continue;
      if (alert.runbookUrl !== null && alert.runbookUrl.trim() !== '') continue;
      const where = alert.source === 'cloudformation' ? '`Runbook: <url>` in its `AlarmDescription`' : '`annotations.runbook_url`';
      report({
        message: `Unexpected ${alert.severity} alert \`${alert.name}\` without a runbook URL, expected ${where} linking the runbook section that handles it`,
        place: alert.place,
      });
    }
  },
};
