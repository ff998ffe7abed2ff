/**
 * Docusaurus's `<Link>` prefetches a route's chunks as soon as the link
 * scrolls into view, through `window.docusaurus.prefetch`. Each call scans
 * every route of the site and appends one `<link rel="prefetch">` per chunk
 * of the route, including the layout chunks every doc shares and the page
 * has already loaded, and the links of the first screen all arrive in the
 * same IntersectionObserver task: on a throttled phone that was one
 * 150–300 ms task right after hydration (BENCHMARKS.md, Lighthouse).
 *
 * This client module keeps the prefetching and makes it cheap: each path is
 * looked up once, in idle time (the page's idle queue, ./idle.ts); each chunk
 * file is then prefetched once, in its own slice of idle work, unless the
 * page has already loaded it. The chunk files are the ones Docusaurus's own
 * prefetch would request (its route table, chunk names and chunk URLs).
 * Preloading on hover or touch (`window.docusaurus.preload`) is left as it
 * is: the reader is about to navigate.
 */
import routes from '@generated/routes';
import routesChunkNames from '@generated/routesChunkNames';
import { matchRoutes } from 'react-router-config';
import { whenIdle } from './idle';
import { idlePrefetch, type DocusaurusGlobal, type PrefetchEnvironment } from './prefetch-queue';

/** Every string of a nested chunk-name object (Docusaurus's client `flat`). */
function chunkNamesIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(chunkNamesIn);
  return [];
}

// Injected into the webpack runtime by Docusaurus (ChunkAssetPlugin): a chunk name's URL.
declare const __webpack_require__: { gca?: (chunkName: string) => string | undefined };

/** The page's environment: Docusaurus's route table and chunk URLs, resource timing, `<link rel="prefetch">`. */
function browserEnvironment(): PrefetchEnvironment {
  return {
    chunkUrlsOf(routePath) {
      const names = matchRoutes(routes, routePath).flatMap(({ route }) =>
        Object.entries(routesChunkNames)
          .filter(([key]) => key.replace(/-[^-]+$/, '') === route.path)
          .flatMap(([, chunks]) => chunkNamesIn(chunks)),
      );
      return names.map((name) => __webpack_require__.gca?.(name)).filter((url): url is string => !!url && !url.includes('undefined'));
    },
    isLoaded: (url) => performance.getEntriesByName(new URL(url, location.href).href).length > 0,
    prefetchUrl(url) {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = url;
      document.head.appendChild(link);
    },
    queue: whenIdle,
    saveData() {
      const connection = (navigator as Navigator & { connection?: { effectiveType?: string; saveData?: boolean } }).connection;
      return !!connection && (!!connection.saveData || !!connection.effectiveType?.includes('2g'));
    },
  };
}

if (typeof window !== 'undefined') {
  // Docusaurus assigns `window.docusaurus` (a frozen object) when main.js
  // starts, after the client modules are evaluated: wrap whatever is assigned.
  // Without the webpack runtime's chunk URLs (a Docusaurus change), its own prefetch stays.
  const target = window as unknown as { docusaurus?: DocusaurusGlobal };
  const prefetch = typeof __webpack_require__ !== 'undefined' && typeof __webpack_require__.gca === 'function' ? idlePrefetch(browserEnvironment()) : null;
  let current: DocusaurusGlobal | undefined;
  const wrap = (value: DocusaurusGlobal | undefined) => value && (prefetch ? Object.freeze({ ...value, prefetch }) : value);
  const assigned = target.docusaurus;
  Object.defineProperty(window, 'docusaurus', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: DocusaurusGlobal | undefined) => {
      current = wrap(value);
    },
  });
  if (assigned) current = wrap(assigned);
}
