import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { useHistory } from '@docusaurus/router';
import Heading from '@theme/Heading';
import Mermaid from '@theme/Mermaid';
import type { SystemGraph as Graph } from '../SiteData';
import styles from './styles.module.css';

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * A system's link graph (`systemGraph` in core/site/index.ts): the Mermaid
 * flowchart at its natural size in a box that scrolls (labels stay 16 px on
 * a phone and on a desktop), each box a link to its doc, followed by the
 * same links as a list, the graph's text alternative. The heading is the
 * caller's (`headingId`, an h2); the list's heading is an h3 under it.
 */
export default function SystemGraph({ system, graph, headingId = 'link-graph' }: { system: string; graph: Graph; headingId?: string }): ReactNode {
  const history = useHistory();
  const scroller = useRef<HTMLDivElement>(null);
  // A large graph's first screen was all arrows (back edges curve over the top): once Mermaid has drawn it,
  // scroll the box to the first box of the top rank, so the graph opens on documents.
  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const showFirstNode = (): boolean => {
      const nodes = [...box.querySelectorAll('g.node')];
      if (nodes.length === 0) return false;
      const frame = box.getBoundingClientRect();
      const first = nodes.map((n) => n.getBoundingClientRect()).sort((a, b) => a.top - b.top || a.left - b.left)[0]!;
      box.scrollTop += first.top - frame.top - 16;
      box.scrollLeft += first.left - frame.left - 16;
      return true;
    };
    if (showFirstNode()) return;
    const observer = new MutationObserver(() => showFirstNode() && observer.disconnect());
    observer.observe(box, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [graph.mermaid]);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const listId = `${headingId}-list`;
  // Mermaid draws `<a xlink:href>`: follow it inside the app, as a <Link> would, unless a modifier asks for a new tab.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href') ?? link?.getAttributeNS(XLINK, 'href');
    if (!href?.startsWith('/') || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.push(href);
  };
  return (
    <>
      <p className={styles.intro}>
        An arrow goes from a document to a document it links to; rounded boxes are runbooks. Each box opens its document. The graph scrolls;{' '}
        <a href={`#${listId}`}>the same links as a list</a> follow it.
      </p>
      {/* Focusable so that the keyboard scrolls it; the clicks handled are those of the links inside (Mermaid's SVG), which the keyboard reaches and follows natively. */}
      <div ref={scroller} className={styles.scroll} role="region" aria-label={`Graph of the ${system} documents' links (scrolls)`} tabIndex={0} data-system-graph={system} onClick={onClick}>
        <Mermaid value={graph.mermaid} />
      </div>
      <Heading as="h3" id={listId} className={styles.listTitle}>
        The same links as a list
      </Heading>
      <ul className={styles.list} data-graph-links>
        {graph.nodes.map((node) => {
          const targets = graph.edges.filter((e) => e.from === node.id).map((e) => byId.get(e.to)!);
          if (targets.length === 0) return null;
          return (
            <li key={node.id}>
              <Link to={node.permalink}>{node.title}</Link>
              {node.type && <span className={styles.type}> ({node.type})</span>} links to{' '}
              {targets.map((target, i) => (
                <span key={target.id}>
                  {i > 0 && ', '}
                  <Link to={target.permalink}>{target.title}</Link>
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </>
  );
}
