import type { CheckInput, CorpusIndex } from '../rules/types.js';
import { linkIndexOf, resolveLink } from './resolve.js';

/**
 * Who links to whom: for each doc (path relative to cwd), the docs whose
 * links resolve to it, itself excluded. Computed once per check; the
 * incremental cache keeps the same relation on disk.
 */
export function inboundLinksOf(input: CheckInput, corpus: CorpusIndex): ReadonlyMap<string, ReadonlySet<string>> {
  const cached = graphs.get(corpus);
  if (cached) return cached;
  const index = linkIndexOf(input, corpus);
  const inbound = new Map<string, Set<string>>();
  for (const doc of input.docs) {
    for (const link of doc.links) {
      const resolution = resolveLink(index, doc, link);
      if (resolution.status !== 'doc' || resolution.doc === doc) continue;
      let from = inbound.get(resolution.doc.path);
      if (!from) inbound.set(resolution.doc.path, (from = new Set()));
      from.add(doc.path);
    }
  }
  graphs.set(corpus, inbound);
  return inbound;
}

const graphs = new WeakMap<CorpusIndex, Map<string, Set<string>>>();
