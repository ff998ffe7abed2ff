import type { ReactNode } from 'react';
import Footer from '@theme-original/DocItem/Footer';
import type FooterType from '@theme/DocItem/Footer';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import AlertsHere from '../../../components/AlertsHere';
import ReferencedBy from '../../../components/ReferencedBy';
import type { DocView } from '../../../components/SiteData';

type Props = WrapperProps<typeof FooterType>;

/**
 * Docusaurus's doc footer (tags, edit link), preceded by the alerts whose
 * runbook URL opens the doc without an anchor, and by "Referenced by", when
 * the doc's metadata carries its view (plugins/docs).
 */
export default function FooterWrapper(props: Props): ReactNode {
  const { metadata } = useDoc();
  const view = (metadata as { handbook?: DocView }).handbook;
  return (
    <>
      {view && <AlertsHere anchor={null} />}
      {view && <ReferencedBy view={view} />}
      <Footer {...props} />
    </>
  );
}
