import { describe, expect, it } from 'vitest';
import { parseAlertFile } from '../../core/alerts/index.js';
import { defaultCheckInput, parseDoc } from '../../core/index.js';
import { alertKeywordsOf, spokenAlertName } from '../../core/site/alert-keywords.js';
import { alertTablesOf } from '../../core/site/alerts.js';
import { createSiteIndex } from '../../core/site/index.js';
import { alertsView, docViews } from '../../core/site/views.js';

const doc = (path: string, text: string) => parseDoc({ path, text });
const rules = `groups:
  - name: queue
    rules:
      - alert: QueueBacklog
        expr: queue_depth > 1000
        for: 30m
        labels: {severity: warning, system: ops}
        annotations:
          summary: Queue backlog
          runbook_url: https://ops.example/docs/ops/queue#drain
      - alert: QueueDown
        expr: up == 0
        labels: {severity: critical, system: ops}
        annotations:
          runbook_url: /docs/ops/queue/
      - alert: QueueBroken
        expr: up == 0
        labels: {severity: critical, system: ops}
        annotations:
          runbook_url: /docs/ops/queue#nope
      - alert: QueueMissing
        expr: up == 0
        labels: {severity: warning, system: ops}
      - alert: QueueElsewhere
        expr: up == 0
        labels: {severity: info, system: ops}
        annotations:
          runbook_url: https://wiki.example/queue
`;
const input = defaultCheckInput({
  today: '2026-12-03',
  docs: [
    doc('docs/ops/queue.md', '---\ntitle: Queue runbook\n---\n\n# Queue\n\n## Drain the queue {#drain}\n\nScale it.\n'),
    doc('docs/ops/alerts.md', '---\ntitle: Ops alerts\n---\n\n# Ops alerts\n\n::alerts{system="ops"}\n\n```text\n::alerts{system="other"}\n```\n'),
  ],
  alerts: { siteUrl: 'https://ops.example/', files: [parseAlertFile({ path: 'alerts/ops/queue.rules.yml', text: rules })] },
});
const index = createSiteIndex(input);

describe('the site view of the alert files', () => {
  it('resolves each runbook URL with the link rules and lists the alerts by system and severity', () => {
    expect(index.alerts.map((a) => [a.name, a.severity, a.runbook.status, a.runbook.permalink ?? null, a.runbook.anchor ?? null, a.line])).toEqual([
      ['QueueBroken', 'critical', 'broken', null, null, 16],
      ['QueueDown', 'critical', 'linked', '/docs/ops/queue', null, 11],
      ['QueueBacklog', 'warning', 'linked', '/docs/ops/queue', 'drain', 4],
      ['QueueMissing', 'warning', 'missing', null, null, 21],
      ['QueueElsewhere', 'info', 'external', null, null, 24],
    ]);
    expect(index.alerts.find((a) => a.name === 'QueueMissing')!.runbook).toEqual({ status: 'missing', url: null, required: true });
    expect(alertsView(index).systems).toEqual(['ops']);
  });

  it('gives a runbook the alerts that open it, with the section each points to', () => {
    expect(docViews(index).get('docs/ops/queue.md')!.alerts).toEqual([
      { name: 'QueueDown', severity: 'critical', summary: null, expr: 'up == 0', for: null, file: 'alerts/ops/queue.rules.yml', line: 11, anchor: null },
      { name: 'QueueBacklog', severity: 'warning', summary: 'Queue backlog', expr: 'queue_depth > 1000', for: '30m', file: 'alerts/ops/queue.rules.yml', line: 4, anchor: 'drain' },
    ]);
  });

  it('names the alerts that open a runbook, as written and as words, and their summaries, as its search keywords', () => {
    // "Queue Backlog" and the summary "Queue backlog" differ in case only: the index lowercases, both are kept as written.
    expect(alertKeywordsOf(docViews(index).get('docs/ops/queue.md')!.alerts)).toEqual(['QueueDown', 'Queue Down', 'QueueBacklog', 'Queue Backlog', 'Queue backlog']);
    expect(alertKeywordsOf(docViews(index).get('docs/ops/alerts.md')!.alerts)).toEqual([]);
  });

  it('says an alert name as words: camel case split, acronyms and digits kept, other names left alone', () => {
    expect(spokenAlertName('AbathurIntegrityCheckFailed')).toBe('Abathur Integrity Check Failed');
    expect(spokenAlertName('WeatherInsightAPIHighErrorRate')).toBe('Weather Insight API High Error Rate');
    expect(spokenAlertName('MS5ConnectionsSaturated')).toBe('MS5 Connections Saturated');
    expect(spokenAlertName('data-pipeline-${Env}-pipeline-failure')).toBeNull();
    expect(spokenAlertName('Up')).toBeNull();
  });

  it('gives a doc with ::alerts{system="ops"} the table of that system, ignoring the directive in code', () => {
    expect(alertTablesOf(input.docs[1]!)).toEqual(['ops']);
    const tables = docViews(index).get('docs/ops/alerts.md')!.alertTables;
    expect(Object.keys(tables)).toEqual(['ops']);
    expect(tables.ops!.map((a) => `${a.name} ${a.runbook.status}`)).toEqual(['QueueBroken broken', 'QueueDown linked', 'QueueBacklog linked', 'QueueMissing missing', 'QueueElsewhere external']);
  });
});

