import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { Prism } from '../../src/prism/grammars.js';
import { encodeTokens } from '../../src/prism/tokens.js';

/**
 * remark plugin: tokenises each fenced code block once, at build time, with
 * the handbook's Prism instance (src/prism/grammars.ts), and writes the
 * tokens to the block's `data-tokens` property. The theme's code block
 * (src/theme/CodeBlock) hands them to `Highlight` (src/prism), so neither
 * the server render nor the browser's hydration tokenises the code, and the
 * page's start-up code carries no Prism. Run it after every plugin that
 * changes code blocks (the checklist's remark plugin turns console
 * transcripts into `shell-session` blocks). A block without a language, or
 * in a language without a grammar, gets `0`: plain text.
 */
export default function remarkCodeTokens() {
  return (tree: Root): void => {
    visit(tree, 'code', (node: Code) => {
      const language = (node.lang ?? 'text').toLowerCase();
      // Docusaurus turns these into diagrams before they reach a code block.
      if (language === 'mermaid') return;
      node.data ??= {};
      node.data.hProperties = { ...node.data.hProperties, 'data-tokens': encodeTokens(Prism, node.value, language) };
    });
  };
}
