import React, { memo, useMemo, type ReactNode } from 'react';
import clsx from 'clsx';
import { NavbarSecondaryMenuFiller, ThemeClassNames } from '@docusaurus/theme-common';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/DocSidebar/Mobile';
import DocSidebarItems from '@theme/DocSidebarItems';

type Menu = Pick<Props, 'sidebar' | 'path'>;

function DocSidebarMobileSecondaryMenu({ menu: { sidebar, path } }: { menu: Menu }): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  return (
    <ul className={clsx(ThemeClassNames.docs.docSidebarMenu, 'menu__list')}>
      <DocSidebarItems
        items={sidebar}
        activePath={path}
        onItemClick={(item) => {
          // The menu closes on a link, and on a category only when it is a link too.
          if (item.type === 'link' || (item.type === 'category' && item.href)) mobileSidebar.toggle();
        }}
        level={1}
      />
    </ul>
  );
}

/**
 * Docusaurus's DocSidebar/Mobile (ejected, theme-classic 3.10.2), except that
 * the filler gets its props as one memoised entry. `NavbarSecondaryMenuFiller`
 * sorts its props' keys with `localeCompare`, and the first `localeCompare`
 * of a page builds an ICU collator: 15-50 ms on this project's CI host, four
 * times that on a throttled phone, in the task right after hydration
 * (BENCHMARKS.md, Lighthouse). Sorting one entry compares nothing.
 */
function DocSidebarMobile({ sidebar, path }: Props): ReactNode {
  const menu = useMemo<Menu>(() => ({ sidebar, path }), [sidebar, path]);
  return <NavbarSecondaryMenuFiller component={DocSidebarMobileSecondaryMenu} props={{ menu }} />;
}

export default memo(DocSidebarMobile);
