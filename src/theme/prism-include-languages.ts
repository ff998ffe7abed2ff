/**
 * theme-classic's `prism-include-languages` (ejected, as its swizzle config
 * says it is meant to be: "eject: safe"), empty. Upstream it loads
 * `themeConfig.prism.additionalLanguages` into the Prism instance the
 * theme's client module passes, when the page starts, which puts Prism and
 * every grammar into main.js. The handbook's languages are in
 * src/prism/grammars.ts: the build tokenises each fenced block with them
 * (plugins/prism), and the browser loads them, as a chunk of their own,
 * only for a block the build did not tokenise. plugins/prism fails the
 * build when `additionalLanguages` names one that grammars.ts does not load.
 */
export default function prismIncludeLanguages(): void {}
