import { createCorpusIndex, type CheckInput } from '../../core/index.js';
import { inboundLinksOf } from '../../core/links/index.js';

/**
 * `handbook check <files>`: the selected docs plus every doc whose links
 * resolve into one of them (the reverse link index), so a renamed heading or
 * a moved doc is reported where the now-broken links are written.
 */
export function withReferrers(input: CheckInput, selected: ReadonlySet<string>): Set<string> {
  const inbound = inboundLinksOf(input, createCorpusIndex(input));
  const out = new Set(selected);
  for (const path of selected) for (const from of inbound.get(path) ?? []) out.add(from);
  return out;
}
