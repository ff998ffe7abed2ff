import type { ReactNode } from 'react';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import type { DocAlert, DocView } from '../SiteData';
import styles from './styles.module.css';

/** The alerts whose runbook URL opens this doc at `anchor` (null: the doc's top), from its metadata. */
export function useAlertsAt(anchor: string | null): DocAlert[] {
  const { metadata } = useDoc();
  const view = (metadata as { handbook?: DocView }).handbook;
  return view ? view.alerts.filter((a) => a.anchor === anchor) : [];
}

/**
 * "Alerts that open this page": the alerts whose runbook URL points at this
 * section (`anchor`, or the doc's top for null), with severity, summary,
 * expression, `for` and the rule file, right under the section's heading.
 * Nothing when no alert points here.
 */
export default function AlertsHere({ anchor }: { anchor: string | null }): ReactNode {
  const alerts = useAlertsAt(anchor);
  if (alerts.length === 0) return null;
  return (
    <aside className={styles.alerts} aria-label="Alerts that open this page" data-alerts-anchor={anchor ?? ''}>
      <p className={styles.title}>Alerts that open this page</p>
      <ul className={styles.list}>
        {alerts.map((alert) => (
          <li key={`${alert.file}:${alert.name}`} className={styles.alert}>
            <code className={styles.name}>{alert.name}</code> <span className={`${styles.severity} ${styles[alert.severity ?? 'none'] ?? ''}`}>{alert.severity ?? 'no severity'}</span>
            {alert.summary && <span className={styles.summary}>: {alert.summary}</span>}
            <div className={styles.detail}>
              {alert.expr && <code className={styles.expr}>{alert.expr}</code>}
              {alert.for && <span> for {alert.for}</span>} <span className={styles.file}>({alert.file})</span>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
