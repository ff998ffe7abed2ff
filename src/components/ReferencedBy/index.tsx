import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type { DocView } from '../SiteData';
import SystemGraph from '../SystemGraph';
import styles from './styles.module.css';

/**
 * "Referenced by": the docs that link to this one, from the build-time link
 * graph; on a system's overview page, also the graph of its links. The view
 * is the doc's own (plugins/docs puts it in the doc's metadata).
 */
export default function ReferencedBy({ view }: { view: DocView }): ReactNode {
  const { referencedBy, systemGraph } = view;
  return (
    <section className={styles.backlinks} aria-labelledby="referenced-by" data-search-ignore>
      <Heading as="h2" id="referenced-by" className={styles.title}>
        Referenced by
      </Heading>
      {referencedBy.length === 0 ? (
        <p className={styles.none}>No other document links here yet.</p>
      ) : (
        <ul className={styles.list}>
          {referencedBy.map((s) => (
            <li key={s.path}>
              <Link to={s.permalink}>{s.title}</Link>
              {s.type && <span className={styles.type}> · {s.type}</span>}
            </li>
          ))}
        </ul>
      )}
      {systemGraph && (
        <>
          <Heading as="h2" id="link-graph" className={styles.title}>
            How the {systemGraph.system} documents link
          </Heading>
          <SystemGraph system={systemGraph.system} graph={systemGraph.graph} />
        </>
      )}
    </section>
  );
}
