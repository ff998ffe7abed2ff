import { carriesHeader, compareSemver, headerData, keyPlace, parseSemver } from '../header.js';
import { isCalendarDate } from '../review.js';
import type { DocModel } from '../types.js';
import type { Rule } from './types.js';

/**
 * ## header-version-bump
 *
 * With `handbook check --base <ref>` (pull requests: `--base origin/main`),
 * every doc whose text differs from the base must carry a semver-greater
 * `version` and a `last_updated` no earlier than the base's. A procedure
 * cannot change without its readers seeing that it did. New docs pass, and
 * so does a doc whose only change is its `tags` line: retagging classifies a
 * doc, it does not change what the doc tells its reader (and bumping would
 * make every retagged doc look freshly updated). Without `--base` the rule
 * does not run.
 */
/** The doc's text without its top-level `tags` entry (the key, its value and the rest of that line). */
function textBesidesTags(doc: DocModel): string {
  const entry = doc.frontMatter.keys.get('tags');
  if (!entry) return doc.text;
  // A block list's value may end after its last newline: search from its last character.
  const lineEnd = doc.text.indexOf('\n', entry.valueSpan.end.offset - 1);
  return doc.text.slice(0, entry.keySpan.start.offset) + doc.text.slice(lineEnd === -1 ? doc.text.length : lineEnd + 1);
}

export const headerVersionBump: Rule = {
  id: 'header-version-bump',
  description: 'A doc changed since --base bumps its version (and keeps last_updated current)',
  severity: 'error',
  check(ctx) {
    const { doc, input, report } = ctx;
    if (!input.base || !carriesHeader(ctx)) return;
    const before = input.base.docs.get(doc.path);
    if (!before || textBesidesTags(before) === textBesidesTags(doc)) return;
    const ref = input.base.ref;
    const was = headerData(before);
    const now = headerData(doc);
    const wasVersion = parseSemver(was.version);
    const nowVersion = parseSemver(now.version);
    if (wasVersion && nowVersion && compareSemver(nowVersion, wasVersion) <= 0) {
      report({
        message: `Unexpected \`version: ${String(now.version)}\` in changed doc ${doc.path} (${ref} has ${String(was.version)}), expected a version greater than ${String(was.version)}`,
        place: keyPlace(doc, 'version'),
      });
    }
    const wasDate = was.last_updated;
    const nowDate = now.last_updated;
    if (typeof wasDate === 'string' && typeof nowDate === 'string' && isCalendarDate(wasDate) && isCalendarDate(nowDate) && nowDate < wasDate) {
      report({
        message: `Unexpected \`last_updated: ${nowDate}\` in changed doc ${doc.path} (${ref} has ${wasDate}), expected ${wasDate} or later`,
        place: keyPlace(doc, 'last_updated'),
      });
    }
  },
};

export default headerVersionBump;
