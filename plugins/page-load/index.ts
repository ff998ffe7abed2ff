import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

const require = createRequire(import.meta.url);

/**
 * What the handbook changes in Docusaurus's page start-up, to keep a
 * procedure page responsive on a phone (issue 12, BENCHMARKS.md):
 * - the route's chunk scripts created in a task of their own, not inside main.js's (src/client/chunk-scripts.ts);
 * - route prefetching in idle time, a slice at a time (src/client/idle-prefetch.ts);
 * - the search theme's mark.js without a whole-page walk to remove marks
 *   that are not there (src/client/mark.ts).
 */
export default function pageLoadPlugin(context: LoadContext): Plugin<unknown> {
  return {
    name: 'handbook-page-load',
    getClientModules() {
      return [join(context.siteDir, 'src/client/chunk-scripts.ts'), join(context.siteDir, 'src/client/idle-prefetch.ts')];
    },
    configureWebpack() {
      // The search theme imports mark.js by its resolved path (its generated module).
      return { resolve: { alias: { [`${require.resolve('mark.js/dist/mark.js')}$`]: join(context.siteDir, 'src/client/mark.ts') } } };
    },
  };
}
