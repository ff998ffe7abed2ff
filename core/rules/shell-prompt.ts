import { parseStepMeta } from '../steps.js';
import type { Rule } from './types.js';

/** `$ ` prompts in bash/sh blocks break copy and run: transcripts belong in `console` blocks. */
export const shellPrompt: Rule = {
  id: 'shell-prompt',
  description: 'No `$ ` prompts in bash/sh blocks',
  severity: 'warning',
  check({ doc, report }) {
    for (const block of doc.codeBlocks) {
      if (!block.lang || !['bash', 'sh', 'shell', 'zsh'].includes(block.lang) || parseStepMeta(block.meta).skip) continue;
      const lines = block.value.split('\n');
      const i = lines.findIndex((l) => /^\s*\$ \S/.test(l));
      if (i === -1) continue;
      const at = { line: block.contentStartLine + i, column: lines[i]!.indexOf('$') + 1, offset: 0 };
      report({ message: `Unexpected \`$ \` prompt in a \`${block.lang}\` block, expected the bare command (use a \`console\` block for a transcript with output)`, place: { start: at, end: at } });
    }
  },
};
