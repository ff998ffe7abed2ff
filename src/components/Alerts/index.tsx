import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { RunbookCell } from '../AlertsTable';
import type { AlertsView } from '../SiteData';
import styles from './styles.module.css';

/**
 * `/alerts` (added by plugins/site-data): every alert of the alert files
 * under `alerts/`, by system and severity, with its runbook; a broken
 * runbook link or a missing one where the severity needs one is
 * highlighted (the same findings `handbook check` reports).
 */
export default function Alerts({ view }: { view: AlertsView }): ReactNode {
  const problems = view.alerts.filter((a) => a.runbook.status === 'broken' || a.runbook.status === 'templated' || (a.runbook.status === 'missing' && a.runbook.required)).length;
  return (
    <Layout title="Alerts" description="Every alert rule of the handbook's systems and the runbook it opens">
      <main className="container margin-vert--lg">
        <Heading as="h1">Alerts</Heading>
        <p>
          Every alert of the rule files under <code>alerts/</code> ({view.alerts.length} alerts, {view.systems.length} systems) and the runbook section its <code>runbook_url</code> opens.{' '}
          {problems === 0 ? 'Every critical and warning alert reaches its runbook.' : <strong className={styles.problem}>{problems} alert(s) with a broken or missing runbook link.</strong>}
        </p>
        {view.systems.map((system) => (
          <section key={system} aria-labelledby={`system-${system}`}>
            <Heading as="h2" id={`system-${system}`}>
              {system}
            </Heading>
            <div className={styles.wrapper}>
              <table className={styles.table} data-alerts-system={system}>
                <thead>
                  <tr>
                    <th>Alert</th>
                    <th>Severity</th>
                    <th>Runbook</th>
                  </tr>
                </thead>
                <tbody>
                  {view.alerts
                    .filter((a) => a.system === system)
                    .map((alert) => {
                      const bad = alert.runbook.status === 'broken' || alert.runbook.status === 'templated' || (alert.runbook.status === 'missing' && alert.runbook.required);
                      return (
                        <tr key={`${alert.file}:${alert.name}`} className={bad ? styles.bad : undefined} data-runbook-status={alert.runbook.status}>
                          <td>
                            <code>{alert.name}</code>
                            {alert.summary && <div className={styles.muted}>{alert.summary}</div>}
                          </td>
                          <td>{alert.severity ?? '-'}</td>
                          <td>
                            <RunbookCell runbook={alert.runbook} />
                            <div className={styles.muted}>
                              {alert.file}:{alert.line}
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </main>
    </Layout>
  );
}
