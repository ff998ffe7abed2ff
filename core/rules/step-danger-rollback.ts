import { extractProcedure } from '../steps.js';
import { hasSection } from './structure-sections.js';
import type { Rule } from './types.js';

/**
 * ## step-danger-rollback
 *
 * A doc with a `danger` step should say how to undo it: warns, at the first
 * dangerous step, when no h2-h4 heading names a rollback ("Rollback", "Roll
 * back", "Revert", "Undo", ...). Docs of `type: procedure` are left to
 * `structure-sections`, which makes the same section an error for them.
 *
 * not ok (`7:1 Unexpected danger step \`drop-the-old-replica\` in a doc without a Rollback section, ...`):
 * ````md
 * ## Cleanup
 *
 * Drop the old replica.
 *
 * ```bash danger
 * psql -c 'DROP DATABASE widgets_old'
 * ```
 * ````
 */
export const stepDangerRollback: Rule = {
  id: 'step-danger-rollback',
  description: 'A doc with a danger step has a Rollback section',
  severity: 'warning',
  check({ doc, report }) {
    if (doc.frontMatter.data.type === 'procedure') return;
    const dangerous = extractProcedure(doc).steps.filter((s) => s.danger);
    if (dangerous.length === 0 || hasSection(doc.headings, 'rollback')) return;
    const first = dangerous[0]!;
    const block = doc.codeBlocks.find((b) => b.place.start.line === first.line);
    const more = dangerous.length > 1 ? ` (and ${dangerous.length - 1} more danger step${dangerous.length > 2 ? 's' : ''})` : '';
    report({
      message: `Unexpected danger step \`${first.id}\`${more} in a doc without a Rollback section, expected a \`## Rollback\` section that says how to undo it`,
      ...(block ? { place: { start: block.place.start, end: { ...block.place.start, column: block.place.start.column + 3 + (block.lang?.length ?? 0) + (block.meta ? block.meta.length + 1 : 0) } } } : {}),
    });
  },
};

export default stepDangerRollback;
