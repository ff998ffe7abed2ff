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
    const steps = extractProcedure(doc).steps.filter((s) => s.lang !== 'zsh');
    // Ask for every step at once: the service checks them in one batch.
    const problems = await Promise.all(steps.map((s) => syntax(s.command, s.lang === 'sh' ? 'sh' : 'bash')));
    steps.forEach((step, i) => {
      const problem = problems[i];
      if (!problem) return;
      const shell = step.lang === 'sh' ? 'sh' : 'bash';
      const block = blocksByLine.get(step.line)!;
      const lines = step.command.split('\n').length;
      const line = step.lang === 'console' ? step.line : block.contentStartLine + Math.min(Math.max(problem.line, 1), lines) - 1;
      const at = { line, column: 1, offset: 0 };
      const placeholder = /<[A-Za-z][\w .-]*>/.exec(step.command.split('\n')[Math.min(problem.line, lines) - 1] ?? '');
      const hint = placeholder ? ` (\`${placeholder[0]}\` is not shell: declare a parameter and write \`"\${NAME}"\`)` : '';
      report({ message: `Unexpected ${shell} syntax error in step \`${step.id}\`: ${problem.message}; expected a command \`${shell} -n\` accepts${hint}`, place: { start: at, end: at } });
    });
  },
};
