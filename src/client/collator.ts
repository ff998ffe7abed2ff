/**
 * The first `String#localeCompare` of a page builds an ICU collator: about
 * 25 ms on a laptop, four times that on a throttled phone. Docusaurus's
 * theme makes that first call right after hydration, when the mobile
 * sidebar mounts (`useShallowMemoObject`), inside the longest task of a doc
 * page (BENCHMARKS.md, Lighthouse). Building the collator in a task of its
 * own, while the page waits for its route chunks, keeps that task shorter.
 */
if (typeof window !== 'undefined') setTimeout(() => 'a'.localeCompare('b'), 0);
export {};
