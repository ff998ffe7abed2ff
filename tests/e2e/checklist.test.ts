import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveStatic } from '../support/static-server.js';
import { collectConsoleErrors, launchBrowser, openHydrated } from '../support/browser.js';
import { buildChecklistSite, procedureFixture } from './checklist-fixture.js';
import type { FixtureSite } from '../support/fixture-site.js';

/**
 * The executable checklist in real Chromium, on a fixture site built with the
 * handbook's remark plugin and components (tests/fixtures/checklist/procedure.md).
 */
const KEY = 'handbook:checklist:procedure';

describe('checklist in Chromium', () => {
  let site: FixtureSite;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    site = await buildChecklistSite('checklist-e2e', { 'procedure.md': await procedureFixture() });
    server = await serveStatic(site.buildDir);
    browser = await launchBrowser();
    url = server.url + '/docs/procedure';
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(context?: BrowserContext): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
    const ctx = context ?? (await browser.newContext({ acceptDownloads: true }));
    const page = await ctx.newPage();
    const errors = collectConsoleErrors(page);
    await openHydrated(page, url);
    await page.waitForSelector('[data-checklist-step] input[type=checkbox]:not([disabled])');
    return { page, errors, context: ctx };
  }

  const checkbox = (page: Page, title: string) => page.getByRole('checkbox', { name: title, exact: true });

  it('server-renders every step literally, with boxes named by the step titles', async () => {
    const html = await site.html('/docs/procedure');
    expect((html.match(/data-checklist-step=/g) ?? []).length).toBe(5);
    expect(html).toContain('type=checkbox');
    expect(html).not.toContain('<script>alert(1)</script>');
    const { page, errors, context } = await open();
    const names = await page.locator('[data-checklist-step] input[type=checkbox]').evaluateAll((boxes) =>
      boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ''),
    );
    // A title that is the lead-in sentence above the block is not repeated: the step says "Step N".
    expect(names).toEqual(['health.sh', 'Check free disk space', 'Step 3', 'Step 4', 'Step 5']);
    const danger = page.locator('[data-checklist-step="drop-the-old-replica"]');
    expect((await danger.locator('pre').first().innerText()).trim()).toBe("psql -c 'DROP DATABASE widgets_old;' # <script>alert(1)</script> {x} `date` </code> ${x}");
    expect(await danger.getByText('Danger', { exact: true }).count()).toBe(1);
    expect(await page.locator('article script').count()).toBe(0);
    expect(await page.locator('[data-checklist-step="deploy-the-release"]').getByText('deployed').count()).toBe(1);
    expect(errors).toEqual([]);
    // The page and build/checklists.json (what `handbook run` executes) name the same steps.
    const exported = JSON.parse(await readFile(join(site.buildDir, 'checklists.json'), 'utf8'));
    const pageIds = await page.locator('[data-checklist-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-checklist-step')));
    expect(exported.docs[0].steps.map((s: { id: string }) => s.id)).toEqual(pageIds);
    await context.close();
  });

  it("shows each step's title once: in its label, or in the lead-in sentence with the box named \"Step N: title\"", async () => {
    const { page, context } = await open();
    const steps = await page.locator('[data-checklist-step]').evaluateAll((els) =>
      els.map((el) => {
        const box = el.querySelector('input[type=checkbox]') as HTMLInputElement;
        return { label: box.labels?.[0]?.textContent ?? '', name: box.getAttribute('aria-label'), codeTitle: el.querySelector('[class*="codeBlockTitle"]')?.textContent ?? null };
      }),
    );
    expect(steps).toEqual([
      { label: 'health.sh', name: null, codeTitle: null },
      { label: 'Check free disk space', name: null, codeTitle: null },
      { label: 'Step 3', name: 'Step 3: Deploy the release', codeTitle: null },
      { label: 'Step 4', name: 'Step 4: Drop the old replica', codeTitle: null },
      // Its `title="..."` repeats the sentence above it: that sentence is its title on the page.
      { label: 'Step 5', name: 'Step 5: Redeploy the previous release', codeTitle: null },
    ]);
    const text = await page.locator('article').innerText();
    for (const title of ['health.sh', 'Check free disk space', 'Deploy the release', 'Drop the old replica', 'Redeploy the previous release']) {
      expect({ title, times: text.split(title).length - 1 }).toEqual({ title, times: 1 });
    }
    await context.close();
  });

  it('on a phone (375 x 667), the first step is on the first screen, under a one-row panel', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const { page } = await open(context);
    await page.screenshot({ path: join(site.siteDir, 'phone.png') });
    const box = (await page.locator('[data-checklist-step] input[type=checkbox]').first().boundingBox())!;
    expect(box.y + box.height).toBeLessThan(667);
    expect((await page.locator('[data-checklist-doc]').boundingBox())!.height).toBeLessThan(80);
    await context.close();
  });

  it('keeps ticks across a reload, by keyboard too, and sums up the doc and the section', async () => {
    const { page, context } = await open();
    await checkbox(page, 'health.sh').check();
    await checkbox(page, 'Check free disk space').focus();
    await page.keyboard.press('Space');
    await page.reload();
    await page.waitForSelector('[data-checklist-step] input[type=checkbox]:not([disabled])');
    expect(await checkbox(page, 'health.sh').isChecked()).toBe(true);
    expect(await checkbox(page, 'Check free disk space').isChecked()).toBe(true);
    expect(await checkbox(page, 'Step 3: Deploy the release').isChecked()).toBe(false);
    expect(await page.locator('[data-checklist-progress]').innerText()).toBe('2/5 steps done');
    expect(await page.locator('[data-checklist-section="Preflight"]').innerText()).toContain('2/2 steps done');
    expect(await page.locator('[data-checklist-section="Rotate"]').innerText()).toBe('0/2 steps done · about 15 min left');
    await context.close();
  });

  it('keeps open tabs in sync', async () => {
    const { page: a, context } = await open();
    const { page: b } = await open(context);
    await checkbox(a, 'Step 3: Deploy the release').check();
    await b.waitForFunction(() => (document.querySelector('[data-checklist-step="deploy-the-release"] input') as HTMLInputElement).checked, null, { timeout: 5000 });
    await context.close();
  });

  it('shows progress saved for another version as stale, never applied, with a reset', async () => {
    const { page, context } = await open();
    await page.evaluate((key) => {
      localStorage.setItem(key, JSON.stringify({ version: '1.0.0', ticks: { 'health-sh': { at: '2026-11-01T10:00:00.000Z' } }, params: {}, operator: '', updated: '2026-11-01T10:00:00.000Z' }));
    }, KEY);
    await page.reload();
    await page.waitForSelector('[data-checklist-stale]');
    expect(await page.locator('[data-checklist-stale]').innerText()).toContain('Saved progress for version 1.0.0 (1 step ticked');
    expect(await checkbox(page, 'health.sh').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Discard old progress' }).click();
    expect(await page.locator('[data-checklist-stale]').count()).toBe(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    await context.close();
  });

  it('copies the parameters and the command as written, refuses naming invalid ones, and reads secrets in the terminal', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const { page } = await open(context);
    await page.getByLabel('ENV', { exact: true }).selectOption('production');
    await page.getByLabel('RELEASE', { exact: true }).fill('v2.3.4');
    // A secret has no field: nothing on the page can hold its value.
    expect(await page.locator('[data-checklist-secret="TOKEN"]').innerText()).toContain('The copied command asks for it in your terminal, without echo.');
    expect(await page.locator('input[type=password]').count()).toBe(0);
    const status = page.locator('[data-checklist-step="deploy-the-release"] [role=status]');
    const copy = async (title: string) => {
      await page.evaluate(() => navigator.clipboard.writeText('(not copied)'));
      await page.getByRole('button', { name: `Copy command: ${title}` }).click();
      return page.evaluate(() => navigator.clipboard.readText());
    };
    expect(await copy('Deploy the release')).toBe(
      [
        "export ENV='production'",
        "export RELEASE='v2.3.4'",
        '{',
        "printf '%s' 'TOKEN (secret, not echoed): ' >&2; IFS= read -rs TOKEN; printf '\\n' >&2; export TOKEN",
        'deploy --env "$ENV" --release ${RELEASE} --token "$TOKEN"',
        '}',
      ].join('\n'),
    );
    expect(await status.innerText()).toBe('Copied; asks for TOKEN when run');
    expect(await copy('health.sh')).toBe("export ENV='production'\ncurl -fsS https://widgets.${ENV}.internal/health");
    await page.getByLabel('RELEASE', { exact: true }).fill('2.3.4; rm -rf /');
    expect(await page.getByLabel('RELEASE', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await copy('Deploy the release')).toBe('(not copied)');
    expect(await status.innerText()).toBe('Not copied: RELEASE expected to match ^v[0-9]+\\.[0-9]+\\.[0-9]+$');
    expect(await status.getAttribute('data-copy-status')).toBe('refused');
    const saved = (await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '';
    expect(saved).toContain('production');
    expect(saved).not.toContain('TOKEN');
    await context.close();
  });

  it('exports a run log whose Markdown matches the ticks', async () => {
    const { page, context } = await open();
    await page.getByLabel('Operator').fill('ana');
    await checkbox(page, 'health.sh').check();
    await checkbox(page, 'Step 4: Drop the old replica').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export run log' }).click()]);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^run-log-procedure-\d{4}-\d\d-\d\d-\d\d-\d\d\.md$/);
    expect(markdown).toContain('## Run log: Rotate the widget database');
    expect(markdown).toContain('- Version: 2.0.0');
    expect(markdown).toContain('- Operator: ana');
    expect(markdown).toContain('- Progress: 2 of 5 steps done');
    expect(markdown).toContain('| TOKEN | (typed in the terminal, secret) |');
    const tasks = markdown.split('\n').filter((line) => line.startsWith('- ['));
    expect(tasks.map((l) => l.replace(/ — done \S+ by ana$/, ' — done'))).toEqual([
      '- [x] 1. health.sh — done',
      '- [ ] 2. Check free disk space',
      '- [ ] 3. Deploy the release',
      '- [x] 4. Drop the old replica (danger) — done',
      '- [ ] 5. Redeploy the previous release',
    ]);
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const log = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8'));
    expect(log.steps.filter((s: { status: string }) => s.status === 'done').map((s: { id: string }) => s.id)).toEqual(['health-sh', 'drop-the-old-replica']);
    await context.close();
  });

  it('prints as a paper checklist with empty boxes and no navigation', async () => {
    const { page, context } = await open();
    await checkbox(page, 'health.sh').check();
    await page.emulateMedia({ media: 'print' });
    const box = checkbox(page, 'health.sh');
    const style = await box.evaluate((el) => {
      const s = getComputedStyle(el);
      return { appearance: s.appearance, border: s.borderTopStyle, width: el.getBoundingClientRect().width };
    });
    expect(style).toEqual({ appearance: 'none', border: 'solid', width: expect.any(Number) });
    expect(style.width).toBeGreaterThan(8);
    expect(await page.locator('.navbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Export run log' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Copy command: health.sh' }).isVisible()).toBe(false);
    expect(await page.locator('[data-checklist-step]').count()).toBe(5);
    await page.screenshot({ path: join(site.siteDir, 'print.png'), fullPage: true });
    await context.close();
  });

  it.each(['light', 'dark'])('has no serious or critical axe violation in %s mode', async (theme) => {
    const context = await browser.newContext({ colorScheme: theme as 'light' | 'dark' });
    const { page } = await open(context);
    expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
    await checkbox(page, 'health.sh').check();
    const results = await new AxeBuilder({ page }).include('article').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: join(site.siteDir, `${theme}.png`), fullPage: false });
    await context.close();
  });
});
