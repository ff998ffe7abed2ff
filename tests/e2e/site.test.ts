import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { repoRoot } from '../support/fixture-site.js';
import { serveStatic } from '../support/static-server.js';
import { buildDir, shots, startHandbookBuild } from '../support/handbook-build.js';
import { collectConsoleErrors, openHydrated } from '../support/browser.js';
import type { SiteIndex } from '../../core/site/index.js';
import { parseDoc } from '../../core/index.js';

/**
 * The reader's side of the handbook's own `build/` (`npm run build` first):
 * the on-call home, /freshness, backlinks and graphs, search by symptom,
 * keyboard ticking, axe. Screenshots go to .cache/screenshots/.
 */

describe('the handbook site for readers', () => {
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

  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: options.width ?? 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await openHydrated(page, server.url + path);
    return { context, page, errors };
  }

  it('home: the on-call entry puts the search box first, then incident and escalation pages, systems and recent docs', async () => {
    const { context, page, errors } = await open('/');
    expect(await page.title()).toContain('Operations Handbook');
    const entry = page.locator('main section', { has: page.getByRole('heading', { name: 'On call? Start here' }) });
    // The first focusable control inside the entry is the search box.
    expect(await entry.locator('input, button, a:not(.hash-link)').first().getAttribute('type')).toBe('search');
    const quick = await entry.locator('li a').allTextContents();
    expect(quick.some((t) => /incident response/i.test(t))).toBe(true);
    expect(quick.some((t) => /escalation/i.test(t))).toBe(true);
    const systems = page.locator('section[aria-labelledby="systems"] li');
    expect(await systems.count()).toBe(index.systems.length);
    for (const system of index.systems) {
      const row = systems.filter({ hasText: system.name });
      expect(await row.first().textContent()).toContain(`${system.pages} pages`);
      expect(await row.first().textContent()).toContain(system.owners[0]!);
    }
    expect(await page.locator('section[aria-labelledby="recent"] li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(shots, 'home-desktop.png'), fullPage: true });
    await context.close();
  });

  it('search: a symptom typed on the home page finds its runbook among the first three results', async () => {
    const { context, page } = await open('/');
    await page.getByLabel('Describe the symptom or the alert').fill('WAL file growing');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=WAL/);
    const results = page.locator('[class*="searchResultItem_"] h2 a');
    await results.first().waitFor({ timeout: 30_000 });
    // One result per matching heading: the first three distinct pages.
    const hrefs = [...new Set(await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname)))].slice(0, 3);
    expect(hrefs.some((href) => href.startsWith('/docs/abathur/runbooks/wal-growth'))).toBe(true);
    await page.screenshot({ path: join(shots, 'search.png') });
    await context.close();
  });

  it('/freshness lists every doc, sorts and filters in the browser', async () => {
    const { context, page, errors } = await open('/freshness');
    const rows = page.locator('[data-testid="doc-table"] tbody tr');
    expect(await rows.count()).toBe(index.docs.length);
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-path')))).sort()).toEqual(index.docs.map((d) => d.path).sort());
    await page.getByRole('button', { name: 'Version' }).click();
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Version');
    await page.locator('select[id$="-system"]').selectOption('abathur');
    const shown = await rows.locator('td:first-child').allTextContents();
    expect(shown.length).toBe(index.docs.filter((d) => d.system === 'abathur').length);
    expect(new Set(shown)).toEqual(new Set(['abathur']));
    await page.getByLabel('Filter', { exact: true }).fill('wal');
    // Title, owner, path and tags are searched: the WAL runbook and the docs tagged `wal`.
    const paths = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-path')));
    expect(paths).toContain('docs/abathur/runbooks/wal-growth.md');
    expect(paths.length).toBe(index.docs.filter((d) => d.system === 'abathur' && [d.title, d.owner, d.path, ...d.tags].some((v) => v?.toLowerCase().includes('wal'))).length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('backlinks: a runbook lists every doc that links to it under "Referenced by"', async () => {
    const target = index.docs.find((d) => d.path === 'docs/abathur/runbooks/wal-growth.md')!;
    expect(target.referencedBy.length).toBeGreaterThan(0);
    const { context, page } = await open(target.permalink);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Referenced by' }) });
    const titles = await section.locator('li a').allTextContents();
    const byPath = new Map(index.docs.map((d) => [d.path, d.title]));
    expect(titles.sort()).toEqual(target.referencedBy.map((p) => byPath.get(p)!).sort());
    await context.close();
  });

  it('page weight: no page loads the site index; a doc page carries its own backlinks, in the static HTML', async () => {
    const procedure = index.docs.find((d) => d.path === 'docs/ms5/verify-deployment.md')!;
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      const body = response.text();
      // A prefetch answered while the context closes rejects; only the bodies read below count.
      body.catch(() => undefined);
      scripts.push(body);
    });
    await openHydrated(page, server.url + procedure.permalink);
    await page.waitForLoadState('networkidle');
    const bodies = await Promise.all(scripts.slice());
    expect(bodies.length).toBeGreaterThan(0);
    // `linksTo` exists only in the full index; `"handbook-site-data":{"default"` only in global data.
    for (const body of bodies) {
      expect(body).not.toContain('"linksTo"');
      expect(body).not.toContain('"handbook-site-data":{"default"');
      // Prism's core (src/prism/grammars.ts): the code blocks use the build's tokens (plugins/prism).
      expect(body).not.toContain('disableWorkerMessageHandler');
    }
    const html = readFileSync(join(buildDir, procedure.permalink, 'index.html'), 'utf8');
    const byPath = new Map(index.docs.map((d) => [d.path, d.title]));
    const footer = html
      .slice(html.indexOf('id=referenced-by'))
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(procedure.referencedBy.length).toBeGreaterThan(0);
    for (const path of procedure.referencedBy) expect(footer).toContain(byPath.get(path)!);
    await context.close();
  });

  it("graph: a system's page draws the links between its documents with Mermaid", async () => {
    const { context, page, errors } = await open('/systems/abathur');
    await page.locator('.docusaurus-mermaid-container svg').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.docusaurus-mermaid-container svg .node').count()).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('code blocks take the Prism theme of the colour mode once hydrated (no remount needed, src/theme/CodeBlock)', async () => {
    const procedure = index.docs.find((d) => d.path === 'docs/ms5/verify-deployment.md')!;
    const backgrounds: Record<string, string> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page, errors } = await open(procedure.permalink, { colorScheme });
      backgrounds[colorScheme] = await page.locator('pre.prism-code').first().evaluate((pre) => getComputedStyle(pre).backgroundColor);
      expect(errors).toEqual([]);
      await context.close();
    }
    // GitHub (light) and Dracula (dark) backgrounds, src/prism-themes.ts.
    expect(backgrounds).toEqual({ light: 'rgb(246, 248, 250)', dark: 'rgb(40, 42, 54)' });
  });

  it("code blocks: highlighted with the build's tokens; their buttons mount in idle time, word wrap only where the block scrolls, none in checklist steps", async () => {
    const guide = index.docs.find((d) => d.path === 'docs/handbook/writing-procedures.md')!;
    const guideModel = parseDoc({ path: guide.path, text: readFileSync(join(repoRoot, guide.path), 'utf8') });
    const { context, page, errors } = await open(guide.permalink);
    const blocks = page.locator('.theme-code-block');
    const count = await blocks.count();
    // Every fenced block of the guide (none of them a step), as the core's model counts them.
    expect(count).toBe(guideModel.codeBlocks.length);
    expect(count).toBe(11);
    // Highlighted as the server rendered it: tokens other than plain text.
    expect(await page.locator('pre.prism-code .token:not(.plain)').count()).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('.theme-code-block button[aria-label="Copy code to clipboard"]').length === n, count, { timeout: 15_000 });
    const scrolling = await blocks.evaluateAll((all) => all.filter((b) => { const pre = b.querySelector('pre')!; return pre.scrollWidth > pre.clientWidth; }).length);
    expect(scrolling).toBeGreaterThan(0);
    expect(scrolling).toBeLessThan(count);
    expect(await page.locator('.theme-code-block button[aria-label="Toggle word wrap"]').count()).toBe(scrolling);
    // Wrapping a block that scrolls makes it stop scrolling.
    const wrapped = page.locator('.theme-code-block', { has: page.locator('button[aria-label="Toggle word wrap"]') }).first();
    await wrapped.hover();
    await wrapped.locator('button[aria-label="Toggle word wrap"]').click();
    expect(await wrapped.locator('pre').evaluate((pre) => pre.scrollWidth <= pre.clientWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();

    // A procedure's blocks are all checklist steps, which have their own copy button.
    const procedure = index.docs.find((d) => d.path === 'docs/ms5/verify-deployment.md')!;
    const second = await open(procedure.permalink);
    await second.page.waitForFunction(() => document.querySelectorAll('[data-checklist-step] button').length > 0, undefined, { timeout: 15_000 });
    await second.page.waitForTimeout(1000);
    expect(await second.page.locator('.theme-code-block').count()).toBe(14);
    expect(await second.page.locator('.theme-code-block button').count()).toBe(0);
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  it('keyboard: a step is ticked with Tab and Space', async () => {
    const procedure = index.docs.find((d) => d.path === 'docs/ms5/verify-deployment.md')!;
    const { context, page } = await open(procedure.permalink);
    let reached = false;
    for (let i = 0; i < 300 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox' && !!document.activeElement?.closest('[data-checklist-step]'));
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await context.close();
  });

  it('checklist: ticks survive client-side navigation away and back (src/components/Checklist/store.ts)', async () => {
    const procedure = index.docs.find((d) => d.path === 'docs/ms5/verify-deployment.md')!;
    const { context, page, errors } = await open(procedure.permalink);
    const first = page.locator('[data-checklist-step] input[type=checkbox]').first();
    await expect.poll(() => first.isEnabled(), { timeout: 15_000 }).toBe(true);
    await first.check();
    await page.locator('.pagination-nav__link').first().click();
    await page.waitForURL((url) => url.pathname !== procedure.permalink);
    await page.goBack();
    await page.waitForURL(`**${procedure.permalink}`);
    const again = page.locator('[data-checklist-step] input[type=checkbox]').first();
    await expect.poll(() => again.isChecked(), { timeout: 5_000 }).toBe(true);
    expect(await again.isEnabled()).toBe(true);
    expect(await page.locator('[data-checklist-step] input[type=checkbox]:checked').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  const pages = () => [
    ['home', '/'],
    ['runbook', index.docs.find((d) => d.path === 'docs/abathur/runbooks/wal-growth.md')!.permalink],
    ['procedure', index.docs.find((d) => d.path === 'docs/ms5/verify-deployment.md')!.permalink],
    ['freshness', '/freshness'],
  ];

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe: no serious or critical violation on the home page, a runbook, a procedure and /freshness (${colorScheme})`, async () => {
      const found: string[] = [];
      for (const [name, path] of pages()) {
        const { context, page } = await open(path!, { colorScheme });
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(`${name} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        }
        if (colorScheme === 'dark') await page.screenshot({ path: join(shots, `${name}-dark.png`) });
        await context.close();
      }
      expect(found).toEqual([]);
    });
  }

  it('phone and desktop layouts of a doc: the menu holds the doc sidebar on a phone, the table of contents is the one that fits (src/theme/DocSidebar, DocItem/Layout, Navbar/MobileSidebar)', async () => {
    const procedure = index.docs.find((d) => d.path === 'docs/ms5/verify-deployment.md')!;
    const phone = await open(procedure.permalink, { width: 375 });
    const { page } = phone;
    // The desktop sidebar and table of contents stay in the page, hidden; the collapsible one is shown.
    expect(await page.locator('.theme-doc-sidebar-container').isHidden()).toBe(true);
    expect(await page.locator('.theme-doc-toc-desktop').isHidden()).toBe(true);
    const mobileToc = page.locator('.theme-doc-toc-mobile');
    await mobileToc.getByRole('button').click();
    await expect.poll(() => mobileToc.locator('a').count()).toBeGreaterThan(3);
    // The navbar menu is mounted once the page is idle, and opening it shows the current doc in the sidebar panel.
    await page.waitForSelector('.navbar-sidebar', { state: 'attached', timeout: 15_000 });
    await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
    const active = page.locator('.navbar-sidebar .menu__link--active', { hasText: procedure.title });
    await active.waitFor({ state: 'visible' });
    // A sibling in the same category: following it navigates and closes the menu.
    const current = page.locator('.menu__link--active', { hasText: procedure.title });
    const sibling = page.locator('.navbar-sidebar ul.menu__list', { has: current }).last().locator('a.menu__link:not(.menu__link--active)[href^="/docs/"]').first();
    const href = (await sibling.getAttribute('href'))!;
    const target = index.docs.find((d) => d.permalink === href)!;
    await sibling.click();
    await page.waitForURL(`**${href}`);
    await expect.poll(() => page.locator('.navbar-sidebar--show').count()).toBe(0);
    // Docusaurus changes the URL first and renders the page once its chunks are in.
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(target.title);
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    const desktop = await open(procedure.permalink);
    expect(await desktop.page.locator('.theme-doc-sidebar-container').isVisible()).toBe(true);
    expect(await desktop.page.locator('.theme-doc-toc-desktop').isVisible()).toBe(true);
    expect(await desktop.page.locator('.theme-doc-toc-mobile').isHidden()).toBe(true);
    expect(desktop.errors).toEqual([]);
    await desktop.context.close();
  });

  it('375 px: no horizontal scroll on the home page, a runbook and /freshness', async () => {
    for (const [name, path] of pages()) {
      const { context, page } = await open(path!, { width: 375 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.screenshot({ path: join(shots, `${name}-375.png`), fullPage: false });
      expect({ name, overflow }).toEqual({ name, overflow: 0 });
      await context.close();
    }
  });
});
