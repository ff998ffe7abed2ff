import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { grammarNames, Prism } from '../../src/prism/grammars.js';

export { default as remarkCodeTokens } from './remark.js';

/**
 * Code blocks without Prism in the page's start-up code:
 * - points the bundle's `prism-react-renderer` (imported by Docusaurus's
 *   code blocks) to `src/prism`, whose `Highlight` reads the tokens the
 *   build wrote (`remarkCodeTokens`, in the docs plugin's remark plugins)
 *   and loads Prism as a chunk of its own only for a block without them;
 * - theme-classic's `@theme/prism-include-languages`, which builds
 *   `additionalLanguages` into Prism at start-up, is swizzled empty
 *   (src/theme/prism-include-languages.ts): the languages are in
 *   src/prism/grammars.ts, and the build fails here when
 *   `additionalLanguages` names one that is not.
 * The config (`src/prism-themes.ts`) still reads the real package.
 */
export default function prismPlugin(context: LoadContext): Plugin<unknown> {
  const { additionalLanguages = [] } = ((context.siteConfig.themeConfig as { prism?: { additionalLanguages?: string[] } }).prism ?? {});
  const missing = additionalLanguages.filter((language) => Prism.languages[language] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `themeConfig.prism.additionalLanguages names ${missing.map((l) => `"${l}"`).join(', ')}, which src/prism/grammars.ts does not load (it loads ${grammarNames.join(', ')}): import prismjs/components/prism-<language> there.`,
    );
  }
  return {
    name: 'handbook-prism',
    configureWebpack() {
      return {
        resolve: {
          alias: {
            'prism-react-renderer$': join(context.siteDir, 'src/prism/index.ts'),
          },
        },
      };
    },
  };
}
