import { carriesHeader, didYouMean } from '../header.js';
import { createLineIndex } from '../position.js';
import type { DocModel, Span } from '../types.js';
import type { Rule } from './types.js';

/**
 * ## header-tags
 *
 * When the docs folder has a tag vocabulary (`tags.yml`, the file
 * Docusaurus reads for predefined tags), every tag in a doc's `tags` is one
 * of its keys. The site build refuses unknown tags (`onInlineTags: 'throw'`);
 * this rule says so in seconds, at the tag, with the closest known tag.
 * Without a `tags.yml` the rule does not run.
 */
export const headerTags: Rule = {
  id: 'header-tags',
  description: 'Tags come from the vocabulary in the docs folder\'s tags.yml',
  severity: 'error',
  check(ctx) {
    const { doc, input, report } = ctx;
    const vocabulary = input.tagVocabulary;
    const entry = doc.frontMatter.keys.get('tags');
    if (!vocabulary || !entry || !carriesHeader(ctx)) return;
    const value = doc.frontMatter.data.tags;
    const items = Array.isArray(value) ? value : [value];
    for (const tag of items) {
      if (typeof tag !== 'string') {
        const what = Array.isArray(tag) ? 'list' : tag !== null && typeof tag === 'object' ? 'mapping' : `\`${String(tag)}\``;
        report({ message: `Unexpected ${what} in \`tags\`, expected a tag id defined in ${vocabulary.file}`, place: { start: entry.keySpan.start, end: entry.valueSpan.end } });
        continue;
      }
      if (vocabulary.tags.has(tag)) continue;
      const guess = didYouMean(tag, vocabulary.tags);
      report({
        message: `Unexpected tag \`${tag}\`, expected ${guess ? `\`${guess}\`` : `a tag defined in ${vocabulary.file}`}`,
        place: placeOfTag(doc, entry.valueSpan, tag) ?? { start: entry.keySpan.start, end: entry.valueSpan.end },
      });
    }
  },
};

/** Where `tag` is written inside the value of `tags` (a flow list, a block list or a scalar). */
function placeOfTag(doc: DocModel, value: Span, tag: string): Span | undefined {
  const source = doc.text.slice(value.start.offset, value.end.offset);
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[\\s,\\[-])(['"]?)(${escaped})\\2(?=\\s*(?:[,\\]\\n#]|$))`).exec(source);
  if (!match) return undefined;
  const startOffset = value.start.offset + match.index + match[1]!.length + match[2]!.length;
  return createLineIndex(doc.text).span(startOffset, startOffset + tag.length);
}

export default headerTags;
