// remark configuration for editors (remark language server) and remark-cli:
// the same Markdown dialect as the site and the same rules as `handbook check`.
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';

async function loadHandbookRules() {
  // Under a TypeScript-aware runner (vitest, tsx) the module imports as it is.
  if (process.features?.typescript || process.env.VITEST) return await import('./plugins/lint/index.ts');
  // Plain Node (remark-cli, the remark language server) cannot import
  // TypeScript: tsx compiles it, in a loader scope of its own. (Importing
  // first and registering tsx after a failure does not work: Node keeps the
  // failed import.)
  const { tsImport } = await import('tsx/esm/api');
  return await tsImport('./plugins/lint/index.ts', import.meta.url);
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
