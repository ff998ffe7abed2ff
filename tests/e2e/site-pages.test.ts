import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveStatic } from '../support/static-server.js';
import { shots, startHandbookBuild } from '../support/handbook-build.js';
import { collectConsoleErrors, openHydrated } from '../support/browser.js';
import type { SiteIndex, SiteSystem } from '../../core/site/index.js';

/**
 * The site's other pages in Chromium (`npm run build` first): a system's
 * link graph (readable labels, nodes that are links, the links as text),
 * link contrast on the listings, the search page's `<main>`, axe on every
 * kind of page in both colour modes, and screenshots at 375 and 1366 px
 * (.cache/screenshots/).
 */

/** WCAG contrast ratio of two `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100;
}

describe("the site's own pages: graphs, contrast, landmarks, axe", () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let index: SiteIndex;
  /** The system with the largest graph: if its labels are readable, all are. */
  let largest: SiteSystem;

  beforeAll(async () => {
    ({ server, browser, index } = await startHandbookBuild());
    largest = [...index.systems].sort((a, b) => b.graph.edges.length - a.graph.edges.length)[0]!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: options.width ?? 1366, height: 900 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await openHydrated(page, server.url + path);
    return { context, page, errors };
  }

  const graphSvg = (page: Page) => page.locator('[data-system-graph] .docusaurus-mermaid-container svg');

  for (const width of [1366, 375]) {
    it(`/systems/<system> at ${width} px: graph labels render at 16 px in a box that scrolls, not the page`, async () => {
      const { context, page, errors } = await open(`/systems/${largest.name}`, { width });
      await graphSvg(page).waitFor({ timeout: 30_000 });
      const measured = await page.evaluate(() => {
        const box = document.querySelector<HTMLElement>('[data-system-graph]')!;
        const svg = box.querySelector('svg')!;
        // Rendered size = computed font size x the SVG's scale (its drawn width over its viewBox width).
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('.nodeLabel')].map((label) => parseFloat(getComputedStyle(label).fontSize) * scale);
        return {
          labels: sizes.length,
          smallest: Math.round(Math.min(...sizes) * 100) / 100,
          boxScrolls: box.scrollWidth > box.clientWidth,
          pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(measured).toEqual({ labels: largest.graph.nodes.length, smallest: 16, boxScrolls: true, pageOverflow: 0 });
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(shots, `system-${largest.name}-${width}.png`) });
      await context.close();
    });
  }

  it('/systems/<system>: each node of the graph is a link to its doc, followed in the app', async () => {
    const { context, page, errors } = await open(`/systems/${largest.name}`);
    await graphSvg(page).waitFor({ timeout: 30_000 });
    const links = await graphSvg(page)
      .locator('a')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href'), label: a.querySelector('.nodeLabel')!.textContent })));
    const byHref = (a: { href: string | null }, b: { href: string | null }) => a.href!.localeCompare(b.href!);
    expect([...links].sort(byHref)).toEqual(largest.graph.nodes.map((n) => ({ href: n.permalink, label: n.title })).sort(byHref));
    // The SVG links take the keyboard's focus like any link.
    const first = graphSvg(page).locator('a').first();
    await first.focus();
    expect(await first.evaluate((a) => document.activeElement === a)).toBe(true);
    // A click is a client-side navigation: the page changes without a reload.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const node = largest.graph.nodes.find((n) => n.permalink === links[0]!.href)!;
    await first.click();
    await page.waitForURL(`**${node.permalink}`);
    await expect.poll(() => page.locator('article h1').first().textContent()).toBe(node.title);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('/systems/<system>: the graph has a text alternative, the same links as a list, and names itself', async () => {
    const { context, page } = await open(`/systems/${largest.name}`);
    await graphSvg(page).waitFor({ timeout: 30_000 });
    const listed = await page.locator('[data-graph-links] > li').evaluateAll((items) =>
      items.flatMap((li) => {
        const [from, ...to] = [...li.querySelectorAll('a')].map((a) => a.pathname);
        return to.map((target) => `${from} -> ${target}`);
      }),
    );
    const permalink = new Map(largest.graph.nodes.map((n) => [n.id, n.permalink]));
    expect(listed.sort()).toEqual(largest.graph.edges.map((e) => `${permalink.get(e.from)} -> ${permalink.get(e.to)}`).sort());
    expect(listed.length).toBe(largest.graph.edges.length);
    // The SVG's accessible name and description (Mermaid's accTitle and accDescr), and the scroll box's name.
    expect(await graphSvg(page).getAttribute('aria-labelledby')).toMatch(/^chart-title-/);
    expect(await graphSvg(page).locator('title').first().textContent()).toBe(`How the ${largest.name} documents link`);
    expect(await graphSvg(page).locator('desc').first().textContent()).toContain('The same links are listed as text under the graph.');
    expect(await page.getByRole('region', { name: `Graph of the ${largest.name} documents' links (scrolls)` }).count()).toBe(1);
    // The list is in the static HTML: it needs no script.
    const html = await (await fetch(`${server.url}/systems/${largest.name}`)).text();
    expect(html).toContain('data-graph-links');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`/systems/<system> (${colorScheme}): the overview and other links in its sentences are underlined, at 4.5:1 or more on the page`, async () => {
      const { context, page } = await open(`/systems/${largest.name}`, { colorScheme });
      const measured = await page.locator('main p a').evaluateAll((links) =>
        links.map((a) => {
          let bg = 'rgba(0, 0, 0, 0)';
          for (let el: Element | null = a; el && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); el = el.parentElement) bg = getComputedStyle(el).backgroundColor;
          // Transparent up to the root: the canvas, white.
          if (/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) bg = 'rgb(255, 255, 255)';
          return { text: a.textContent, color: getComputedStyle(a).color, bg, underline: getComputedStyle(a).textDecorationLine.includes('underline') };
        }),
      );
      expect(measured.some((m) => m.text === 'overview')).toBe(true);
      for (const m of measured) {
        expect({ text: m.text, underline: m.underline }).toEqual({ text: m.text, underline: true });
        // #1f5fa8 on white, #6aa6e8 on #1b1b1d (src/css/custom.css, Infima's dark background).
        expect({ text: m.text, ratio: contrast(m.color, m.bg) }).toEqual({ text: m.text, ratio: colorScheme === 'light' ? contrast('rgb(31, 95, 168)', 'rgb(255, 255, 255)') : contrast('rgb(106, 166, 232)', 'rgb(27, 27, 29)') });
        expect(contrast(m.color, m.bg)).toBeGreaterThanOrEqual(4.5);
      }
      await context.close();
    });
  }

  it('/search: one <main> landmark, holding the search box and the results, not the navbar or the footer', async () => {
    const { context, page, errors } = await open('/search?q=WAL');
    await page.locator('main [class*="searchResultItem_"]').first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('main').locator('input[type=search]').count()).toBe(1);
    expect(await page.getByRole('main').locator('nav.navbar, footer').count()).toBe(0);
    expect(await page.getByRole('main').getByRole('heading', { level: 1 }).textContent()).toBe('Search results for "WAL"');
    expect(errors).toEqual([]);
    await context.close();
  });

  const pages = () => [
    ['home', '/'],
    ['runbook', index.docs.find((d) => d.path === 'docs/abathur/runbooks/wal-growth.md')!.permalink],
    ['procedure', index.docs.find((d) => d.path === 'docs/ms5/verify-deployment.md')!.permalink],
    ['freshness', '/freshness'],
    ['system', `/systems/${largest.name}`],
    ['overview', largest.overview!],
    ['alerts', '/alerts'],
    ['search', '/search?q=WAL'],
  ];

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe: no serious or critical violation on home, a runbook, a procedure, /freshness, /systems/<s> and its overview, /alerts and /search (${colorScheme})`, async () => {
      const found: string[] = [];
      for (const [name, path] of pages()) {
        const { context, page } = await open(path!, { colorScheme });
        // What renders after hydration: the graph, the search results.
        if (name === 'system' || name === 'overview') await graphSvg(page).waitFor({ timeout: 30_000 });
        if (name === 'search') await page.locator('main [class*="searchResultItem_"]').first().waitFor({ timeout: 30_000 });
        // Scrolled through as a reader does: blocks below the first screen are laid out only near it
        // (content-visibility, src/css/site.css), and axe would read a neighbour's placeholder-sized box as the background.
        await page.evaluate(async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
            window.scrollTo(0, y);
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          }
          window.scrollTo(0, 0);
        });
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(`${name} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        }
        await context.close();
      }
      expect(found).toEqual([]);
    }, 300_000);
  }

  it('screenshots at 375 and 1366 px of the home page and /search (the system page: the tests above)', async () => {
    for (const width of [375, 1366]) {
      for (const [name, path] of [['home', '/'], ['search', '/search?q=Integrity%20Check%20Failed']] as const) {
        const { context, page } = await open(path, { width });
        if (name === 'search') await page.locator('main [class*="searchResultItem_"]').first().waitFor({ timeout: 30_000 });
        await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
        await context.close();
      }
    }
  }, 300_000);
});
