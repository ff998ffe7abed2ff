import { resolveRunbookUrl } from '../alerts/runbook.js';
import { linkIndexOf } from '../links/resolve.js';
import type { AlertRule } from './types.js';

/**
 * `alert-runbook-link`: an alert's runbook URL under the site (`siteUrl`, or
 * a site-absolute `/docs/...` path) reaches a doc, and its `#anchor` a
 * heading anchor of that doc, resolved by the link rules' own code
 * (`core/links/`: routes with or without a trailing slash, `{#id}`,
 * case-sensitive anchors), with their did-you-mean. The finding sits on the
 * URL in the YAML. URLs of other sites are left to `--external`; a templated
 * URL is a warning unless the part before the template reaches a doc.
 */
export const alertRunbookLink: AlertRule = {
  id: 'alert-runbook-link',
  description: 'An alert\'s runbook URL reaches a doc of the site and a heading anchor of it',
  severity: 'error',
  scope: 'alerts',
  check({ file, alerts, input, corpus, report }) {
    const index = linkIndexOf(input, corpus);
    for (const alert of file.alerts) {
      if (alert.runbookUrl === null || alert.runbookUrl.trim() === '') continue;
      const resolution = resolveRunbookUrl(index, alert.runbookUrl.trim(), alerts.siteUrl);
      const place = alert.runbookPlace ?? alert.place;
      if (resolution.status === 'broken') report({ message: `${resolution.message} (alert \`${alert.name}\`)`, place });
      if (resolution.status === 'templated') report({ message: `${resolution.message} (alert \`${alert.name}\`)`, place, severity: 'warning' });
    }
  },
};
