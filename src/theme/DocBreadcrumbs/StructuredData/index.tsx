import React, { type ReactNode } from 'react';
import Head from '@docusaurus/Head';
import { useBreadcrumbsStructuredData } from '@docusaurus/plugin-content-docs/client';
import type { Props } from '@theme/DocBreadcrumbs/StructuredData';
import { scriptSafeJson } from '../../../../core/script-json';

/**
 * The breadcrumbs' JSON-LD, as Docusaurus's theme-classic writes it
 * (ejected: tests/site/swizzles.test.ts fails when upstream changes), except
 * that `<` in the JSON is written `\u003c` (core/script-json.ts). The server writes a script's
 * text as it is, so a doc title holding `</script>` closed the script and the
 * rest of the title became markup. The JSON means the same either way.
 */
export default function DocBreadcrumbsStructuredData(props: Props): ReactNode {
  const structuredData = useBreadcrumbsStructuredData({ breadcrumbs: props.breadcrumbs });
  return (
    <Head>
      <script type="application/ld+json">{scriptSafeJson(structuredData)}</script>
    </Head>
  );
}
