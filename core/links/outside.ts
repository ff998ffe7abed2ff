import type { CheckInput } from '../rules/types.js';
import { createCorpusIndex } from '../check.js';
import { docsFoldersOf } from '../routes.js';
import { linkIndexOf, resolveLink } from './resolve.js';

/** The links of a check that point at site routes under no folder of docs: not checked, and said so in the summary. */
export interface OutsideLinks {
  /** How many links. */
  links: number;
  /** How many by the route's first segment (`/blog`), most first. */
  routes: Record<string, number>;
  /** The routes that are checked: each folder of docs' route (`/docs`, `/docs/next`, `/community`). */
  checked: string[];
}

/**
 * Counts the links of the checked docs (`only`, else all) that resolve to a
 * route outside every folder of docs (another plugin's pages: the blog,
 * generated API pages; or every link, when the route base path is wrong).
 * Resolved with the link rules' own code, so after a check it costs no
 * second resolution.
 */
export function outsideLinksOf(input: CheckInput, only?: ReadonlySet<string>): OutsideLinks {
  const corpus = createCorpusIndex(input);
  const index = linkIndexOf(input, corpus);
  const counts = new Map<string, number>();
  let links = 0;
  for (const doc of input.docs) {
    if (only && !only.has(doc.path)) continue;
    for (const link of doc.links) {
      const resolution = resolveLink(index, doc, link);
      if (resolution.status !== 'skip' || resolution.outside === undefined) continue;
      links++;
      counts.set(resolution.outside, (counts.get(resolution.outside) ?? 0) + 1);
    }
  }
  const routes = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
  return { links, routes, checked: [...new Set(docsFoldersOf(input).map((f) => f.path))].sort() };
}
