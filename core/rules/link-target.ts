import { linkIndexOf, resolveLink } from '../links/index.js';
import type { Rule } from './types.js';

/**
 * Every local link, image, reference definition, raw HTML `href`/`src`,
 * MDX `require()` and `superseded_by` points at something the built site
 * has: a doc (by `.md` path or by route), an existing repository file or a
 * static asset, with file names compared case-exactly. Resolution mirrors
 * Docusaurus (see core/links/resolve.ts). External URLs are not checked here.
 */
export const linkTarget: Rule = {
  id: 'link-target',
  description: 'Links, images and file references point at an existing doc, route or file (case-exact)',
  severity: 'error',
  readsOtherDocs: true,
  check({ doc, input, corpus, report }) {
    if (doc.links.length === 0) return;
    const index = linkIndexOf(input, corpus);
    for (const link of doc.links) {
      const resolution = resolveLink(index, doc, link);
      if (resolution.status === 'broken') report({ message: resolution.message, place: link.place });
    }
  },
};
