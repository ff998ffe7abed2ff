import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { siteUrlOf } from '../../lib/alerts.js';
import { repoRoot } from '../support/fixture-site.js';
import { runHandbook } from '../support/cli.js';

/**
 * `handbook check` over a folder with alert files (tests/cli/fixtures/alert-site):
 * the alert rules report into the same output as the doc rules, with the
 * site URL read from the folder's Docusaurus config (`url` + `baseUrl`).
 */
const site = 'tests/cli/fixtures/alert-site';

describe('handbook check with alert files', () => {
  afterEach(() => rmSync(join(repoRoot, site, '.handbook'), { recursive: true, force: true }));

  it('reports broken, missing and malformed alerts at their lines, next to the docs', async () => {
    const { code, stdout } = await runHandbook(['check', '--cwd', site, '--format', 'json', '--no-cache'], { cwd: repoRoot });
    const report = JSON.parse(stdout) as { diagnostics: { file: string; line: number; column: number; ruleId: string; severity: string; message: string }[]; summary: { files: number } };
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`)).toEqual([
      'alerts/app/broken.yaml:6:1 error alert-rule-syntax Unexpected malformed YAML (Flow sequence in block collection must be sufficiently indented and end with a ]), expected a YAML document',
      'alerts/app/queue.rules.yml:17:24 error alert-runbook-link Unexpected runbook URL with missing anchor `#drainn` in `docs/runbooks/queue-backlog.md`, expected a heading anchor; did you mean `#drain`? (alert `QueueBacklogCritical`)',
      'alerts/app/queue.rules.yml:18:9 error alert-runbook-missing Unexpected critical alert `QueueConsumerDown` without a runbook URL, expected `annotations.runbook_url` linking the runbook section that handles it',
    ]);
    // One doc and two alert files.
    expect(report.summary.files).toBe(3);
    expect(code).toBe(1);
  });

  it('named alone as arguments, reports only those alert files; a YAML file that is no alert file is a usage error', async () => {
    const named = await runHandbook(['check', '--cwd', site, '--format', 'json', '--no-cache', 'alerts/app/queue.rules.yml'], { cwd: repoRoot });
    const report = JSON.parse(named.stdout) as { diagnostics: { file: string; line: number; ruleId: string }[]; summary: { files: number } };
    expect(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['alerts/app/queue.rules.yml:17 alert-runbook-link', 'alerts/app/queue.rules.yml:18 alert-runbook-missing']);
    expect(report.summary.files).toBe(1);
    expect(named.code).toBe(1);
    const other = await runHandbook(['check', '--cwd', site, '--no-cache', 'settings.yml'], { cwd: repoRoot });
    expect(other.stderr).toBe('handbook check: settings.yml is not one of the alert files (alerts/**/*.{yml,yaml})\n');
    expect(other.code).toBe(2);
  });

  it('reads the site URL through Docusaurus\'s config loader, and HANDBOOK_SITE_URL overrides it', async () => {
    expect(await siteUrlOf({ cwd: join(repoRoot, site), cacheDir: null, env: {} })).toBe('https://ops.example.com/handbook/');
    expect(await siteUrlOf({ cwd: join(repoRoot, site), cacheDir: null, env: { HANDBOOK_SITE_URL: 'https://staging.example.com/hb' } })).toBe('https://staging.example.com/hb/');
    expect(await siteUrlOf({ cwd: join(repoRoot, site, 'docs'), cacheDir: null, env: {} })).toBeNull();
  });
});
