import type { Rule } from './types.js';

/** External links worth fetching: http(s) URLs written as links, images, definitions or raw HTML. */
const EXTERNAL = /^https?:\/\//i;

/**
 * Every external http(s) link answers: a page, after redirects. Runs only
 * with `handbook check --external` (the CLI then gives the rule a fetching
 * service with its own cache); the `#fragment` of an external page is not
 * checked. Each URL is fetched once per run however many docs link to it.
 */
export const linkExternal: Rule = {
  id: 'link-external',
  description: 'External http(s) links answer (only with `--external`)',
  severity: 'error',
  readsOutside: true,
  async check({ doc, input, report }) {
    const fetchLink = input.services.externalLink;
    if (!fetchLink) return;
    const links = doc.links.filter((link) => link.kind !== 'require' && link.kind !== 'frontmatter' && EXTERNAL.test(link.url));
    // Asked all at once: the service fetches in parallel and once per URL.
    const results = await Promise.all(links.map((link) => fetchLink(link.url.replace(/#.*$/, ''))));
    links.forEach((link, i) => {
      const result = results[i];
      if (result && !result.ok) report({ message: `Unexpected ${result.message} for external link \`${link.url}\`, expected a page that answers`, place: link.place });
    });
  },
};
