import React, { type ReactNode } from 'react';
import { useWindowSize } from '@docusaurus/theme-common';
import type { Props } from '@theme/DocSidebar';
import DocSidebarDesktop from '@theme/DocSidebar/Desktop';
import DocSidebarMobile from '@theme/DocSidebar/Mobile';

/**
 * Docusaurus's DocSidebar, except that the desktop sidebar stays mounted on
 * a phone. The server renders it for every page and its container is
 * `display: none` below 997 px, so keeping it costs nothing; Docusaurus
 * unmounts it as soon as the window size is known, which was part of the
 * longest task of a procedure page's load on a phone (BENCHMARKS.md,
 * Lighthouse). The mobile sidebar (the navbar menu's second panel) is added
 * on a phone as before.
 */
export default function DocSidebar(props: Props): ReactNode {
  const windowSize = useWindowSize();
  return (
    <>
      <DocSidebarDesktop {...props} />
      {windowSize === 'mobile' && <DocSidebarMobile {...props} />}
    </>
  );
}
