import type { Plugin } from '@docusaurus/types';

/**
 * The page start-up work the handbook asks of the bundler, through
 * `configureWebpack` only (no module of Docusaurus or of a theme is
 * replaced: tests/architecture/public-api.test.ts):
 * React DOM (and its scheduler) in a script file of its own in a production
 * build. The browser compiles each script in a task of its own, and
 * compiling all of main.js was the largest part of the task that evaluates
 * it on a throttled phone (BENCHMARKS.md, Lighthouse); React DOM also
 * changes more rarely than the site's own code, so it stays cached.
 *
 * What the handbook once did below Docusaurus's public API here (its own
 * entry, a transition for `useIsBrowser`, deferred chunk scripts, idle
 * route prefetching, a mark.js without the empty unmark walk) is written up
 * for Docusaurus and the search plugin in UPSTREAM.md.
 */
export default function pageLoadPlugin(): Plugin<unknown> {
  return {
    name: 'handbook-page-load',
    configureWebpack(config, isServer) {
      // The dev server and the server bundle keep Docusaurus's chunks as they are.
      if (isServer || config.mode !== 'production') return {};
      return {
        optimization: { splitChunks: { cacheGroups: { reactDom: { test: /[\\/]node_modules[\\/](react-dom|scheduler)[\\/]/, name: 'react-dom', chunks: 'initial', enforce: true, priority: 60 } } } },
      };
    },
  };
}
