import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import type { DocView, TableAlert } from '../SiteData';
import styles from './styles.module.css';

/** Where a row's runbook column points, or what is wrong with it. */
export function RunbookCell({ runbook }: { runbook: TableAlert['runbook'] }): ReactNode {
  if (runbook.status === 'linked') {
    return <Link to={`${runbook.permalink}${runbook.anchor ? `#${runbook.anchor}` : ''}`}>{runbook.title}{runbook.anchor ? ` (#${runbook.anchor})` : ''}</Link>;
  }
  if (runbook.status === 'external') return <a href={runbook.url!}>{runbook.url}</a>;
  if (runbook.status === 'missing') return runbook.required ? <strong className={styles.problem}>no runbook URL</strong> : <span className={styles.none}>none</span>;
  return (
    <strong className={styles.problem}>
      {runbook.status === 'broken' ? 'broken link' : 'unresolved template'}: <code>{runbook.url}</code>
    </strong>
  );
}

/**
 * A system's alert table, where a doc writes `::alerts{system="..."}`
 * (plugins/alerts): every alert of the alert files for that system, with
 * severity, condition, `for`, runbook and rule file, generated at build
 * time, so the table cannot drift from the rules.
 */
export default function AlertsTable({ system }: { system: string }): ReactNode {
  const { metadata } = useDoc();
  const alerts = (metadata as { handbook?: DocView }).handbook?.alertTables[system] ?? [];
  if (alerts.length === 0) return <p className={styles.problem}>No alerts of the system {system} in the alert files.</p>;
  return (
    <div className={styles.wrapper}>
      <table className={styles.table} data-alerts-table={system}>
        <thead>
          <tr>
            <th>Alert</th>
            <th>Severity</th>
            <th>Condition</th>
            <th>Runbook</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((alert) => (
            <tr key={`${alert.file}:${alert.name}`} className={alert.runbook.status === 'broken' || (alert.runbook.status === 'missing' && alert.runbook.required) ? styles.bad : undefined}>
              <td>
                <code>{alert.name}</code>
                {alert.summary && <div className={styles.summary}>{alert.summary}</div>}
              </td>
              <td>{alert.severity ?? '-'}</td>
              <td>
                {alert.expr && <code className={styles.expr}>{alert.expr}</code>}
                {alert.for && <div>for {alert.for}</div>}
              </td>
              <td>
                <RunbookCell runbook={alert.runbook} />
                <div className={styles.file}>{alert.file}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
