/**
 * Stands in for theme-classic's `prism-include-languages` client module
 * (plugins/prism): that module imports Prism into main.js and builds
 * `themeConfig.prism.additionalLanguages` when the page starts. The
 * handbook's languages are in src/prism/grammars.ts, loaded by the build
 * and, when a page needs them, by the browser as a chunk of their own.
 */
export {};
