import { Children, isValidElement, type ReactNode } from 'react';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import type { Props } from '@theme/CodeBlock';
import { BuildTokensContext } from '../../prism/context';

/** Plain-string children as one string (copyable); children with elements as they are. */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (Children.toArray(children).some((el) => isValidElement(el))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

/**
 * Docusaurus's CodeBlock (ejected, theme-classic 3.10.2) without its
 * `key={String(isBrowser)}`, which remounted every code block right after
 * hydration: on a procedure page, 14 blocks highlighted again and their DOM
 * replaced in one synchronous task, the longest after main.js
 * (BENCHMARKS.md, Lighthouse). The remount was there to apply the dark Prism
 * theme, but the colour mode is the default one while hydrating (so the
 * server's styles match) and switches after mount, and that ordinary
 * re-render updates the token styles (tests/e2e/site.test.ts checks the
 * code colours in dark mode).
 *
 * A fenced block carries the tokens the build found for it (`data-tokens`,
 * plugins/prism/remark.ts): they go to `Highlight` (src/prism) through
 * `BuildTokensContext`, so the page does not tokenise its code again.
 */
export default function CodeBlock({ children: rawChildren, 'data-tokens': encoded, ...props }: Props & { 'data-tokens'?: string }): ReactNode {
  const children = maybeStringifyChildren(rawChildren);
  if (typeof children !== 'string') return <ElementContent {...props}>{children}</ElementContent>;
  const content = <StringContent {...props}>{children}</StringContent>;
  return encoded === undefined ? content : <BuildTokensContext.Provider value={{ code: children, encoded }}>{content}</BuildTokensContext.Provider>;
}
