// remark configuration for editors (remark language server) and remark-cli:
// the same Markdown dialect as the site and the same rules as `handbook check`.
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';

async function loadHandbookRules() {
  try {
    return await import('./plugins/lint/index.ts');
  } catch {
    // Plain Node cannot import TypeScript: compile it on the fly with tsx.
    const { register } = await import('tsx/esm/api');
    register();
    return await import('./plugins/lint/index.ts');
  }
}

const { default: remarkHandbookLint } = await loadHandbookRules();

export default {
  plugins: [
    remarkFrontmatter,
    remarkDirective,
    remarkGfm,
    remarkPresetLintRecommended,
    // As in `handbook check` (core/rules/remark-lint-recommended.ts): a bare `[text]` is prose.
    [remarkLintNoUndefinedReferences, { allowShortcutLink: true }],
    remarkHandbookLint,
  ],
};
