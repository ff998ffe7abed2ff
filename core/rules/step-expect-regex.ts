import { extractProcedure } from '../steps.js';
import type { Rule } from './types.js';

/**
 * ## step-expect-regex
 *
 * `expect="/.../flags"` is a JavaScript regular expression that the runner
 * and the page test the step's output against; one that does not compile
 * would fail every run of the step. Also reports a `time=` that is not a
 * number with `s`, `m` or `h`, which would drop the step's estimate.
 *
 * not ok (`3:1 Unexpected expect regex \`/ready (/\` that does not compile ...`):
 * ````md
 * ```bash expect="/ready (/"
 * systemctl status app
 * ```
 * ````
 */
export const stepExpectRegex: Rule = {
  id: 'step-expect-regex',
  description: 'A step\'s `expect="/regex/"` compiles and its `time=` is a duration',
  severity: 'error',
  check({ doc, report }) {
    for (const problem of extractProcedure(doc).problems) {
      if (problem.code === 'bad-expect-regex' || problem.code === 'bad-time') report({ message: problem.message, place: problem.place });
    }
  },
};

export default stepExpectRegex;
