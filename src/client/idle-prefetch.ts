/**
 * Docusaurus's `<Link>` prefetches a route's chunks as soon as the link
 * scrolls into view, through `window.docusaurus.prefetch`. Each call scans
 * every route of the site and appends `<link rel="prefetch">` tags, and the
 * links of the first screen all arrive in the same IntersectionObserver
 * task: on a procedure page (some 75 links) that is one 150–300 ms task on a
 * throttled phone right after hydration, the longest after main.js
 * (BENCHMARKS.md, Lighthouse).
 *
 * This client module keeps the prefetching and moves it to idle time (the
 * page's idle queue, ./idle.ts), each path once. Preloading on hover or
 * touch (`window.docusaurus.preload`) is left as it is: the reader is about
 * to navigate.
 */
import { whenIdle } from './idle';

interface DocusaurusGlobal {
  prefetch(routePath: string): false | Promise<void[]>;
  preload(routePath: string): false | Promise<void[]>;
}

/** Wraps `prefetch` so that each path is prefetched once, in idle time, through `queue`. */
export function idlePrefetch(prefetch: DocusaurusGlobal['prefetch'], queue: (work: () => void) => unknown = whenIdle): DocusaurusGlobal['prefetch'] {
  const queued = new Set<string>();
  return (routePath) => {
    if (!queued.has(routePath)) {
      queued.add(routePath);
      queue(() => prefetch(routePath));
    }
    return false;
  };
}

if (typeof window !== 'undefined') {
  // Docusaurus assigns `window.docusaurus` (a frozen object) when main.js
  // starts, after the client modules are evaluated: wrap whatever is assigned.
  const target = window as unknown as { docusaurus?: DocusaurusGlobal };
  let current: DocusaurusGlobal | undefined;
  const wrap = (value: DocusaurusGlobal | undefined) => value && Object.freeze({ ...value, prefetch: idlePrefetch(value.prefetch.bind(value)) });
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
