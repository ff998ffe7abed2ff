import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

const require = createRequire(import.meta.url);

/**
 * A module of a dependency, by its resolved path, for a replacement. Resolving
 * it here makes the build fail, naming the module, when an upgrade moves or
 * removes it, rather than quietly building without the replacement (the two
 * below go together: the search page needs its hook replaced once the
 * browser context is).
 */
export function dependencyModule(request: string): RegExp {
  let path: string;
  try {
    path = require.resolve(request);
  } catch {
    throw new Error(`plugins/page-load replaces ${request}, which is no longer there: check src/client/ against the new version of its package`);
  }
  return new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Docusaurus's browser-context module (src/client/browser-context.tsx). */
const browserContextModule = dependencyModule('@docusaurus/core/lib/client/browserContext.js');
/** The search plugin's URL hook (src/client/search-query.ts). */
const searchQueryModule = dependencyModule('@easyops-cn/docusaurus-search-local/dist/client/client/theme/hooks/useSearchQuery.js');

/**
 * What the handbook changes in Docusaurus's page start-up, to keep a
 * procedure page responsive on a phone (issue 12, BENCHMARKS.md):
 * - main.js's modules evaluated in several tasks, not one (src/client/staged-entry.ts, production builds),
 *   and React DOM in a script of its own, compiled in a task of its own;
 * - the re-render once the page knows it is in a browser made a transition (src/client/browser-context.tsx),
 *   and the search page made to read its URL before it writes it, which that timing needs (src/client/search-query.ts);
 * - the route's chunk scripts created in a task of their own, not in the one that looks the route up (src/client/chunk-scripts.ts);
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
    configureWebpack(config, isServer, utils) {
      // The search theme imports mark.js by its resolved path (its generated module).
      const resolve = { alias: { [`${require.resolve('mark.js/dist/mark.js')}$`]: join(context.siteDir, 'src/client/mark.ts') } };
      // Both modules are imported by relative paths, which an alias does not see: replace the resolved modules.
      const { NormalModuleReplacementPlugin } = utils.currentBundler.instance;
      const plugins = [
        new NormalModuleReplacementPlugin(browserContextModule, join(context.siteDir, 'src/client/browser-context.tsx')),
        new NormalModuleReplacementPlugin(searchQueryModule, join(context.siteDir, 'src/client/search-query.ts')),
      ];
      // The dev server keeps Docusaurus's entry (hot reloading accepts updates at it).
      if (isServer || config.mode !== 'production') return { resolve, plugins };
      return {
        resolve,
        plugins,
        entry: join(context.siteDir, 'src/client/staged-entry.ts'),
        mergeStrategy: { entry: 'replace' },
        // React DOM (and its scheduler) in a script file of its own: each script is compiled in its own task, and
        // compiling all of main.js was the largest part of the task that evaluates it. It changes rarely, too.
        optimization: { splitChunks: { cacheGroups: { reactDom: { test: /[\\/]node_modules[\\/](react-dom|scheduler)[\\/]/, name: 'react-dom', chunks: 'initial', enforce: true, priority: 60 } } } },
      };
    },
  };
}
