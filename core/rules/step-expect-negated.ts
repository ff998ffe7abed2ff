import { extractProcedure, matchesExpect } from '../steps.js';
import type { Rule } from './types.js';

/**
 * A state and the word a tool prints for its failure, which contains it:
 * a plain `expect="healthy"` passes a container that is `unhealthy`.
 */
export const negations: readonly [state: string, negation: string][] = [
  ['healthy', 'unhealthy'],
  ['active', 'inactive'],
  ['available', 'unavailable'],
  ['reachable', 'unreachable'],
  ['responsive', 'unresponsive'],
  ['valid', 'invalid'],
  ['complete', 'incomplete'],
  ['consistent', 'inconsistent'],
  ['connected', 'disconnected'],
  ['mounted', 'unmounted'],
  ['Ready', 'NotReady'],
];

/**
 * ## step-expect-negated
 *
 * A step's `expect` that the failure it should catch also matches, because
 * the word for the failure contains the word for success: `healthy` is in
 * `unhealthy`, `active` in `inactive`, `Ready` in `NotReady`. The step
 * passes on the very output that says the service is down. Match the whole
 * word or the field: `expect="\"status\":\"healthy\""`,
 * `expect="/^active$/m"`, `expect="/\bhealthy\b/"`.
 *
 * not ok (`3:1 Unexpected expect \`healthy\`, also matched by \`unhealthy\`, ...`):
 * ````md
 * ```bash expect="healthy"
 * curl -fsS http://localhost:8000/health
 * ```
 * ````
 */
export const stepExpectNegated: Rule = {
  id: 'step-expect-negated',
  description: 'A step\'s `expect` is not also matched by the failure\'s word (`healthy` in `unhealthy`)',
  severity: 'error',
  check({ doc, report }) {
    for (const step of extractProcedure(doc).steps) {
      if (step.expect === null) continue;
      const expect = step.expect;
      let hit: readonly [string, string] | undefined;
      try {
        hit = negations.find(([state, negation]) => matchesExpect(expect, state) && matchesExpect(expect, negation));
      } catch {
        continue; // step-expect-regex reports it
      }
      if (!hit) continue;
      const block = doc.codeBlocks.find((b) => b.place.start.line === step.line);
      const at = { line: step.line, column: block?.place.start.column ?? 1, offset: block?.place.start.offset ?? 0 };
      report({
        message: `Unexpected expect \`${expect}\`, also matched by \`${hit[1]}\`, expected an expect that only \`${hit[0]}\` matches (the whole word or field: \`/\\b${hit[0]}\\b/\`, \`"status":"${hit[0]}"\`)`,
        place: { start: at, end: at },
      });
    }
  },
};

export default stepExpectNegated;
