import { didYouMean } from '../header.js';
import { extractProcedure } from '../steps.js';
import type { Rule } from './types.js';

const STEP_META_KEYS = ['title', 'id', 'expect', 'time', 'danger', 'skip', 'showLineNumbers', 'npm2yarn'];

/**
 * ## step-unknown-meta
 *
 * A step's info string carries `title="..."`, `id=...`, `expect="..."`,
 * `time=5m`, `danger` and `skip` beside Docusaurus's own line highlights
 * (`{1,3}`), `showLineNumbers` and `npm2yarn` (its npm2yarn remark plugin). Anything else is almost always a typo that
 * silently drops a title, an expectation or a danger mark (`dangerous`,
 * `expected=`). Suggests the closest known key.
 *
 * not ok (`5:1 Unexpected step meta \`dangerous\`, expected \`danger\``):
 * ````md
 * ```bash dangerous
 * rm -rf /var/cache/app
 * ```
 * ````
 */
export const stepUnknownMeta: Rule = {
  id: 'step-unknown-meta',
  description: 'Step info strings use only title, id, expect, time, danger, skip and Docusaurus meta',
  severity: 'error',
  check({ doc, report }) {
    for (const problem of extractProcedure(doc).problems) {
      if (problem.code !== 'unknown-meta') continue;
      const token = /`([^`]*)`/.exec(problem.message)?.[1] ?? '';
      const key = token.split('=')[0]!;
      const guess = didYouMean(key, STEP_META_KEYS);
      report({
        message: guess && guess !== key ? `Unexpected step meta \`${token}\`, expected \`${guess}\`` : problem.message,
        place: problem.place,
      });
    }
  },
};

export default stepUnknownMeta;
