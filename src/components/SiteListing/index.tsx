import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import DocTable from '../DocTable';
import SystemGraph from '../SystemGraph';
import { listingPath, useToday, type ListingView } from '../SiteData';
import styles from './styles.module.css';

/**
 * The page of one system (`/systems/<name>`: owners, its documents, the
 * graph of their links) or one type (`/types/<type>`), added by
 * plugins/site-data with its view (`listingView` in core/site/views.ts).
 */
export default function SiteListing({ view }: { view: ListingView }): ReactNode {
  const { kind, name, docs, system, all: others } = view;
  const today = useToday(view.today);
  const title = kind === 'system' ? `System: ${name}` : `Type: ${name}`;
  return (
    <Layout title={title} description={`Every ${kind === 'type' ? name : name + ' document'} of the handbook`}>
      <main className="container margin-vert--lg">
        <Heading as="h1">{title}</Heading>
        {system && (
          <p className={styles.links}>
            Owned by {system.owners.join(', ') || 'nobody yet'} · {system.pages} pages
            {system.overview && (
              <>
                {' '}
                · <Link to={system.overview}>overview</Link>
              </>
            )}
          </p>
        )}
        <nav aria-label={kind === 'system' ? 'Other systems' : 'Other types'}>
          <p className={styles.links}>
            {kind === 'system' ? 'Systems' : 'Types'}:{' '}
            {others.map((other, i) => (
              <span key={other}>
                {i > 0 && ' · '}
                {other === name ? <strong aria-current="page">{other}</strong> : <Link to={listingPath(kind, other)}>{other}</Link>}
              </span>
            ))}
          </p>
        </nav>
        <DocTable docs={docs} today={today} filters={kind !== 'system'} caption={`${docs.length} documents`} />
        {system && system.graph.edges.length > 0 && (
          <section className="margin-top--lg" aria-labelledby="link-graph">
            <Heading as="h2" id="link-graph">
              How the {name} documents link
            </Heading>
            <SystemGraph system={name} graph={system.graph} />
          </section>
        )}
      </main>
    </Layout>
  );
}
