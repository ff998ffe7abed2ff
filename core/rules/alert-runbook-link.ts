import { resolveRunbookUrl, templateStart } from '../alerts/runbook.js';
import { linkIndexOf } from '../links/resolve.js';
import type { AlertRule } from './types.js';

/**
 * `alert-runbook-link`: an alert's runbook URL under the site (`siteUrl`, or
 * a site-absolute `/docs/...` path) reaches a doc, and its `#anchor` a
 * heading anchor of that doc, resolved by the link rules' own code
 * (`core/links/`: routes with or without a trailing slash, `{#id}`,
 * case-sensitive anchors), with their did-you-mean. The finding sits on the
 * URL in the YAML. URLs of other sites are fetched only with `--external`
 * (the same service as `link-external`); a templated URL is a warning unless
 * the part before the template reaches a doc.
 */
export const alertRunbookLink: AlertRule = {
  id: 'alert-runbook-link',
  description: 'An alert\'s runbook URL reaches a doc of the site and a heading anchor of it',
  severity: 'error',
  scope: 'alerts',
  async check({ file, alerts, input, corpus, report }) {
    const index = linkIndexOf(input, corpus);
    const fetchLink = input.services.externalLink;
    const external: Promise<void>[] = [];
    for (const alert of file.alerts) {
      const url = alert.runbookUrl?.trim() ?? '';
      if (url === '') continue;
      const resolution = resolveRunbookUrl(index, url, alerts.siteUrl);
      const place = alert.runbookPlace ?? alert.place;
      if (resolution.status === 'broken') report({ message: `${resolution.message} (alert \`${alert.name}\`)`, place });
      if (resolution.status === 'templated') report({ message: `${resolution.message} (alert \`${alert.name}\`)`, place, severity: 'warning' });
      if (resolution.status === 'external' && fetchLink && /^https?:\/\//i.test(url) && templateStart(url) === -1) {
        external.push(
          fetchLink(url.replace(/#.*$/, '')).then((result) => {
            if (result && !result.ok) report({ message: `Unexpected ${result.message} for runbook URL \`${url}\`, expected a page that answers (alert \`${alert.name}\`)`, place });
          }),
        );
      }
    }
    // Asked all at once: the service fetches in parallel and once per URL.
    await Promise.all(external);
  },
};
