import type { Rule } from './types.js';

/**
 * Every ```mermaid block parses. A broken diagram does not fail the
 * Docusaurus build (the page just shows "Parse error"), so this is the only
 * place it is caught. Reported at the diagram's line with mermaid's message.
 */
export const diagramSyntax: Rule = {
  id: 'diagram-syntax',
  description: 'Mermaid diagrams parse',
  severity: 'error',
  async check({ doc, input, report }) {
    const parse = input.services.mermaidSyntax;
    if (!parse) return;
    for (const block of doc.codeBlocks) {
      if (block.lang !== 'mermaid') continue;
      const problem = await parse(block.value);
      if (!problem) continue;
      const lines = block.value.split('\n').length;
      const line = problem.line === null ? block.place.start.line : block.contentStartLine + Math.min(Math.max(problem.line, 1), lines) - 1;
      const at = { line, column: 1, offset: 0 };
      report({ message: `Unexpected mermaid syntax error: ${problem.message}; expected a diagram mermaid can parse`, place: { start: at, end: at } });
    }
  },
};
