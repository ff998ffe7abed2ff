import React, { startTransition, useEffect, useState, type ReactNode } from 'react';
import { useLockBodyScroll, useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import NavbarMobileSidebarLayout from '@theme/Navbar/MobileSidebar/Layout';
import NavbarMobileSidebarHeader from '@theme/Navbar/MobileSidebar/Header';
import NavbarMobileSidebarPrimaryMenu from '@theme/Navbar/MobileSidebar/PrimaryMenu';
import NavbarMobileSidebarSecondaryMenu from '@theme/Navbar/MobileSidebar/SecondaryMenu';
import { whenIdle } from '../../../client/idle';

/**
 * Docusaurus's mobile navbar sidebar, mounted in idle time rather than right
 * after hydration. On a phone Docusaurus renders the whole closed menu (the
 * navbar items and the doc sidebar) as soon as it knows the window size, in
 * the longest task of the page load (BENCHMARKS.md, Lighthouse). Here it is
 * rendered once the page is idle, as a transition (React renders it in
 * slices), so that it is in place, and slides in, when the reader opens it;
 * a reader who opens the menu before that gets it at once.
 */
export default function NavbarMobileSidebar(): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  useLockBodyScroll(mobileSidebar.shown);
  const [prepared, setPrepared] = useState(false);
  useEffect(() => {
    if (!mobileSidebar.shouldRender || prepared) return undefined;
    return whenIdle(() => startTransition(() => setPrepared(true)));
  }, [mobileSidebar.shouldRender, prepared]);
  if (!mobileSidebar.shouldRender || !(prepared || mobileSidebar.shown)) return null;
  return (
    <NavbarMobileSidebarLayout
      header={<NavbarMobileSidebarHeader />}
      primaryMenu={<NavbarMobileSidebarPrimaryMenu />}
      secondaryMenu={<NavbarMobileSidebarSecondaryMenu />}
    />
  );
}
