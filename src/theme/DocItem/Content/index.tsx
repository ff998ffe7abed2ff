import React, { type ComponentProps, type ReactNode } from 'react';
import clsx from 'clsx';
import { MDXProvider } from '@mdx-js/react';
import { ThemeClassNames } from '@docusaurus/theme-common';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import Heading from '@theme/Heading';
import MDXContent from '@theme/MDXContent';
import MDXComponents from '@theme/MDXComponents';
import DocHeader from '../../DocHeader';

/** The doc's own h1 followed by its version header. */
function H1WithHeader(props: ComponentProps<'h1'>): ReactNode {
  const H1 = MDXComponents.h1;
  return (
    <>
      <H1 {...props} />
      <DocHeader />
    </>
  );
}

const headerComponents = { h1: H1WithHeader };

/**
 * Docusaurus's DocItem/Content (ejected) with the version header right under
 * the title: after the synthetic title when the front matter gives it, after
 * the Markdown h1 otherwise (through a nested MDXProvider, so other
 * MDXComponents overrides still apply), or at the top with `hide_title`.
 */
export default function DocItemContent({ children }: { children: ReactNode }): ReactNode {
  const { metadata, frontMatter, contentTitle } = useDoc();
  const hasContentTitle = typeof contentTitle !== 'undefined';
  const syntheticTitle = !frontMatter.hide_title && !hasContentTitle ? metadata.title : null;
  return (
    <div className={clsx(ThemeClassNames.docs.docMarkdown, 'markdown')}>
      {syntheticTitle && (
        <header>
          <Heading as="h1">{syntheticTitle}</Heading>
        </header>
      )}
      {!hasContentTitle && <DocHeader />}
      <MDXContent>{hasContentTitle ? <MDXProvider components={headerComponents}>{children}</MDXProvider> : children}</MDXContent>
    </div>
  );
}
