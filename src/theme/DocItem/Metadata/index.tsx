import type { ReactNode } from 'react';
import Head from '@docusaurus/Head';
import Metadata from '@theme-original/DocItem/Metadata';
import type MetadataType from '@theme/DocItem/Metadata';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { alertKeywordsOf } from '../../../../core/site/alert-keywords';
import type { DocView } from '../../../components/SiteData';

type Props = WrapperProps<typeof MetadataType>;

/**
 * Docusaurus's doc metadata, with the names and summaries of the alerts that
 * open the doc added to its `<meta name="keywords">` (after the front
 * matter's own keywords): the search index ranks keywords above body text,
 * so an alert name pasted into the search finds its runbook first.
 */
export default function MetadataWrapper(props: Props): ReactNode {
  const { metadata, frontMatter } = useDoc();
  const view = (metadata as { handbook?: DocView }).handbook;
  const keywords = view ? alertKeywordsOf(view.alerts) : [];
  return (
    <>
      <Metadata {...props} />
      {keywords.length > 0 && (
        <Head>
          <meta name="keywords" content={[...(frontMatter.keywords ?? []), ...keywords].join(', ')} />
        </Head>
      )}
    </>
  );
}
