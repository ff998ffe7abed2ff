import { useId, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { listingPath, type HomeView } from '../SiteData';
import styles from './styles.module.css';

/**
 * The home page (route `/`, added by plugins/site-data): "On call? Start
 * here" with the search box first, the incident and escalation pages, the
 * systems with owners and page counts, and the most recently updated
 * documents, as computed at build time (`homeView` in core/site/views.ts).
 */
export default function Home({ view }: { view: HomeView }): ReactNode {
  const searchId = useId();
  const searchAction = useBaseUrl('/search');
  const { onCall, recent, runbooks, systems } = view;
  return (
    <Layout title="Operations Handbook" description="Runbooks, procedures and checklists for on-call and platform teams">
      <main className="container margin-vert--lg">
        <Heading as="h1">Operations Handbook</Heading>
        <section className={styles.oncall} aria-labelledby="on-call">
          <Heading as="h2" id="on-call" className={styles.oncallTitle}>
            On call? Start here
          </Heading>
          <form action={searchAction} method="get" role="search" className={styles.search}>
            <label htmlFor={searchId}>Describe the symptom or the alert</label>
            <div className={styles.searchRow}>
              <input id={searchId} name="q" type="search" placeholder="e.g. WAL file growing, queue backed up" autoComplete="off" required />
              <button type="submit" className="button button--primary">
                Search
              </button>
            </div>
          </form>
          <ul className={styles.quick}>
            {onCall.map((d) => (
              <li key={d.path}>
                <Link to={d.permalink}>{d.title}</Link>
                {d.system && <span className={styles.muted}> · {d.system}</span>}
              </li>
            ))}
            <li>
              <Link to={listingPath('type', 'runbook')}>All {runbooks} runbooks</Link>
            </li>
          </ul>
        </section>

        <div className={styles.columns}>
          <section aria-labelledby="systems">
            <Heading as="h2" id="systems">
              Systems
            </Heading>
            <ul className={styles.systems}>
              {systems.map((s) => (
                <li key={s.name}>
                  <Link to={listingPath('system', s.name)} className={styles.systemName}>
                    {s.name}
                  </Link>
                  <span className={styles.muted}>
                    {' '}
                    {s.pages} pages · owner {s.owners.slice(0, 2).join(', ')}
                    {s.owners.length > 2 ? ` +${s.owners.length - 2}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="recent">
            <Heading as="h2" id="recent">
              Recently updated
            </Heading>
            <ul>
              {recent.map((d) => (
                <li key={d.path}>
                  <Link to={d.permalink}>{d.title}</Link>{' '}
                  <span className={styles.muted}>
                    {d.lastUpdated} · v{d.version}
                  </span>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/freshness">Freshness of every document</Link> · <Link to="/docs/">About this handbook</Link>
            </p>
          </section>
        </div>
      </main>
    </Layout>
  );
}
