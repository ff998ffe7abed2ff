import { checkAnchor, linkIndexOf, resolveLink } from '../links/index.js';
import type { Rule } from './types.js';

/**
 * Every `#anchor` of a link to a doc (the same doc, a `.md` path or a route)
 * names a heading anchor of the target exactly as the built site computes it
 * (github-slugger, `{#id}`, no anchor on the h1), case-sensitive like the
 * browser, `%`-decoded like the site's checker. Raw HTML `id`/`name` targets
 * are reported: the site's checker does not see them.
 */
export const linkAnchor: Rule = {
  id: 'link-anchor',
  description: 'Links to `#anchor` name a heading anchor of the target doc',
  severity: 'error',
  readsOtherDocs: true,
  check({ doc, input, corpus, report }) {
    if (doc.links.length === 0) return;
    const index = linkIndexOf(input, corpus);
    for (const link of doc.links) {
      const resolution = resolveLink(index, doc, link);
      if (resolution.status !== 'doc') continue;
      const message = checkAnchor(index, doc, resolution.doc, resolution.hash);
      if (message) report({ message, place: link.place });
    }
  },
};
