import { carriesHeader, validateHeader } from '../header.js';
import type { Rule } from './types.js';

/**
 * ## header-schema
 *
 * Every document under the docs folder declares its version header in the
 * front matter: which version it is, when it was last updated, whether it is
 * in force and who owns it.
 *
 * | key | rule |
 * |---|---|
 * | `title` | non-empty |
 * | `version` | semver `MAJOR.MINOR.PATCH` |
 * | `last_updated` | `YYYY-MM-DD`, a real calendar day, not after today |
 * | `status` | `draft`, `active` or `deprecated` |
 * | `owner` | non-empty team or person |
 * | `review_every` | optional: `<n>d`, `<n>w`, `<n>m` or `<n>y` |
 * | `superseded_by` | required with `status: deprecated`: a relative link to the replacing doc |
 * | `type` | optional: `runbook`, `procedure`, `checklist`, `guide`, `reference`, `handover` |
 *
 * Values are judged as written: YAML reads `1.0` as a number and
 * `2026-02-30` as March 2; both are errors. Each finding sits on the
 * offending key; a missing key (or a missing front matter) on line 1.
 * Partials (`_*.md`) carry no header. Malformed YAML is reported once, as
 * `yaml-syntax`.
 *
 * ok:
 * ```md
 * ---
 * title: Restart the API
 * version: 1.2.0
 * last_updated: 2026-11-01
 * status: active
 * owner: platform-team
 * ---
 * ```
 *
 * not ok (`2:1 Unexpected \`version: 1.0\`, expected semver MAJOR.MINOR.PATCH (e.g. \`1.0.0\`)`):
 * ```md
 * ---
 * version: 1.0
 * ```
 */
export const headerSchema: Rule = {
  id: 'header-schema',
  description: 'Every doc declares title, version (semver), last_updated (YYYY-MM-DD, not in the future), status and owner',
  severity: 'error',
  check(ctx) {
    if (!carriesHeader(ctx)) return;
    const { doc, report } = ctx;
    if (!doc.frontMatter.present) {
      report({
        message: 'Missing front matter, expected a version header with `title`, `version`, `last_updated`, `status` and `owner`',
      });
      return;
    }
    for (const issue of validateHeader(doc, ctx.input.today)) report({ message: issue.message, place: issue.place });
  },
};

export default headerSchema;
