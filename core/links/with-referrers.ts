import { createCorpusIndex, type CheckInput } from '../index.js';
import { referrersOf } from './index.js';

/**
 * `handbook check <files>`: the selected docs plus every doc whose links
 * resolve into one of them (the reverse link index), so a renamed heading or
 * a moved doc is reported where the now-broken links are written.
 */
export function withReferrers(input: CheckInput, selected: ReadonlySet<string>): Set<string> {
  const corpus = createCorpusIndex(input);
  const out = new Set(selected);
  for (const path of selected) for (const from of referrersOf(input, corpus, path)) out.add(from);
  return out;
}
