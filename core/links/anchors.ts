import type { DocSummary } from '../types.js';
import type { LinkIndex } from './resolve.js';
import { closest } from '../suggest.js';

/**
 * Checks `#hash` against the heading anchors of `target` the way the site's
 * broken anchor checker does: exact (case-sensitive) match of the raw or the
 * `decodeURIComponent`-decoded fragment; an empty fragment is fine. Returns
 * the message for a broken anchor, or null. `source` is the linking doc
 * (null for a link from outside the docs, such as an alert's runbook URL).
 */
export function checkAnchor(index: LinkIndex, source: Pick<DocSummary, 'path'> | null, target: DocSummary, hash: string | undefined): string | null {
  if (hash === undefined || hash === '') return null;
  let decoded = hash;
  try {
    decoded = decodeURIComponent(hash);
  } catch {
    // Kept raw, like the site's checker would fail to decode it.
  }
  if (index.input.partials.has(target.path)) return checkPartialAnchor(index, target, hash, decoded);
  const anchors = index.anchorsOf(target.path);
  if (anchors.has(hash) || anchors.has(decoded)) return null;
  const where = target.path === source?.path ? 'this doc' : `\`${target.path}\``;
  const html = target.htmlAnchors.find((a) => !a.collected && (a.id === hash || a.id === decoded));
  if (html) {
    return `Unexpected link to raw HTML anchor \`#${hash}\` (\`${html.attribute}="${html.id}"\` in ${where}): the site's link checker does not see raw HTML ids, expected a heading anchor; put \`{#${html.id}}\` on a heading instead`;
  }
  const h1 = target.headings.find((h) => h.depth === 1 && h.id === decoded);
  if (h1) return `Unexpected link to \`#${hash}\`, the title (h1) of ${where}: the site renders the h1 without an anchor, expected a link to the doc itself or to an h2-h6 heading`;
  const suggestion = closest(decoded, anchors);
  return `Unexpected missing anchor \`#${hash}\` in ${where}, expected a heading anchor${suggestion ? `; did you mean \`#${suggestion}\`?` : anchors.size === 0 ? ' (it has no h2-h6 headings)' : ''}`;
}

/**
 * A same-page link written in a partial (`[x](#y)` in `_part.mdx`) lands on
 * each page that renders the partial: the build checks it there, once per
 * page. It is reported once, at the link in the partial, when some page
 * that renders the partial lacks the anchor, naming those pages; a partial
 * no page renders has no page to check against, and is not reported.
 */
function checkPartialAnchor(index: LinkIndex, partial: DocSummary, hash: string, decoded: string): string | null {
  const pages = index.pagesRendering(partial.path);
  const missing = pages.filter((page) => {
    const anchors = index.anchorsOf(page);
    return !anchors.has(hash) && !anchors.has(decoded);
  });
  if (missing.length === 0) return null;
  const found = pages.filter((page) => !missing.includes(page));
  const list = (paths: string[]) => paths.map((p) => `\`${p}\``).join(', ');
  return `Unexpected missing anchor \`#${hash}\` on the page of ${list(missing)}, which renders this partial, expected a heading anchor of every page that renders it${found.length > 0 ? ` (found on ${list(found)})` : ''}`;
}
