/**
 * Docusaurus's `BrowserContextProvider` (`@docusaurus/core/lib/client/browserContext.js`,
 * the value of `useIsBrowser()`), with one change: the switch to "in a
 * browser" after hydration is a transition (plugins/page-load puts this
 * module in place of Docusaurus's).
 *
 * The switch re-renders every component that reads the context (links,
 * sidebar categories, the colour-mode toggle, the search bar...). Set from
 * an effect as an ordinary update, React renders and commits that in one
 * synchronous task: about 30 ms in a CPU profile on this project's machine,
 * four times that on the phone Lighthouse emulates (BENCHMARKS.md). As a transition React
 * renders it in 5 ms slices. What renders is the same; the page already
 * shows the server's HTML, which is what these components render until the
 * switch.
 */
import React, { startTransition, useEffect, useState, type ReactNode } from 'react';

export const Context = React.createContext(false);

export function BrowserContextProvider({ children }: { children: ReactNode }) {
  const [isBrowser, setIsBrowser] = useState(false);
  useEffect(() => {
    startTransition(() => setIsBrowser(true));
  }, []);
  return <Context.Provider value={isBrowser}>{children}</Context.Provider>;
}
