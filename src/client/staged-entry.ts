/**
 * The browser's entry point in a production build, in place of Docusaurus's
 * `clientEntry.js` (plugins/page-load). It evaluates the same modules, but
 * in several tasks instead of one.
 *
 * Evaluating main.js runs every module of the bundle (React DOM, the router,
 * the route table, the theme) in the task that loads it: 60-140 ms on this
 * project's machine, four times that on the phone Lighthouse emulates, the
 * longest task of a page load (BENCHMARKS.md). Webpack evaluates a module
 * the first time it is required, so requiring the bundle's big subtrees one
 * per task splits that work without changing what runs: each `import()`
 * below is `eager` (the module stays in main.js; only its evaluation waits),
 * and a module required again later is not evaluated again. The order is
 * `clientEntry.js`'s and `App.js`'s (the client modules before the route
 * table) except for one change: the page's route starts loading before the
 * theme is evaluated, not after, so its chunks download meanwhile.
 */
import { runStages } from './stages';

// `preload` is Docusaurus's own: it matches the route table against the page
// and starts loading the route's chunks, which `clientEntry.js` then awaits
// (calling it again returns the same loads, and a failed load is reported
// there, so it is not reported twice here).
const loadCurrentRoute = async () => {
  const { default: preload } = await import(/* webpackMode: "eager" */ '@docusaurus/core/lib/client/preload.js');
  preload(window.location.pathname).catch(() => undefined);
};

void runStages([
  () => import(/* webpackMode: "eager" */ 'react-dom/client'),
  () => import(/* webpackMode: "eager" */ 'react-router-dom'),
  () => import(/* webpackMode: "eager" */ 'react-helmet-async'),
  // `App.js` imports the client modules first (among them src/client/chunk-scripts.ts, which must wrap webpack's script loader before `preload` runs).
  () => import(/* webpackMode: "eager" */ '@generated/client-modules'),
  () => import(/* webpackMode: "eager" */ '@generated/routes'),
  loadCurrentRoute,
  () => import(/* webpackMode: "eager" */ '@docusaurus/ErrorBoundary'),
  () => import(/* webpackMode: "eager" */ '@theme/Root'),
  () => import(/* webpackMode: "eager" */ '@docusaurus/core/lib/client/App.js'),
  () => import(/* webpackMode: "eager" */ '@docusaurus/core/lib/client/clientEntry.js'),
]);
