import { Children, isValidElement, type ReactNode } from 'react';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import type { Props } from '@theme/CodeBlock';

/** Plain-string children as one string (copyable); children with elements as they are. */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (Children.toArray(children).some((el) => isValidElement(el))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

/**
 * Docusaurus's CodeBlock (ejected, theme-classic 3.10.2) without its
 * `key={String(isBrowser)}`, which remounted every code block right after
 * hydration: on a procedure page, 28 blocks highlighted again and their DOM
 * replaced in one synchronous task, the longest after main.js
 * (BENCHMARKS.md, Lighthouse). The remount was there to apply the dark Prism
 * theme, but the colour mode is the default one while hydrating (so the
 * server's styles match) and switches after mount, and that ordinary
 * re-render updates the token styles (tests/e2e/site.test.ts checks the
 * code colours in dark mode).
 */
export default function CodeBlock({ children: rawChildren, ...props }: Props): ReactNode {
  const children = maybeStringifyChildren(rawChildren);
  return typeof children === 'string' ? <StringContent {...props}>{children}</StringContent> : <ElementContent {...props}>{children}</ElementContent>;
}
