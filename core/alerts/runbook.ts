import { checkAnchor } from '../links/anchors.js';
import { resolveSiteRoute, type LinkIndex } from '../links/resolve.js';
import type { DocSummary } from '../types.js';

/** Where an alert's runbook URL leads, resolved like a doc's link to the same route. */
export type RunbookResolution =
  /** Outside the site (another host): left to `handbook check --external`. */
  | { status: 'external' }
  /** A doc of the site, and the heading anchor when the URL has one (null: the doc's top). */
  | { status: 'doc'; doc: DocSummary; anchor: string | null }
  /** Under the site but no doc or anchor there; `message` says what was expected, with a did-you-mean. */
  | { status: 'broken'; message: string }
  /** Has a template (`{{ $labels.x }}`, `${Env}`) and the part before it does not reach a doc. */
  | { status: 'templated'; message: string };

/** Where a template starts in a URL (Prometheus `{{ }}`, CloudFormation `${}`), or -1. */
export function templateStart(url: string): number {
  const found = [url.indexOf('{{'), url.indexOf('${')].filter((i) => i !== -1);
  return found.length === 0 ? -1 : Math.min(...found);
}

/**
 * The site path of a runbook URL: a site-absolute path as is, a URL under
 * `siteUrl` (Docusaurus's `url` + `baseUrl`) without it, null for a URL of
 * another site, and `relative` for a path the alert's receiver cannot open.
 */
export function sitePathOf(url: string, siteUrl: string | null): string | null | { relative: true } {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  if (siteUrl !== null) {
    const base = siteUrl.endsWith('/') ? siteUrl : siteUrl + '/';
    if (url === base.slice(0, -1)) return '/';
    if (url.toLowerCase().startsWith(base.toLowerCase())) return '/' + url.slice(base.length);
  }
  if (/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(url) || url.startsWith('//')) return null;
  return { relative: true };
}

/**
 * Resolves one runbook URL against the docs of the check with the link
 * rules' own route and anchor resolution (`core/links/`): the route as a
 * link to it would resolve, then `#anchor` against the target's heading
 * anchors. A templated URL is resolved up to its template.
 */
export function resolveRunbookUrl(index: LinkIndex, url: string, siteUrl: string | null): RunbookResolution {
  const template = templateStart(url);
  if (template !== -1) {
    const prefix = url.slice(0, template);
    const resolved = prefix === '' ? null : resolveRunbookUrl(index, prefix, siteUrl);
    if (resolved?.status === 'doc' || resolved?.status === 'external') return resolved;
    return {
      status: 'templated',
      message: `Unexpected templated runbook URL \`${url}\`: \`${prefix}\` before the template does not reach a doc, expected a URL whose part before the template resolves (a doc, with the template in the anchor or query)`,
    };
  }
  const path = sitePathOf(url, siteUrl);
  if (path === null) return { status: 'external' };
  if (typeof path !== 'string') {
    return { status: 'broken', message: `Unexpected relative runbook URL \`${url}\`, expected a full URL${siteUrl ? ` under \`${siteUrl}\`` : ''} or a site-absolute path (\`/docs/...\`) that a paged engineer can open` };
  }
  const resolution = resolveSiteRoute(index, path);
  if (resolution.status === 'skip') return { status: 'external' };
  if (resolution.status === 'file') return { status: 'broken', message: `Unexpected runbook URL \`${url}\` to the file \`${resolution.path}\`, expected a doc` };
  if (resolution.status === 'broken') {
    // Said of the URL as written; a suggested route as a URL of the same form.
    const prefix = url.slice(0, url.length - path.length);
    const message = resolution.message
      .replace(/^Unexpected link to/, 'Unexpected runbook URL to')
      .replace(`\`${path}\``, `\`${url}\``)
      .replace(/did you mean `\//, `did you mean \`${prefix.replace(/\/$/, '')}/`);
    return { status: 'broken', message };
  }
  const hash = resolution.hash;
  const anchorProblem = checkAnchor(index, null, resolution.doc, hash);
  if (anchorProblem !== null) return { status: 'broken', message: anchorProblem.replace(/^Unexpected missing anchor/, 'Unexpected runbook URL with missing anchor').replace(/^Unexpected link to/, 'Unexpected runbook URL to') };
  let anchor = hash === undefined || hash === '' ? null : hash;
  if (anchor !== null && !index.anchorsOf(resolution.doc.path).has(anchor)) {
    try {
      anchor = decodeURIComponent(anchor);
    } catch {
      // checkAnchor accepted the raw form.
    }
  }
  return { status: 'doc', doc: resolution.doc, anchor };
}
