import type { Rule } from './types.js';

/** A fenced block without a language: no highlighting, and never a step. */
export const codeLang: Rule = {
  id: 'code-lang',
  description: 'Fenced code blocks declare a language',
  severity: 'warning',
  check({ doc, report }) {
    for (const block of doc.codeBlocks) {
      const fenced = block.contentStartLine !== block.place.start.line;
      if (!fenced || block.lang) continue;
      report({ message: 'Unexpected fenced code block without a language, expected one such as `bash`, `console`, `sql`, `yaml` or `text`', place: { start: block.place.start, end: block.place.start } });
    }
  },
};
