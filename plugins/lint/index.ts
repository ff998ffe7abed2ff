import { relative } from 'node:path';
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { defaultCheckInput, isAlertRule, parseDoc, rules, runChecks, toJson, type DocModel, type Rule } from '../../core/index.js';
import { defaultServices } from '../../lib/services/index.js';
import { todayOf } from '../../lib/corpus.js';

/**
 * The handbook's rules as remark-lint plugins (`unified-lint-rule`), for
 * `.remarkrc.mjs`: editors with the remark language server show the same
 * diagnostics as `handbook check`. Only single-document rules: links and
 * orphans need the whole docs folder, which `handbook check` has and an
 * editor buffer does not; the `alert-*` rules read alert files, not Markdown. The preset itself comes from `.remarkrc.mjs`.
 */
const needsWholeCorpus = new Set(['link-target', 'link-anchor', 'orphan-doc', 'header-version-bump', 'remark-lint']);

const models = new WeakMap<VFile, DocModel>();

function modelOf(file: VFile): DocModel {
  let model = models.get(file);
  if (!model) {
    const path = file.path ? relative(file.cwd, file.path).split('\\').join('/') : 'docs/untitled.md';
    model = parseDoc({ path, text: String(file) });
    models.set(file, model);
  }
  return model;
}


function asLintRule(rule: Rule) {
  return lintRule<Root>({ origin: `handbook:${rule.id}`, url: `https://handbook.internal/docs/handbook/check-rules#${rule.id}` }, async (_tree, file) => {
    const doc = modelOf(file);
    const input = defaultCheckInput({ docs: [doc], today: todayOf(), services: defaultServices() });
    for (const diagnostic of (await runChecks(input, [rule])).map(toJson)) {
      file.message(diagnostic.message, {
        place: { start: { line: diagnostic.line, column: diagnostic.column }, end: { line: diagnostic.endLine, column: diagnostic.endColumn } },
      });
    }
  });
}

export const handbookLintRules = rules.filter((rule): rule is Rule => !isAlertRule(rule) && !needsWholeCorpus.has(rule.id)).map(asLintRule);

/** A unified preset: `plugins: [..., remarkHandbookLint]`. */
const remarkHandbookLint = { plugins: handbookLintRules };
export default remarkHandbookLint;
