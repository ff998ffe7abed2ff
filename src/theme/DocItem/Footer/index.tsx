import type { ReactNode } from 'react';
import Footer from '@theme-original/DocItem/Footer';
import type FooterType from '@theme/DocItem/Footer';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import ReferencedBy from '../../../components/ReferencedBy';

type Props = WrapperProps<typeof FooterType>;

/** Docusaurus's doc footer (tags, edit link), preceded by "Referenced by". */
export default function FooterWrapper(props: Props): ReactNode {
  const { metadata } = useDoc();
  return (
    <>
      <ReferencedBy permalink={metadata.permalink} />
      <Footer {...props} />
    </>
  );
}
