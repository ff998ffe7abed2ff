import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';
import { parseMarkdown } from '../markdown.js';
import type { Rule } from './types.js';

/**
 * remark-lint's recommended preset, run over the tree the core parsed (no
 * second parse): each message keeps its own rule id (`no-undefined-references`,
 * `no-literal-urls`, ...), so `<!-- lint ignore <id> -->` works as it does in
 * editors using `.remarkrc.mjs`.
 *
 * One setting differs from the preset (and `.remarkrc.mjs` has it too): a
 * bare `[text]` without a definition is allowed. It renders as the literal
 * text, and on real runbooks it is nearly always prose (`[Deprecated]`,
 * `[10m]` in a PromQL range, `> [!NOTE]`), while `[text][label]` with a
 * missing `label` is still reported.
 */
export const noUndefinedReferencesOptions = { allowShortcutLink: true } as const;

const linter = unified().use(remarkPresetLintRecommended).use(remarkLintNoUndefinedReferences, noUndefinedReferencesOptions).freeze();

/** The ids of the preset's rules (`remark-lint:final-newline` -> `final-newline`). */
const presetRuleIds = [...(remarkPresetLintRecommended.plugins ?? []), remarkLintNoUndefinedReferences]
  .map((plugin) => (Array.isArray(plugin) ? plugin[0] : plugin) as { name?: string })
  .map((plugin) => plugin.name ?? '')
  .filter((name) => name.startsWith('remark-lint:'))
  .map((name) => name.slice('remark-lint:'.length));

export const remarkLintRecommended: Rule = {
  id: 'remark-lint',
  readsTree: true,
  reports: [...new Set(presetRuleIds)].sort(),
  description: "remark-lint's recommended preset (remark-preset-lint-recommended)",
  severity: 'warning',
  async check({ doc, report }) {
    if (doc.problems.some((p) => p.ruleId === 'mdx-syntax')) return;
    const tree = doc.tree ?? parseMarkdown(doc.text, doc.format);
    const file = new VFile({ path: doc.path, value: doc.text });
    // The preset's rules only read the tree (the same tree other rules read): no copy of it per doc.
    await linter.run(tree, file);
    for (const message of file.messages) {
      const place = message.place && 'start' in message.place ? message.place : message.place ? { start: message.place, end: message.place } : undefined;
      report({
        ruleId: message.ruleId ?? 'remark-lint',
        message: message.reason,
        severity: message.fatal ? 'error' : 'warning',
        ...(place ? { place: { start: { ...place.start, offset: place.start.offset ?? 0 }, end: { ...place.end, offset: place.end.offset ?? 0 } } } : {}),
      });
    }
  },
};
