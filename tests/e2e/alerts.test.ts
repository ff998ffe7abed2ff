import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveStatic } from '../support/static-server.js';
import { shots, startHandbookBuild } from '../support/handbook-build.js';
import { collectConsoleErrors, openHydrated } from '../support/browser.js';
import type { SiteIndex } from '../../core/site/index.js';

/**
 * Alerts as code on the handbook's own `build/` (`npm run build` first): a
 * runbook lists the alerts that open it at the section they point to,
 * `/alerts` lists them all, a reference page's alert table comes from the
 * rule files, and an alert name pasted into the search finds its runbook
 * first. Screenshots go to .cache/screenshots/.
 */

describe('alerts on the handbook site', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let index: SiteIndex;

  beforeAll(async () => {
    ({ server, browser, index } = await startHandbookBuild());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await openHydrated(page, server.url + path);
    return { context, page, errors };
  }

  it('a runbook lists the alerts that open it, right under the heading their runbook URL points to', async () => {
    const { context, page, errors } = await open('/docs/abathur/runbooks/connection-pool-exhaustion');
    const expected = index.alerts.filter((a) => a.runbook.path === 'docs/abathur/runbooks/connection-pool-exhaustion.md');
    expect(expected.map((a) => `${a.name}#${a.runbook.anchor}`).sort()).toEqual([
      'AbathurConnectionPoolExhausted#who-holds-the-connections',
      'AbathurDatabaseUnavailable#database-cannot-be-opened',
    ]);
    for (const alert of expected) {
      // The box follows the heading with that id, and names the alert, its severity, expression and rule file.
      const box = page.locator(`h3#${alert.runbook.anchor} + aside[aria-label="Alerts that open this page"]`);
      await expect.poll(() => box.count()).toBe(1);
      const text = await box.textContent();
      expect(text).toContain(alert.name);
      expect(text).toContain(alert.severity!);
      expect(text).toContain(alert.expr!);
      expect(text).toContain('alerts/abathur/abathur.rules.yml');
    }
    expect(await page.locator('aside[aria-label="Alerts that open this page"]').count()).toBe(2);
    await page.locator('h3#database-cannot-be-opened').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'alerts-runbook.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('/alerts lists every alert with its severity, system and runbook link', async () => {
    const { context, page, errors } = await open('/alerts');
    const rows = page.locator('table[data-alerts-system] tbody tr');
    expect(await rows.count()).toBe(index.alerts.length);
    expect(index.alerts.length).toBeGreaterThanOrEqual(39);
    expect(await page.locator('main h2').evaluateAll((hs) => hs.map((h) => h.id))).toEqual(['system-abathur', 'system-data-pipeline', 'system-ms5', 'system-weatherinsight']);
    const wal = rows.filter({ hasText: 'AbathurWalFileLarge' });
    expect(await wal.locator('td').nth(1).textContent()).toBe('warning');
    expect(await wal.locator('a').getAttribute('href')).toBe('/docs/abathur/runbooks/wal-growth#diagnosis');
    // Nothing broken in the handbook's own rules; no required runbook missing.
    expect(await page.locator('tr[data-runbook-status="broken"], tr[data-runbook-status="templated"]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Every critical and warning alert reaches its runbook.');
    await page.screenshot({ path: join(shots, 'alerts-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a reference page's alert table is generated from the rule file", async () => {
    const { context, page } = await open('/docs/abathur/alerting-rules');
    const rows = page.locator('table[data-alerts-table="abathur"] tbody tr');
    expect(await rows.count()).toBe(13);
    expect(await rows.locator('td:first-child code').allTextContents()).toEqual(index.alerts.filter((a) => a.system === 'abathur').map((a) => a.name));
    await page.locator('table[data-alerts-table="abathur"]').screenshot({ path: join(shots, 'alerts-table.png') });
    await context.close();
  });

  it('search: an alert name or its summary pasted on the home page finds its runbook as the top result', async () => {
    for (const [query, runbook] of [
      ['AbathurWalFileLarge', '/docs/abathur/runbooks/wal-growth'],
      ['MS5InsertsStalled', '/docs/ms5/runbooks/chunk-problems'],
      ['No rows inserted into the MS5.0 database for 5 minutes', '/docs/ms5/runbooks/chunk-problems'],
    ] as const) {
      const { context, page } = await open('/');
      await page.getByLabel('Describe the symptom or the alert').fill(query);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      const results = page.locator('[class*="searchResultItem_"] h2 a');
      await results.first().waitFor({ timeout: 30_000 });
      expect(await results.first().evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(runbook);
      if (query === 'AbathurWalFileLarge') await page.screenshot({ path: join(shots, 'alerts-search.png') });
      await context.close();
    }
  });
});
