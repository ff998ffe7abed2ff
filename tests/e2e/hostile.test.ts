import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { JSDOM } from 'jsdom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../support/static-server.js';
import { collectConsoleErrors, launchBrowser, openHydrated } from '../support/browser.js';
import { buildFixtureSite, repoRoot, type FixtureSite } from '../support/fixture-site.js';
import { runHandbook } from '../support/cli.js';

/**
 * A site built from hostile docs (issue 24): payloads in titles,
 * descriptions, headings, parameters, step titles, expects, commands and
 * raw HTML, with the handbook's checklist, search options, ejected
 * structured data, mermaid and the Content-Security-Policy plugin. Nothing
 * runs: no dialog, the payloads are literal text, every page carries the
 * policy; the only violation is the raw HTML's own inline script, refused
 * (`handbook check` reports it first: `no-raw-script`).
 */
const payload = (where: string) => `<img src=x onerror=alert('${where}')>`;

const quiet = `---
title: "Restart </script><script>alert('title')</script>"
description: "Restart ${payload('description')}"
params:
  X:
    description: "${payload('param-description')}"
    default: "$(id) \`id\` </script><script>alert('default')</script>"
  TOKEN:
    description: API token
    secret: true
---

## Replace \`${payload('heading')}\` on the host

Restart the service and check it.

\`\`\`bash title="${payload('step-title')}" expect="</script><script>alert('expect')</script>"
cat "$(realpath "\${X}")" '</script><script>alert("command")</script>' "$TOKEN"
\`\`\`

## Diagram

\`\`\`mermaid
graph LR
  A["</script><script>alert('mermaid')</script>"] --> B
\`\`\`
`;

const loud = `---
title: Raw HTML
---

# Raw HTML

<script>alert('raw script')</script>

<img src="x" onerror="alert('raw img')" />

[click](javascript:alert('link'))
`;

describe('a site built from hostile docs', () => {
  let site: FixtureSite;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    const plugin = JSON.stringify(join(repoRoot, 'plugins/checklist/index.ts'));
    const csp = JSON.stringify(join(repoRoot, 'plugins/csp/index.ts'));
    const search = JSON.stringify(join(repoRoot, 'plugins/search/options.ts'));
    const css = JSON.stringify(join(repoRoot, 'src/css/custom.css'));
    site = await buildFixtureSite({
      name: 'hostile-e2e',
      files: {
        'static/favicon.ico': '',
        'src/theme/MDXComponents.tsx': `export { default } from ${JSON.stringify(join(repoRoot, 'src/theme/MDXComponents'))};\n`,
        'src/theme/DocBreadcrumbs/StructuredData/index.tsx': `export { default } from ${JSON.stringify(join(repoRoot, 'src/theme/DocBreadcrumbs/StructuredData'))};\n`,
        'docs/ops/quiet.md': quiet,
        'docs/ops/loud.md': loud,
      },
      configExtra: `
  markdown: { format: 'detect', mermaid: true, mdx1Compat: { comments: true, admonitions: true, headingIds: true }, hooks: { onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn' } },
  presets: [['classic', { docs: { routeBasePath: '/docs', remarkPlugins: [require(${plugin}).remarkChecklist] }, blog: false, theme: { customCss: ${css} } }]],
  themes: ['@docusaurus/theme-mermaid', ['@easyops-cn/docusaurus-search-local', require(${search}).searchLocalOptions]],
  plugins: [require(${plugin}).default, require(${csp}).default],
  themeConfig: { colorMode: { respectPrefersColorScheme: true } },
`,
    });
    server = await serveStatic(site.buildDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page, recording dialogs, console errors and CSP violations from the start. */
  async function open(route: string): Promise<{ page: Page; dialogs: string[]; errors: string[]; violations: () => Promise<string[]> }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors = collectConsoleErrors(page);
    await openHydrated(page, server.url + route);
    return { page, dialogs, errors, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
  }

  it('writes the policy into every page and _headers, with no unsafe-inline for scripts', async () => {
    const pages = await glob('**/*.html', { cwd: site.buildDir });
    expect(pages.length).toBeGreaterThan(3);
    for (const file of pages) {
      const html = await readFile(join(site.buildDir, file), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      expect(meta, file).not.toBeNull();
      expect(meta![1]).toMatch(/^default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; style-src/);
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    }
    const headers = await readFile(join(site.buildDir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; .*object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'\n/);
    expect(/script-src[^;]*unsafe/.test(headers)).toBe(false);
  });

  it('keeps the title inside the JSON-LD and every payload literal in the static HTML', async () => {
    const html = await site.html('/docs/ops/quiet');
    const { document } = new JSDOM(html).window;
    const scripts = [...document.querySelectorAll('script')];
    // Executable scripts: the site's own files and the colour-mode script, none with a payload.
    expect(scripts.filter((s) => !s.src && s.type !== 'application/ld+json').map((s) => s.textContent!.includes('alert('))).toEqual([false]);
    const ld = scripts.filter((s) => s.type === 'application/ld+json');
    expect(ld.length).toBe(1);
    expect(JSON.stringify(JSON.parse(ld[0]!.textContent!))).toContain("Restart </script><script>alert('title')</script>");
    expect(document.querySelectorAll('[onerror], [onclick], [onload]').length).toBe(0);
    expect(document.querySelectorAll('article img').length).toBe(0);
    expect(document.querySelector('h1')!.textContent).toBe("Restart </script><script>alert('title')</script>");
  });

  it('runs nothing on the hostile page: no dialog, no console error, no violation, payloads as text', async () => {
    const { page, dialogs, errors, violations } = await open('/docs/ops/quiet');
    await page.locator('.docusaurus-mermaid-container svg').first().waitFor({ timeout: 30_000 });
    await page.waitForSelector('[data-checklist-step] button');
    expect(await page.locator('h1').innerText()).toBe("Restart </script><script>alert('title')</script>");
    // The heading's anchor link adds a zero-width space.
    expect((await page.locator('h2').first().innerText()).replace(/\u200b/g, '')).toBe(`Replace ${payload('heading')} on the host`);
    expect(await page.locator('[data-checklist-step] label').first().innerText()).toBe(payload('step-title'));
    // A one-line expected output is inline code beside "Expect".
    expect(await page.locator('[data-checklist-step] [class*="expectText"]').last().innerText()).toBe("</script><script>alert('expect')</script>");
    expect(await page.getByLabel('X', { exact: true }).inputValue()).toBe("$(id) `id` </script><script>alert('default')</script>");
    expect(await page.locator('article img').count()).toBe(0);
    // Colour mode switches under the policy: system (light here) -> light -> dark.
    const toggle = page.getByRole('button', { name: /Switch between dark and light mode/ });
    await toggle.click();
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: join(repoRoot, '.cache', 'hostile-checklist.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('escapes search suggestions: a heading with markup is shown as text', async () => {
    const { page, dialogs, errors, violations } = await open('/docs/ops/quiet');
    await page.locator('.navbar__search-input').first().fill('onerror');
    const suggestion = page.locator('.aa-suggestion, [class*="suggestion"]').first();
    await suggestion.waitFor({ timeout: 30_000 });
    const text = await page.locator('.aa-dataset-1, [class*="dropdownMenu"], .aa-dropdown-menu').first().innerText();
    expect(text).toContain("onerror=alert('heading')");
    expect(await page.locator('.aa-dropdown-menu img, [class*="dropdownMenu"] img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('leaves the checklist panel out of the search index', async () => {
    const indexes = (await readdir(site.buildDir)).filter((f) => /^search-index.*\.json$/.test(f));
    expect(indexes.length).toBeGreaterThan(0);
    const text = (await Promise.all(indexes.map((f) => readFile(join(site.buildDir, f), 'utf8')))).join('\n');
    expect(text).toContain('Restart the service and check it');
    expect(text).not.toContain('Estimated total');
    expect(text).not.toContain('steps done');
    expect(text).not.toContain('Secret: not typed here');
  });

  it('refuses the raw HTML of a doc: its inline script is blocked and reported, nothing else runs', async () => {
    const { page, dialogs, errors, violations } = await open('/docs/ops/loud');
    expect(dialogs).toEqual([]);
    // The <script> is in the static HTML and refused; React drops the img's string onerror and
    // replaces the javascript: URL (which would be refused too when clicked).
    expect((await site.html('/docs/ops/loud')).includes('<script>alert("raw script")</script>')).toBe(true);
    expect((await violations()).map((v) => v.split(' ').slice(0, 2).join(' '))).toEqual(['script-src-elem inline']);
    // The console: the refusal, the image's 404, and React's complaints about the raw HTML it hydrates
    // (#418: the <script> element it did not render; #231: `onerror` given as a string).
    const kind = (e: string) =>
      /^Executing inline script violates the following Content Security Policy directive 'script-src 'self' 'sha256-/.test(e) ? 'csp'
      : /^Failed to load resource: .* 404/.test(e) ? '404'
      : /Minified React error #(418|231)/.exec(e)?.[0].slice(-3) ?? e;
    expect(errors.map(kind).sort()).toEqual(['231', '404', '404', '418', 'csp']);
    expect(await page.locator('h1').innerText()).toBe('Raw HTML');
  });

  it('handbook check flags the raw HTML doc with no-raw-script at its lines', async () => {
    const result = await runHandbook(['check', 'docs/ops/loud.md', '--format', 'json'], { cwd: site.siteDir });
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; line: number; column: number }[] };
    const findings = diagnostics.filter((d) => d.ruleId === 'no-raw-script');
    expect(findings.map((d) => [d.line, d.column])).toEqual([
      [7, 1],
      [9, 14],
      [11, 9],
    ]);
  });
});
