/**
 * When main.js starts, Docusaurus preloads the current route's chunks
 * before hydrating, and webpack creates one `<script>` element per chunk in
 * the task that calls `preload` (main.js's evaluation with Docusaurus's
 * entry; the route's own stage with src/client/staged-entry.ts, which
 * follows the route-table lookup). Appending a script element starts its
 * fetch, which is not free: on a procedure page (nine chunks) it was a
 * quarter of main.js's task, then the longest of the page load on a phone
 * (BENCHMARKS.md, Lighthouse), and is 11-15 ms at 1x now. This client
 * module, evaluated before `preload` runs, has webpack create the script
 * elements asked for in one task in a task of their own, right after it:
 * the chunks load as before, a few milliseconds later, and no task does
 * both the lookup and the script creation.
 */
type LoadScript = (url: string, done: (event: Event) => void, key?: string, chunkId?: string | number) => void;
declare const __webpack_require__: { l?: LoadScript };

/** A script loader that collects the calls of one task and makes them, in order, in a later one (`later`). */
export function deferScriptLoads(load: LoadScript, later: (run: () => void) => void = (run) => setTimeout(run, 0)): LoadScript {
  let pending: Parameters<LoadScript>[] | null = null;
  return (...args) => {
    if (!pending) {
      pending = [];
      later(() => {
        const batch = pending!;
        pending = null;
        for (const call of batch) load(...call);
      });
    }
    pending.push(args);
  };
}

// `__webpack_require__.l` is webpack's (and Rspack's) script loader for chunks; without it nothing changes.
if (typeof window !== 'undefined' && typeof __webpack_require__ !== 'undefined' && typeof __webpack_require__.l === 'function') {
  __webpack_require__.l = deferScriptLoads(__webpack_require__.l);
}
