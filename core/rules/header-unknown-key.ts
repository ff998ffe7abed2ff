import { carriesHeader, didYouMean, HEADER_KEYS, KNOWN_KEYS } from '../header.js';
import type { Rule } from './types.js';

/**
 * ## header-unknown-key
 *
 * Warns about a front matter key that is neither a header key (`title`,
 * `version`, `last_updated`, `status`, `owner`, `review_every`,
 * `superseded_by`, `type`, `system`, `params`, `tags`) nor one Docusaurus
 * reads (`id`, `slug`, `sidebar_position`, `sidebar_label`, `description`,
 * ...): almost always a typo that silently drops a value. Suggests the
 * closest known key.
 *
 * not ok (`3:1 Unexpected front matter key \`last_udpated\`, expected \`last_updated\``):
 * ```md
 * ---
 * title: x
 * last_udpated: 2026-11-01
 * ---
 * ```
 */
export const headerUnknownKey: Rule = {
  id: 'header-unknown-key',
  description: 'Front matter has only header keys and Docusaurus keys (did-you-mean for typos)',
  severity: 'warning',
  check(ctx) {
    if (!carriesHeader(ctx)) return;
    const { doc, report } = ctx;
    for (const key of Object.keys(doc.frontMatter.data)) {
      if (KNOWN_KEYS.has(key)) continue;
      const guess = didYouMean(key, KNOWN_KEYS);
      const entry = doc.frontMatter.keys.get(key);
      report({
        message: `Unexpected front matter key \`${key}\`, expected ${guess ? `\`${guess}\`` : `a header key (${HEADER_KEYS.map((k) => `\`${k}\``).join(', ')}) or a Docusaurus key`}`,
        ...(entry ? { place: entry.keySpan } : {}),
      });
    }
  },
};

export default headerUnknownKey;
