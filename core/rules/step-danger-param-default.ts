import { extractProcedure } from '../steps.js';
import type { Rule } from './types.js';

/**
 * ## step-danger-param-default
 *
 * A parameter that a `danger` step uses has a `default`. The page fills the
 * default in and `handbook run` takes it without asking, so a destructive
 * step would act on a value nobody chose for this run: the default table of
 * a delete, `KEEP_VERSION=1` of a cleanup. Reported on the `default` key,
 * with the first danger step that uses it; remove the default (the page and
 * `handbook run` then ask for the value), or keep it only on parameters that
 * no danger step reads.
 *
 * not ok (`7:14 Unexpected default \`1\` of parameter \`KEEP_VERSION\`, which danger step \`delete-old-versions\` uses, ...`):
 * ````md
 * ---
 * title: Clean up
 * version: 1.0.0
 * params:
 *   KEEP_VERSION:
 *     description: The version to keep
 *     default: 1
 * ---
 *
 * Delete the old versions.
 *
 * ```bash danger
 * aws s3 rm --recursive "s3://bucket/versions/" --exclude "v${KEEP_VERSION}/*"
 * ```
 * ````
 */
export const stepDangerParamDefault: Rule = {
  id: 'step-danger-param-default',
  description: 'Parameters that a `danger` step uses have no default',
  severity: 'error',
  check({ doc, report }) {
    const procedure = extractProcedure(doc);
    for (const param of Object.values(procedure.params)) {
      if (param.default === null) continue;
      const dangerous = procedure.steps.filter((s) => s.danger && s.params.includes(param.name));
      if (dangerous.length === 0) continue;
      const first = dangerous[0]!;
      const more = dangerous.length > 1 ? ` (and ${dangerous.length - 1} more)` : '';
      const key = doc.frontMatter.keys.get(`params.${param.name}.default`);
      const at = { line: first.line, column: 1, offset: 0 };
      report({
        message: `Unexpected default \`${param.default}\` of parameter \`${param.name}\`, which danger step \`${first.id}\`${more} uses, expected no default: a destructive step takes a value chosen for the run`,
        place: key?.valueSpan ?? { start: at, end: at },
        cause: { message: `danger step \`${first.id}\` uses \`${param.name}\``, place: { start: at, end: at } },
      });
    }
  },
};

export default stepDangerParamDefault;
