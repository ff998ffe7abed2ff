import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import DocTable from '../DocTable';
import { useToday, type FreshnessView } from '../SiteData';

/**
 * `/freshness` (added by plugins/site-data): every document with its
 * version header, from the build-time index; overdue reviews, drafts and
 * deprecated docs highlighted; sorting and filtering happen in the browser.
 */
export default function Freshness({ view }: { view: FreshnessView }): ReactNode {
  const today = useToday(view.today);
  return (
    <Layout title="Freshness" description="Every document of the handbook: owner, version, status, last update and review date">
      <main className="container margin-vert--lg">
        <Heading as="h1">Freshness</Heading>
        <p>
          Every document of the handbook with its version header, as of {today}. Reviews fall due <code>review_every</code> (default 180 days) after{' '}
          <code>last_updated</code>. Click a column to sort.
        </p>
        <DocTable docs={view.docs} today={today} caption="Documents by review date" />
      </main>
    </Layout>
  );
}
