/**
 * When main.js starts, Docusaurus preloads the current route's chunks
 * before hydrating, and webpack creates one `<script>` element per chunk in
 * the task that evaluates main.js. Appending a script element starts its
 * fetch, which is not free: on a procedure page (nine chunks) it was a
 * quarter of that task, the longest of the page load on a phone
 * (BENCHMARKS.md, Lighthouse). This client module, evaluated before main.js
 * preloads, has webpack create the script elements asked for in one task in
 * a task of their own, right after it: the chunks load as before, a few
 * milliseconds later, and the longest task is shorter.
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
