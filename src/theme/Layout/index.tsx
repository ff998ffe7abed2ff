import type { ReactNode } from 'react';
import Layout from '@theme-original/Layout';
import type LayoutType from '@theme/Layout';
import type { WrapperProps } from '@docusaurus/types';
import { useMainLandmark } from '../../components/MainLandmark';

type Props = WrapperProps<typeof LayoutType>;

/**
 * Docusaurus's layout (a wrap), with the content in a `<main>` when the page
 * asks for it through `MainLandmark`. Pages that render their own `<main>`
 * (docs, the site's pages) are unchanged.
 */
export default function LayoutWrapper(props: Props): ReactNode {
  const main = useMainLandmark();
  if (!main) return <Layout {...props} />;
  return (
    <Layout {...props}>
      <main>{props.children}</main>
    </Layout>
  );
}
