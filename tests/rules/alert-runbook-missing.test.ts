import { describe, expect, it } from 'vitest';
import { parseAlertFile } from '../../core/alerts/index.js';
import { defaultCheckInput, runChecks, toJson } from '../../core/index.js';
import { alertRunbookMissing } from '../../core/rules/alert-runbook-missing.js';
import { alertFixture, alertFixturesOf, runAlertRule } from './harness.js';

const id = alertRunbookMissing.id;
const found = async (name: string) => (await runAlertRule(alertRunbookMissing, name, alertFixture(id, name))).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('alert-runbook-missing', () => {
  it('accepts a linked warning and an informational alert without a link, and linked alerts in the other two forms', async () => {
    expect(alertFixturesOf(id).filter((f) => f.name.startsWith('ok')).map((f) => f.name)).toEqual(['ok.cloudformation.yml', 'ok.prometheusrule.yaml', 'ok.yml']);
    for (const name of ['ok.yml', 'ok.prometheusrule.yaml', 'ok.cloudformation.yml']) expect(await found(name)).toEqual([]);
  });

  it('reports critical and warning alerts without a runbook URL, at the alert, in all three forms', async () => {
    expect(await found('not-ok.yml')).toEqual([
      'alerts/not-ok.yml:4:9 error Unexpected critical alert `BackupFailed` without a runbook URL, expected `annotations.runbook_url` linking the runbook section that handles it',
      'alerts/not-ok.yml:10:9 error Unexpected warning alert `BackupMissing` without a runbook URL, expected `annotations.runbook_url` linking the runbook section that handles it',
    ]);
    expect(await found('not-ok.prometheusrule.yaml')).toEqual([
      'alerts/not-ok.prometheusrule.yaml:9:11 error Unexpected critical alert `BackupFailed` without a runbook URL, expected `annotations.runbook_url` linking the runbook section that handles it',
    ]);
    expect(await found('not-ok.cloudformation.yml')).toEqual([
      'alerts/not-ok.cloudformation.yml:2:3 error Unexpected critical alert `BackupFailed` without a runbook URL, expected `Runbook: <url>` in its `AlarmDescription` linking the runbook section that handles it',
    ]);
  });

  it('takes the severities that need a runbook from the input', async () => {
    const file = parseAlertFile({ path: 'alerts/not-ok.yml', text: alertFixture(id, 'not-ok.yml') });
    const input = defaultCheckInput({ docs: [], today: '2026-11-22', alerts: { siteUrl: null, files: [file], runbookSeverities: ['critical'] } });
    expect((await runChecks(input, [alertRunbookMissing])).map(toJson).map((d) => `${d.line} ${d.ruleId}`)).toEqual(['4 alert-runbook-missing']);
  });
});
