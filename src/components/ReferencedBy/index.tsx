import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Mermaid from '@theme/Mermaid';
import { useSiteIndex, type SiteDoc } from '../SiteData';
import styles from './styles.module.css';

/** The doc rendered at `permalink`, from the site index. */
function useSiteDoc(permalink: string): { doc: SiteDoc | undefined; byPath: Map<string, SiteDoc> } {
  const index = useSiteIndex();
  const byPath = new Map(index.docs.map((d) => [d.path, d]));
  return { doc: index.docs.find((d) => d.permalink === permalink), byPath };
}

/**
 * "Referenced by": the docs that link to this one, from the build-time link
 * graph; on a system's overview page, also the graph of its links.
 */
export default function ReferencedBy({ permalink }: { permalink: string }): ReactNode {
  const index = useSiteIndex();
  const { doc, byPath } = useSiteDoc(permalink);
  if (!doc) return null;
  const sources = doc.referencedBy.map((p) => byPath.get(p)).filter((d): d is SiteDoc => !!d);
  const system = index.systems.find((s) => s.overview === doc.permalink);
  return (
    <section className={styles.backlinks} aria-labelledby="referenced-by">
      <Heading as="h2" id="referenced-by" className={styles.title}>
        Referenced by
      </Heading>
      {sources.length === 0 ? (
        <p className={styles.none}>No other document links here yet.</p>
      ) : (
        <ul className={styles.list}>
          {sources.map((s) => (
            <li key={s.path}>
              <Link to={s.permalink}>{s.title}</Link>
              {s.type && <span className={styles.type}> · {s.type}</span>}
            </li>
          ))}
        </ul>
      )}
      {system && system.graph.includes('-->') && (
        <>
          <Heading as="h2" id="link-graph" className={styles.title}>
            How the {system.name} documents link
          </Heading>
          <Mermaid value={system.graph} />
        </>
      )}
    </section>
  );
}
