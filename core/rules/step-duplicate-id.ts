import { extractProcedure } from '../steps.js';
import type { Rule } from './types.js';

/**
 * ## step-duplicate-id
 *
 * Step ids identify a step in saved progress, run logs and `handbook run
 * --from`: an explicit `id=...` used twice in one doc makes the second step
 * unaddressable (the page would silently rename it). Derived ids are made
 * unique automatically and are not reported.
 *
 * not ok (`9:1 Unexpected duplicate step id \`drain\`, ...`):
 * ````md
 * ```bash id=drain
 * kubectl drain node-1
 * ```
 *
 * ```bash id=drain
 * kubectl drain node-2
 * ```
 * ````
 */
export const stepDuplicateId: Rule = {
  id: 'step-duplicate-id',
  description: 'Explicit step ids are unique in their doc',
  severity: 'error',
  check({ doc, report }) {
    for (const problem of extractProcedure(doc).problems) {
      if (problem.code === 'duplicate-id') report({ message: problem.message, place: problem.place });
    }
  },
};

export default stepDuplicateId;
