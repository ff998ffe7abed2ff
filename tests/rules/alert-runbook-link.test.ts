import { describe, expect, it } from 'vitest';
import { parseAlertFile } from '../../core/alerts/index.js';
import { runChecks, toJson } from '../../core/index.js';
import { alertRunbookLink } from '../../core/rules/alert-runbook-link.js';
import { fixtureAlertInput, fixtureExternalLink } from '../../scripts/rules-doc.js';
import { alertFixture, alertFixturesOf, runAlertRule } from './harness.js';

const id = alertRunbookLink.id;
const found = async (name: string) =>
  (await runAlertRule(alertRunbookLink, name, alertFixture(id, name))).map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message}`);

describe('alert-runbook-link', () => {
  it('accepts site URLs, site-absolute paths with a trailing slash, {#id} anchors, templated anchors and other sites, in all three forms', async () => {
    const oks = alertFixturesOf(id).filter((f) => f.name.startsWith('ok'));
    expect(oks.map((f) => f.name)).toEqual(['ok.cloudformation.yml', 'ok.prometheusrule.yaml', 'ok.yml']);
    for (const f of oks) expect(await runAlertRule(alertRunbookLink, f.name, f.text)).toEqual([]);
  });

  it('reports unknown routes, missing and miscased anchors, unresolvable templates and relative URLs at the URL', async () => {
    expect(await found('not-ok.yml')).toEqual([
      'alerts/not-ok.yml:9:24-9:83 error Unexpected runbook URL to unknown route `https://handbook.example/docs/runbooks/wal-grwth#checkpoint`, expected a doc route; did you mean `https://handbook.example/docs/runbooks/wal-growth`? (alert `WalFileLarge`)',
      'alerts/not-ok.yml:15:24-15:61 error Unexpected runbook URL with missing anchor `#checkpoints` in `docs/runbooks/wal-growth.md`, expected a heading anchor; did you mean `#checkpoint`? (alert `WalFileHuge`)',
      'alerts/not-ok.yml:21:24-21:84 error Unexpected runbook URL with missing anchor `#Symptoms` in `docs/runbooks/wal-growth.md`, expected a heading anchor; did you mean `#symptoms`? (alert `WalFileGrowing`)',
      'alerts/not-ok.yml:27:24-27:85 warning Unexpected templated runbook URL `https://handbook.example/docs/{{ $labels.system }}/wal-growth`: `https://handbook.example/docs/` before the template does not reach a doc, expected a URL whose part before the template resolves (a doc, with the template in the anchor or query) (alert `WalCheckpointStalled`)',
      'alerts/not-ok.yml:33:24-33:43 error Unexpected relative runbook URL `runbooks/wal-growth`, expected a full URL under `https://handbook.example/` or a site-absolute path (`/docs/...`) that a paged engineer can open (alert `WalTitleLink`)',
    ]);
  });

  it('reports a PrometheusRule\'s and a CloudWatch alarm\'s broken anchor at the URL inside the annotation or description', async () => {
    expect(await found('not-ok.prometheusrule.yaml')).toEqual([
      'alerts/not-ok.prometheusrule.yaml:14:26-14:84 error Unexpected runbook URL with missing anchor `#escalate` in `docs/runbooks/wal-growth.md`, expected a heading anchor; did you mean `#escalation`? (alert `WalFileLarge`)',
    ]);
    expect(await found('not-ok.cloudformation.yml')).toEqual([
      'alerts/not-ok.cloudformation.yml:6:58-6:119 error Unexpected runbook URL with missing anchor `#check-point` in `docs/runbooks/wal-growth.md`, expected a heading anchor; did you mean `#checkpoint`? (alert `WalFileLarge`)',
    ]);
  });

  it('fetches runbook URLs of other sites only with --external (the link-external service), not templated ones', async () => {
    const text = [
      'groups:',
      '  - name: wiki',
      '    rules:',
      '      - alert: WikiGone',
      '        expr: up == 0',
      '        annotations:',
      '          runbook_url: https://wiki.example/status/404/runbook#step-2',
      '      - alert: WikiNowhere',
      '        expr: up == 0',
      '        annotations:',
      '          runbook_url: https://wiki.invalid/runbook',
      '      - alert: WikiFine',
      '        expr: up == 0',
      '        annotations:',
      '          runbook_url: https://wiki.example/runbook',
      '      - alert: WikiTemplated',
      '        expr: up == 0',
      '        annotations:',
      '          runbook_url: https://wiki.invalid/{{ $labels.job }}',
      '',
    ].join('\n');
    const input = fixtureAlertInput(id, []);
    const files = [parseAlertFile({ path: 'alerts/wiki.yml', text })];
    const offline = await runChecks({ ...input, alerts: { ...input.alerts!, files } }, [alertRunbookLink]);
    expect(offline).toEqual([]);
    const online = await runChecks({ ...input, alerts: { ...input.alerts!, files }, services: { externalLink: fixtureExternalLink } }, [alertRunbookLink]);
    expect(online.map(toJson).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '7:24 Unexpected HTTP 404 for runbook URL `https://wiki.example/status/404/runbook#step-2`, expected a page that answers (alert `WikiGone`)',
      '11:24 Unexpected failure (ENOTFOUND) for runbook URL `https://wiki.invalid/runbook`, expected a page that answers (alert `WikiNowhere`)',
    ]);
  });
});
