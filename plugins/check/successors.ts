import { posix } from 'node:path';
import { createCorpusIndex, type FullCheckInput } from '../../core/index.js';

/** What the page of a deprecated doc links to: its successor's URL and title. */
export interface Successor {
  permalink: string;
  title: string;
}

/**
 * `superseded_by` of every deprecated doc resolved to the successor's page,
 * by doc path relative to the site (`docs/a/old.md`). Links that do not
 * resolve are left out (the link rules report them).
 */
export function createSuccessors(input: FullCheckInput): Record<string, Successor> {
  const corpus = createCorpusIndex(input);
  const successors: Record<string, Successor> = {};
  const models = new Map(input.docs.map((d) => [d.path, d]));
  for (const doc of input.docs) {
    const link = doc.frontMatter.data.superseded_by;
    if (typeof link !== 'string' || /^[a-z][a-z\d+.-]*:/i.test(link) || link.startsWith('/')) continue;
    const [path = '', hash] = link.split('#', 2);
    const target = posix.normalize(posix.join(posix.dirname(doc.path), decodeURI(path)));
    const route = corpus.routes.get(target);
    const targetDoc = models.get(target);
    if (!route || !targetDoc) continue;
    const title = typeof targetDoc.frontMatter.data.title === 'string' ? targetDoc.frontMatter.data.title : (targetDoc.headings.find((h) => h.depth === 1)?.text ?? route.id);
    successors[doc.path] = { permalink: route.permalink + (hash ? `#${hash}` : ''), title };
  }
  return successors;
}
