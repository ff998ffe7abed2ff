import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildFixtureSite, repoRoot, type FixtureSite } from '../support/fixture-site.js';
import { serveStatic } from '../support/static-server.js';
import { collectConsoleErrors, launchBrowser, openHydrated } from '../support/browser.js';

/**
 * The build-time check plugin (plugins/check) and the version header under
 * each doc's title (src/theme/DocItem/Content, src/theme/DocHeader), on
 * fixture sites.
 */
const plugin = JSON.stringify(join(repoRoot, 'plugins/check/index.ts'));
const theme = (path: string) => `export { default } from ${JSON.stringify(join(repoRoot, 'src/theme', path))};\n`;
const themeFiles = {
  'src/theme/DocItem/Content/index.tsx': theme('DocItem/Content'),
  'src/theme/DocHeader/index.tsx': theme('DocHeader'),
};
const header = (fields: string) => `---\nowner: platform-team\n${fields}\n---\n`;

describe('version header on the page', () => {
  let site: FixtureSite;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildFixtureSite({
      name: 'doc-header',
      files: {
        ...themeFiles,
        'docs/active.md': header('title: Active doc\nversion: 1.2.0\nlast_updated: 2026-11-01\nstatus: active') + '\n# Active doc\n\nText.\n',
        'docs/draft.md': header('title: Draft doc\nversion: 0.1.0\nlast_updated: 2026-11-01\nstatus: draft') + '\n# Draft doc\n',
        'docs/old.md': header('title: Old doc\nversion: 3.0.0\nlast_updated: 2026-11-01\nstatus: deprecated\nsuperseded_by: ./active.md') + '\n# Old doc\n',
        'docs/overdue.md': header('title: Overdue doc\nversion: 1.0.0\nlast_updated: 2020-01-01\nstatus: active\nreview_every: 30d') + '\n# Overdue doc\n',
        'docs/synthetic.md': header('title: Title from front matter\nversion: 1.0.0\nlast_updated: 2026-11-01\nstatus: active') + '\nNo h1 here.\n',
      },
      configExtra: `plugins: [require(${plugin}).default],`,
    });
    server = await serveStatic(site.buildDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders version, status, owner and last updated right under the h1, in the static HTML', async () => {
    const html = await site.html('/docs/active');
    const article = /<article[\s\S]*<\/article>/.exec(html)![0];
    expect(article).toMatch(/<h1[^>]*>Active doc<\/h1><div[^>]*data-doc-header/);
    const text = article.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Version 1.2.0');
    expect(text).toContain('Status Active');
    expect(text).toContain('Owner platform-team');
    expect(text).toContain('Last updated 2026-11-01');
    expect(article).not.toContain('data-banner');
  });

  it('puts the header under a title that comes from the front matter', async () => {
    const html = await site.html('/docs/synthetic');
    expect(html).toMatch(/<h1[^>]*>Title from front matter<\/h1><\/header><div[^>]*data-doc-header/);
  });

  it('shows a banner on a draft and on a deprecated doc, linking to its successor', async () => {
    expect(await site.html('/docs/draft')).toMatch(/data-banner="?draft"?[^>]*><strong>Draft\.<\/strong>/);
    const old = await site.html('/docs/old');
    expect(old).toMatch(/data-banner="?deprecated"?/);
    expect(old).toMatch(/<a[^>]*href="?\/docs\/active"?[^>]*>Active doc<\/a>/);
  });

  it('shows the overdue review banner in the browser, without console errors', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await openHydrated(page, server.url + '/docs/overdue');
    await expect(page.locator('[data-banner="review-overdue"]').textContent()).resolves.toContain('Review overdue since 2020-01-31');
    expect(await page.locator('[data-doc-header] dd').allTextContents()).toEqual(['1.0.0', 'Active', 'platform-team', '2020-01-01']);
    await openHydrated(page, server.url + '/docs/active');
    expect(await page.locator('[data-banner]').count()).toBe(0);
    // The fixture site has no favicon: Chromium's request for it is the only 404.
    expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    await page.close();
  });
});

describe('build-time check', () => {
  it('fails the build on a header error, with the same report as handbook check', async () => {
    await expect(
      buildFixtureSite({
        name: 'doc-header-broken',
        files: { 'docs/bad.md': header('title: Bad\nversion: 1.0\nlast_updated: 2026-11-01\nstatus: active') + '\n# Bad\n' },
        configExtra: `plugins: [require(${plugin}).default],`,
      }),
    ).rejects.toThrow(/docs\/bad\.md\s+4:1\s+error\s+Unexpected `version: 1\.0`, expected semver MAJOR\.MINOR\.PATCH \(e\.g\. `1\.0\.0`\)\s+header-schema/);
  });
});
