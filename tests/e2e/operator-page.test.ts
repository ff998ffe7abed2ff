import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../support/fixture-site.js';
import { serveStatic } from '../support/static-server.js';
import { shots, startHandbookBuild } from '../support/handbook-build.js';
import { collectConsoleErrors, openHydrated } from '../support/browser.js';
import type { SiteIndex } from '../../core/site/index.js';
import { extractProcedure, parseDoc } from '../../core/index.js';

/**
 * A procedure page as an on-call engineer meets it at 3 a.m. (issue 25), on
 * the handbook's own `build/` (`npm run build` first): no red before the
 * first keystroke, each step's title once, a short panel, a skip link to the
 * next step, task lists that work, printing that says what it prints, and a
 * keyboard focus the search box does not take back. Screenshots go to
 * .cache/screenshots/operator-*.png.
 */

const DEPLOY = 'docs/ms5/deploy-to-production.md';

describe('the procedure page for an operator', () => {
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

  const permalink = (path: string) => index.docs.find((d) => d.path === path)!.permalink;

  async function open(path: string, options: { width?: number; height?: number; ready?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1366, height: options.height ?? 768 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await openHydrated(page, server.url + permalink(path));
    if (options.ready !== false) await page.waitForSelector('[data-checklist-step] input[type=checkbox]:not([disabled])');
    return { context, page, errors };
  }

  /** The page's height with every block laid out (`content-visibility` off), as printed or scrolled through. */
  const fullHeight = (page: Page) =>
    page.evaluate(async () => {
      const style = document.createElement('style');
      style.textContent = '.markdown > * { content-visibility: visible !important; }';
      document.head.append(style);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const height = document.documentElement.scrollHeight;
      style.remove();
      return height;
    });

  it('shows no parameter problem on load; a field left empty or a refused copy shows it', async () => {
    const { context, page, errors } = await open(DEPLOY);
    const panel = page.locator('[data-checklist-doc]');
    // Four parameters without a default (ENVIRONMENT, BACKEND_DIR, RELEASE_REF, DEPLOY_ID): nothing red yet.
    expect(await panel.getByText('A value is needed.').count()).toBe(0);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    // Tabbing through the fields shows nothing; emptying one shows its problem, and only its own.
    await page.getByLabel('ENVIRONMENT', { exact: true }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await page.getByLabel('BACKEND_DIR', { exact: true }).fill('/srv');
    await page.getByLabel('BACKEND_DIR', { exact: true }).fill('');
    expect(await page.getByLabel('BACKEND_DIR', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByText('A value is needed.').count()).toBe(1);
    // A copy that needs RELEASE_REF shows that one too.
    await page.getByRole('button', { name: 'Copy command: Check out the release to deploy' }).click();
    expect(await page.locator('[data-checklist-step="checkout-release"] [data-copy-status]').innerText()).toBe('Not copied: BACKEND_DIR needs a value; RELEASE_REF needs a value');
    expect(await page.getByLabel('RELEASE_REF', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByText('A value is needed.').count()).toBe(2);
    // A pattern problem shows as the value is typed, and goes with a valid value.
    await page.getByLabel('DEPLOY_ID', { exact: true }).fill('today');
    expect(await page.getByLabel('DEPLOY_ID', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByText('Invalid value: expected to match ^[0-9]{8}-[0-9]{4}$.').count()).toBe(1);
    await page.getByLabel('DEPLOY_ID', { exact: true }).fill('20261203-2200');
    expect(await page.getByLabel('DEPLOY_ID', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();

    // On a phone the parameters are behind a button that says how many are missing; a refused copy opens them.
    const phone = await open(DEPLOY, { width: 375, height: 667 });
    const toggle = phone.page.getByRole('button', { name: 'Parameters (4 to fill in)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await phone.page.getByLabel('BACKEND_DIR', { exact: true }).isVisible()).toBe(false);
    expect(await phone.page.getByText('A value is needed.').count()).toBe(0);
    await phone.page.getByRole('button', { name: 'Copy command: Confirm the Docker daemon and Compose plugin answer' }).click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await phone.page.getByLabel('BACKEND_DIR', { exact: true }).isVisible()).toBe(true);
    expect(await phone.page.getByText('A value is needed.').count()).toBe(1);
    await phone.context.close();
  });

  it("shows each step's title once, and names its checkbox with it once", async () => {
    const model = parseDoc({ path: DEPLOY, text: readFileSync(join(repoRoot, DEPLOY), 'utf8') });
    const steps = extractProcedure(model).steps;
    expect(steps.length).toBe(34);
    const { context, page } = await open(DEPLOY);
    const found = await page.evaluate((titles) => {
      const article = document.querySelector('article')!;
      // Visible text: what is rendered (innerText), every block laid out (`content-visibility` off).
      const style = document.createElement('style');
      style.textContent = '.markdown > * { content-visibility: visible !important; }';
      document.head.append(style);
      const visible = article.innerText;
      style.remove();
      return titles.map((title) => {
        const box = document.querySelectorAll<HTMLInputElement>('[data-checklist-step] input[type=checkbox]')[titles.indexOf(title)]!;
        const name = box.getAttribute('aria-label') ?? box.labels?.[0]?.textContent ?? '';
        return { title, visible: visible.split(title).length - 1, inName: name.split(title).length - 1 };
      });
    }, steps.map((s) => s.title));
    expect(found).toEqual(steps.map((s) => ({ title: s.title, visible: 1, inName: 1 })));
    // The accessible names, as a screen reader gets them.
    for (const step of steps.slice(0, 3)) expect(await page.getByRole('checkbox', { name: step.title, exact: true }).count()).toBe(1);
    // No code block of a step has a title bar of its own.
    expect(await page.locator('[data-checklist-step] .theme-code-block [class*="codeBlockTitle"]').count()).toBe(0);
    await context.close();
  });

  it('a phone: header and panel take the top of the first screen; screenshots and page height of the longest procedure', async () => {
    const { context, page, errors } = await open(DEPLOY, { width: 375, height: 667 });
    const panel = (await page.locator('[data-checklist-doc]').boundingBox())!;
    // Navbar, breadcrumbs, "On this page", the two-line title, the version header, then a panel of about 100 px.
    expect(panel.height).toBeLessThan(110);
    expect(panel.y + panel.height).toBeLessThan(450);
    // What follows is the doc's own text: its first step comes after the introduction and "Before you start".
    const first = (await page.locator('[data-checklist-step] input[type=checkbox]').first().boundingBox())!;
    const before = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('.markdown > *')];
      const panelAt = blocks.findIndex((b) => b.querySelector('[data-checklist-doc]') || b.matches('[data-checklist-doc]'));
      const stepAt = blocks.findIndex((b) => b.querySelector('[data-checklist-step]') || b.matches('[data-checklist-step]'));
      return blocks.slice(panelAt + 1, stepAt).map((b) => b.tagName.toLowerCase());
    });
    expect(before).toEqual(['p', 'p', 'p', 'h2', 'ul', 'p', 'h2', 'p', 'p']);
    expect(first.y).toBeGreaterThan(667);
    await page.screenshot({ path: join(shots, 'operator-deploy-375.png') });
    const phoneHeight = await fullHeight(page);
    expect(phoneHeight).toBeLessThan(21_000);
    await context.close();

    const desktop = await open(DEPLOY, { width: 1366, height: 768 });
    await desktop.page.screenshot({ path: join(shots, 'operator-deploy-1366.png') });
    await desktop.page.locator('[data-checklist-step]').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await desktop.page.screenshot({ path: join(shots, 'operator-deploy-1366-steps.png') });
    // 19,376 px before issue 25 (each title three times, a 680 px panel, expected output in blocks of their own).
    const desktopHeight = await fullHeight(desktop.page);
    expect(desktopHeight).toBeLessThan(16_000);
    console.log(`ms5 deploy-to-production: ${desktopHeight} px at 1366, ${phoneHeight} px at 375`);
    expect(errors).toEqual([]);
    expect(desktop.errors).toEqual([]);
    await desktop.context.close();
  });

  it('task lists: the open items of a procedure are checkboxes saved with the steps; elsewhere a mark, not a disabled control', async () => {
    const { context, page } = await open(DEPLOY);
    const tasks = page.locator('[data-checklist-task] input[type=checkbox]');
    expect(await tasks.count()).toBe(9);
    expect(await tasks.evaluateAll((boxes) => boxes.every((b) => !(b as HTMLInputElement).disabled))).toBe(true);
    const second = page.getByRole('checkbox', { name: 'The maintenance window is announced and the Grafana alert notifications for MS5.0 are silenced for its length.' });
    await second.check();
    await page.reload();
    await page.waitForSelector('[data-checklist-step] input[type=checkbox]:not([disabled])');
    expect(await second.isChecked()).toBe(true);
    expect(await tasks.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked))).toEqual([false, true, false, false, false, false, false, false, false]);
    // Not steps: the progress counts the 34 steps only.
    expect(await page.locator('[data-checklist-progress]').innerText()).toBe('0/34 steps done');
    // The bar at 0: an empty fill on a visible track.
    const bar = await page.locator('[data-checklist-doc] [role=progressbar]').evaluate((el) => ({
      now: el.getAttribute('aria-valuenow'),
      fill: (el.firstElementChild as HTMLElement).getBoundingClientRect().width,
      track: getComputedStyle(el).backgroundColor,
    }));
    expect(bar.now).toBe('0');
    expect(bar.fill).toBe(0);
    expect(bar.track).not.toBe('rgba(0, 0, 0, 0)');
    await page.getByRole('checkbox', { name: 'Confirm the Docker daemon and Compose plugin answer', exact: true }).check();
    expect(await page.locator('[data-checklist-doc] [role=progressbar] > *').evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBeGreaterThan(0);
    await context.close();

    // A doc without steps: its task list shows marks, with no control in it.
    const guide = await open('docs/weatherinsight/schema-changes/classification.md', { ready: false });
    const marks = guide.page.locator('article .task-list-item [data-task-mark]');
    expect(await marks.count()).toBeGreaterThan(0);
    expect(await guide.page.locator('article .task-list-item input').count()).toBe(0);
    expect(await guide.page.getByRole('img', { name: 'to do' }).count()).toBe(await marks.count());
    await guide.context.close();
  });

  it('printing: a plain print says it is a blank copy; "Print with progress" prints the ticks, their times and the values', async () => {
    const { context, page } = await open(DEPLOY);
    await page.getByLabel('BACKEND_DIR', { exact: true }).fill('/srv/ms5');
    await page.getByRole('checkbox', { name: 'Confirm the Docker daemon and Compose plugin answer', exact: true }).check();
    const ticked = page.locator('[data-checklist-step="check-docker"]');
    const boxFill = () => ticked.locator('input[type=checkbox]').evaluate((el) => getComputedStyle(el).backgroundColor);
    const valueColor = () => page.getByLabel('BACKEND_DIR', { exact: true }).evaluate((el) => getComputedStyle(el).color);
    await page.emulateMedia({ media: 'print' });
    const note = page.locator('[data-print-note]');
    expect(await note.innerText()).toBe('Blank copy: the ticks, times and parameter values on screen are not printed. To print them, use “Print with progress” on the page.');
    expect(await boxFill()).toBe('rgb(255, 255, 255)');
    expect(await valueColor()).toBe('rgba(0, 0, 0, 0)');
    expect(await ticked.getByText(/^done /).isVisible()).toBe(false);
    await page.screenshot({ path: join(shots, 'operator-print-blank.png') });

    await page.emulateMedia({ media: 'screen' });
    // The print dialog is the browser's: here, printing is what the page looks like in print media while it is open.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'Print with progress' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.printProgress)).toBe('true');
    await page.emulateMedia({ media: 'print' });
    expect(await note.innerText()).toMatch(/^Printed with progress: 1 of 34 steps done, \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    expect(await boxFill()).toBe('rgb(0, 0, 0)');
    expect(await valueColor()).toBe('rgb(0, 0, 0)');
    expect(await ticked.getByText(/^done /).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Print with progress' }).isVisible()).toBe(false);
    await page.screenshot({ path: join(shots, 'operator-print-progress.png') });
    // After the dialog, the page is a plain page again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.evaluate(() => document.documentElement.dataset.printProgress)).toBeUndefined();
    await context.close();
  });

  it('skip link: the second Tab stop of the page moves focus to the next step', async () => {
    const { context, page } = await open(DEPLOY);
    const stops: string[] = [];
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(stops).toEqual(['Skip to main content', 'Skip to the next step']);
    await page.keyboard.press('Enter');
    const inFirst = () => page.evaluate(() => !!document.activeElement?.closest('[data-checklist-step]') && document.activeElement === document.querySelector('[data-checklist-step] input[type=checkbox]'));
    expect(await inFirst()).toBe(true);
    // Space ticks it: the next run of the link goes to the step after.
    await page.keyboard.press('Space');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[data-skip-to-step]').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-checklist-step]')?.getAttribute('data-checklist-step'))).toBe('check-disk');
    // A page without a checklist has no such link.
    const guide = await open('docs/weatherinsight/schema-changes/classification.md', { ready: false });
    expect(await guide.page.locator('[data-skip-to-step]').count()).toBe(0);
    await guide.context.close();
    await context.close();
  });

  it('focus: the search box does not take the focus back when its index arrives after the reader moved on', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    // The index (3.5 MB) arrives late: after the reader has tabbed past the search box and ticked a step.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested = false;
    await context.route(/search-index.*\.json/, async (route) => {
      requested = true;
      await held;
      await route.continue();
    });
    await openHydrated(page, server.url + permalink(DEPLOY));
    await page.waitForSelector('[data-checklist-step] input[type=checkbox]:not([disabled])');
    let inSearch = false;
    for (let i = 0; i < 20 && !inSearch; i++) {
      await page.keyboard.press('Tab');
      inSearch = await page.evaluate(() => document.activeElement?.classList.contains('navbar__search-input') ?? false);
    }
    expect(inSearch).toBe(true);
    await expect.poll(() => requested, { timeout: 5_000 }).toBe(true);
    // On through the navbar and the sidebar to the first step, and tick it.
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement === document.querySelector('[data-checklist-step] input[type=checkbox]'));
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Space');
    release();
    // The index is in when the search box has become an autocomplete box.
    await page.waitForSelector('.navbar__search-input[aria-autocomplete]', { state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.activeElement === document.querySelector('[data-checklist-step] input[type=checkbox]'))).toBe(true);
    expect(await page.locator('[data-checklist-step] input[type=checkbox]').first().isChecked()).toBe(true);
    // The next Space is the reader's: it unticks the same step.
    await page.keyboard.press('Space');
    expect(await page.locator('[data-checklist-step] input[type=checkbox]').first().isChecked()).toBe(false);
    // The search box still takes the focus it is given (here by a script, as a screen reader may), and searches.
    await page.locator('.navbar__search-input').focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('navbar__search-input'))).toBe(true);
    await page.keyboard.type('deadlock');
    await page.locator('.aa-suggestion, [class*="suggestion_"]').first().waitFor({ timeout: 30_000 });
    await context.close();
  });

  it('focus: a reader who stays in the search box while its index loads keeps the focus there, and the typed query searches', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/search-index.*\.json/, async (route) => {
      await held;
      await route.continue();
    });
    await openHydrated(page, server.url + permalink(DEPLOY));
    await page.locator('.navbar__search-input').click();
    await page.keyboard.type('deadlock');
    release();
    await page.waitForSelector('.navbar__search-input[aria-autocomplete]', { state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('navbar__search-input'))).toBe(true);
    await page.keyboard.type(' ');
    await page.locator('.aa-suggestion, [class*="suggestion_"]').first().waitFor({ timeout: 30_000 });
    await context.close();
  });
});
