import { extractProcedure } from '../steps.js';
import type { Rule } from './types.js';

/**
 * Every bash/sh/shell step passes `bash -n` (`sh -n` for sh), the error line
 * mapped into the document. Console transcripts are checked on their
 * commands and reported at the block.
 */
export const shellSyntax: Rule = {
  id: 'shell-syntax',
  description: 'Shell steps are syntactically valid (bash -n / sh -n)',
  severity: 'error',
  async check({ doc, input, report }) {
    const syntax = input.services.shellSyntax;
    if (!syntax) return;
    const blocksByLine = new Map(doc.codeBlocks.map((b) => [b.place.start.line, b]));
    for (const step of extractProcedure(doc).steps) {
      if (step.lang === 'zsh') continue;
      const shell = step.lang === 'sh' ? 'sh' : 'bash';
      const problem = await syntax(step.command, shell);
      if (!problem) continue;
      const block = blocksByLine.get(step.line)!;
      const lines = step.command.split('\n').length;
      const line = step.lang === 'console' ? step.line : block.contentStartLine + Math.min(Math.max(problem.line, 1), lines) - 1;
      const at = { line, column: 1, offset: 0 };
      report({ message: `Unexpected ${shell} syntax error in step \`${step.id}\`: ${problem.message}; expected a command \`${shell} -n\` accepts`, place: { start: at, end: at } });
    }
  },
};
