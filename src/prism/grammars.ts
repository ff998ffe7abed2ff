/**
 * The Prism instance of the handbook, with every language its code blocks
 * are highlighted in. The build tokenises each fenced block with it
 * (plugins/prism/remark.ts); the browser loads it, as its own chunk, only
 * for a code block the build could not tokenise (src/prism/index.ts).
 * A fenced block in another language renders as plain text: add the
 * language here (plugins/prism fails the build when
 * `themeConfig.prism.additionalLanguages` names one that is missing).
 */
import './manual';
import Prism from 'prismjs/components/prism-core';
import 'prismjs/components/prism-markup';
import 'prismjs/components/prism-clike';
import 'prismjs/components/prism-javascript';
import 'prismjs/components/prism-json';
import 'prismjs/components/prism-yaml';
import 'prismjs/components/prism-markdown';
import 'prismjs/components/prism-python';
import 'prismjs/components/prism-bash';
import 'prismjs/components/prism-shell-session';
import 'prismjs/components/prism-sql';

export { Prism };
export type PrismLib = typeof Prism;

/** The component names loaded above (aliases such as `sh` and `js` come with them). */
export const grammarNames = ['markup', 'clike', 'javascript', 'json', 'yaml', 'markdown', 'python', 'bash', 'shell-session', 'sql'] as const;
