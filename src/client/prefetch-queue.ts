/**
 * The bookkeeping of the handbook's idle route prefetching (./idle-prefetch.ts
 * wires it to the page): each path looked up once, each chunk file fetched
 * once, every piece of work a separate slice of idle time.
 */
export interface DocusaurusGlobal {
  prefetch(routePath: string): false | Promise<void[]>;
  preload(routePath: string): false | Promise<void[]>;
}

/** What prefetching needs from the page; tests pass their own. */
export interface PrefetchEnvironment {
  /** The chunk files of a route path, in the order Docusaurus would request them. */
  chunkUrlsOf(routePath: string): string[];
  /** Whether the page already fetched `url` (its own scripts, earlier prefetches). */
  isLoaded(url: string): boolean;
  /** Starts a low-priority fetch of `url`. */
  prefetchUrl(url: string): void;
  /** Runs `work` in idle time. */
  queue(work: () => void): unknown;
  /** Whether the reader asked to save data, or is on 2G: then nothing is prefetched. */
  saveData(): boolean;
}

/** A `prefetch` for `window.docusaurus`: each path looked up once, each chunk file fetched once, all in idle time. */
export function idlePrefetch(env: PrefetchEnvironment): DocusaurusGlobal['prefetch'] {
  const paths = new Set<string>();
  const urls = new Set<string>();
  return (routePath) => {
    if (paths.has(routePath) || env.saveData()) return false;
    paths.add(routePath);
    env.queue(() => {
      for (const url of env.chunkUrlsOf(routePath)) {
        if (urls.has(url)) continue;
        urls.add(url);
        env.queue(() => {
          if (!env.isLoaded(url)) env.prefetchUrl(url);
        });
      }
    });
    return false;
  };
}

