import { describe, expect, it } from 'vitest';
import { alertRuleSyntax } from '../../core/rules/alert-rule-syntax.js';
import { alertFixture, alertFixturesOf, runAlertRule } from './harness.js';

const id = alertRuleSyntax.id;
const found = async (name: string) => (await runAlertRule(alertRuleSyntax, name, alertFixture(id, name))).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);

describe('alert-rule-syntax', () => {
  it('accepts a rule file and a PrometheusRule in one file, recording rules, and promtool test files', async () => {
    const oks = alertFixturesOf(id).filter((f) => f.name.startsWith('ok'));
    expect(oks.map((f) => f.name)).toEqual(['ok.promtool-test.yml', 'ok.yml']);
    for (const f of oks) expect(await runAlertRule(alertRuleSyntax, f.name, f.text)).toEqual([]);
  });

  it('reports unknown and missing keys of a Prometheus rule at their lines, with a did-you-mean', async () => {
    expect(await found('not-ok.yml')).toEqual([
      'alerts/not-ok.yml:8:9 alert-rule-syntax Unexpected key `anotations` in `groups[0].rules[0]`, expected `annotations`',
      'alerts/not-ok.yml:10:9 alert-rule-syntax Unexpected missing `groups[0].rules[1].expr`, expected a string',
    ]);
  });

  it('reports the first YAML error of a malformed file', async () => {
    expect(await found('not-ok.malformed.yml')).toEqual([
      'alerts/not-ok.malformed.yml:5:46 alert-rule-syntax Unexpected malformed YAML (Missing , or : between flow sequence items), expected a YAML document',
    ]);
  });

  it('reports a YAML file that is no alert file', async () => {
    expect(await found('not-ok.other.yml')).toEqual([
      'alerts/not-ok.other.yml:1:1 alert-rule-syntax Unexpected YAML document with keys `services`, expected a Prometheus rule file (`groups`), a `PrometheusRule` resource or a CloudFormation template (`Resources`)',
    ]);
  });

  it('reports a PrometheusRule without spec.groups and a CloudWatch alarm without a comparison', async () => {
    expect(await found('not-ok.prometheusrule.yaml')).toEqual([
      'alerts/not-ok.prometheusrule.yaml:5:1 alert-rule-syntax Unexpected missing `spec.groups`, expected a list',
      'alerts/not-ok.prometheusrule.yaml:6:3 alert-rule-syntax Unexpected key `group` in `spec`, expected `groups`',
    ]);
    expect(await found('not-ok.cloudformation.yml')).toEqual([
      'alerts/not-ok.cloudformation.yml:4:5 alert-rule-syntax Unexpected missing `Resources.BackupFailed.Properties.ComparisonOperator`, expected a string',
    ]);
  });

  it('reports a misspelt `alert:` once, as the unknown key', async () => {
    const text = ['groups:', '  - name: g', '    rules:', '      - alrt: BackupFailed', '        expr: up == 0', ''].join('\n');
    expect((await runAlertRule(alertRuleSyntax, 'typo.yml', text)).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '4:9 Unexpected key `alrt` in `groups[0].rules[0]`, expected `alert`',
    ]);
  });
});
