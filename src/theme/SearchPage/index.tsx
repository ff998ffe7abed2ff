import type { ReactNode } from 'react';
import SearchPage from '@theme-original/SearchPage';
import { MainLandmark } from '../../components/MainLandmark';

/**
 * The search plugin's page (`@easyops-cn/docusaurus-search-local`, a wrap):
 * it renders the layout with its results in a plain `<div>`; `MainLandmark`
 * has our layout (src/theme/Layout) put them in the page's `<main>`.
 */
export default function SearchPageWrapper(props: Record<string, never>): ReactNode {
  return (
    <MainLandmark>
      <SearchPage {...props} />
    </MainLandmark>
  );
}
