import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveRunbookUrl } from '../../core/alerts/index.js';
import { createCorpusIndex, isAlertRule, rules, runChecks, toJson } from '../../core/index.js';
import { linkIndexOf } from '../../core/links/index.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { repoRoot } from '../support/fixture-site.js';

/**
 * The handbook's own alert files (alerts/) against its own docs: what
 * issue 22 asks of them. The site URL is the one docusaurus.config.ts sets
 * (`url` + `baseUrl`), given here so the test does not load the whole
 * config (the build's check plugin reads it from Docusaurus itself).
 */
const SITE_URL = 'https://handbook.internal/';

describe('the handbook\'s alert files', () => {
  let input: Awaited<ReturnType<typeof loadCheckInput>>;
  beforeAll(async () => {
    input = await loadCheckInput({ cwd: repoRoot, today: '2026-12-03', alerts: { siteUrl: SITE_URL } });
    // Parsing every doc of the handbook takes seconds on a busy machine: more than the default hook timeout.
  }, 120_000);

  it('have no alert findings', async () => {
    expect((await runChecks(input, rules.filter(isAlertRule))).map(toJson)).toEqual([]);
  });

  it('hold at least 30 Prometheus alerts, and every critical and warning alert reaches a runbook section', async () => {
    const alerts = input.alerts!.files.flatMap((f) => f.alerts);
    expect(alerts.filter((a) => a.source !== 'cloudformation').length).toBeGreaterThanOrEqual(30);
    expect(alerts.filter((a) => a.source === 'cloudformation').length).toBeGreaterThanOrEqual(5);
    const index = linkIndexOf(input, createCorpusIndex(input));
    for (const alert of alerts.filter((a) => a.severity === 'critical' || a.severity === 'warning')) {
      const resolution = alert.runbookUrl === null ? null : resolveRunbookUrl(index, alert.runbookUrl, SITE_URL);
      expect({ alert: alert.name, status: resolution?.status, anchored: resolution?.status === 'doc' && resolution.anchor !== null }).toEqual({ alert: alert.name, status: 'doc', anchored: true });
    }
  });

  it('have a promtool unit test for every critical Prometheus alert', async () => {
    for (const file of input.alerts!.files.filter((f) => f.path.endsWith('.rules.yml'))) {
      const tests = readFileSync(join(repoRoot, file.path.replace(/\.rules\.yml$/, '.rules.test.yml')), 'utf8');
      for (const alert of file.alerts.filter((a) => a.severity === 'critical')) expect(tests).toContain(`alertname: ${alert.name}\n`);
    }
  });
});
