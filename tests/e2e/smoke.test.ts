import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../support/fixture-site.js';
import { serveStatic } from '../support/static-server.js';
import { collectConsoleErrors, launchBrowser, openHydrated } from '../support/browser.js';

/** Runs against the handbook's own `build/` (`npm run build` first; `.ci/run` does). */
const buildDir = join(repoRoot, 'build');

describe('built site in Chromium', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(buildDir, 'index.html'))) throw new Error('No build/ found: run `npm run build` before the browser tests.');
    server = await serveStatic(buildDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the home page without console errors', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await openHydrated(page, server.url + '/');
    expect(await page.title()).toContain('Operations Handbook');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a doc page without console errors', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await openHydrated(page, server.url + '/docs/');
    expect(await page.locator('article h1').first().textContent()).toBe('About this handbook');
    expect(errors).toEqual([]);
    await page.close();
  });
});
