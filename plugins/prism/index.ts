import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

/**
 * Points the bundle's `prism-react-renderer` (imported by Docusaurus's code
 * blocks and its additional-languages loader) to `src/prism`: the same
 * component and Prism instance with fewer languages built when the page
 * loads. The config (`src/prism-themes.ts`) still reads the real package.
 */
export default function prismPlugin(context: LoadContext): Plugin<unknown> {
  return {
    name: 'handbook-prism',
    configureWebpack() {
      return { resolve: { alias: { 'prism-react-renderer$': join(context.siteDir, 'src/prism/index.ts') } } };
    },
  };
}
