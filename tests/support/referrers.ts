import { expect } from 'vitest';
import { createCorpusIndex } from '../../core/index.js';
import { inboundLinksOf, referrersOf } from '../../core/links/index.js';

/**
 * `referrersOf` resolves only the links whose last path segment could name
 * the doc asked about. It must give exactly what resolving every link of the
 * corpus gives (`inboundLinksOf`), for every doc: a referrer it missed would
 * leave a link broken by an edit unreported.
 */
export function expectAgreement(input: Parameters<typeof inboundLinksOf>[0]) {
  const inbound = inboundLinksOf(input, createCorpusIndex(input));
  // A fresh corpus: nothing memoized by the full graph helps the keyed search.
  const corpus = createCorpusIndex({ ...input });
  let withReferrers = 0;
  for (const doc of input.docs) {
    const expected = [...(inbound.get(doc.path) ?? [])].sort();
    expect([...referrersOf(input, corpus, doc.path)].sort(), doc.path).toEqual(expected);
    if (expected.length > 0) withReferrers++;
  }
  return withReferrers;
}

