import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { runChecks, toJson } from '../../core/index.js';
import { linkAnchor } from '../../core/rules/link-anchor.js';
import { linkTarget } from '../../core/rules/link-target.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { buildFixtureSite, repoRoot } from '../support/fixture-site.js';

/**
 * `docusaurus build` and `handbook check` agree on which links of the link
 * fixture site (tests/fixtures/link-site: 31 working forms in links-ok.md,
 * 20 broken ones in links-broken.md) are broken. The fixture site reports
 * instead of throwing (`warn` everywhere), so one build lists every problem:
 * Markdown links and images with line:column, then broken links and anchors
 * per page.
 */
const site = resolve(repoRoot, 'tests/fixtures/link-site');

interface BuildFindings {
  /** `line:column` of broken Markdown links and images (the build gives positions for these). */
  positions: Set<string>;
  /** URLs as written, of broken links on the page. */
  links: Set<string>;
  /** Fragments of broken anchors on the page, in order. */
  anchors: string[];
  /** Pages other than links-broken with any finding besides the layout's `/`. */
  otherPages: string[];
}

function parseBuildOutput(output: string): BuildFindings {
  const positions = new Set<string>();
  for (const m of output.matchAll(/Markdown (?:link|image) with (?:URL `[^`]*`|empty URL found) in source file "[^"]*links-broken\.md" \((\d+:\d+)\)/g)) positions.add(m[1]!);
  const links = new Set<string>();
  const anchors: string[] = [];
  const otherPages: string[] = [];
  let page = '';
  let section: 'links' | 'anchors' | null = null;
  for (const line of output.split('\n')) {
    if (line.includes('found broken links')) section = 'links';
    if (line.includes('found broken anchors')) section = 'anchors';
    const pageMatch = /Broken (?:link|anchor) on source page path = (\S+):/.exec(line);
    if (pageMatch) page = pageMatch[1]!;
    const target = /-> linking to (\S+)/.exec(line);
    if (!target || !section) continue;
    const url = target[1]!;
    if (url === '/') continue; // the layout's home link: this fixture site has no home page
    if (page !== '/docs/links-broken') otherPages.push(`${page} -> ${url}`);
    else if (section === 'links') links.add(url);
    else anchors.push(url.slice(url.indexOf('#') + 1));
  }
  return { positions, links, anchors, otherPages };
}

describe('docusaurus build and handbook check agree on broken links', () => {
  it('reports the same broken links, images and anchors', async () => {
    const files: Record<string, string> = {};
    for (const file of globSync(['**/*'], { cwd: site, ignore: ['.handbook/**'] })) files[file] = readFileSync(resolve(site, file), 'utf8');
    const built = await buildFixtureSite({ name: 'links-build', files });
    const build = parseBuildOutput(built.output);

    // The fixture is the docs of a Docusaurus site (the build adds its config): links resolve as Docusaurus resolves them.
    const input = await loadCheckInput({ cwd: site, today: '2026-11-22', renderedBy: 'docusaurus' });
    const ours = (await runChecks(input, [linkTarget, linkAnchor])).map(toJson);
    expect(new Set(ours.map((d) => d.file))).toEqual(new Set(['docs/links-broken.md']));
    const doc = input.docs.find((d) => d.path === 'docs/links-broken.md')!;
    const urlAt = (line: number, column: number) => doc.links.find((l) => l.place.start.line === line && l.place.start.column === column)!.url;

    // Nothing on any other page, in either.
    expect(build.otherPages).toEqual([]);

    // Anchors: the same fragments, in the same order.
    const ourAnchors = ours.filter((d) => d.ruleId === 'link-anchor').map((d) => urlAt(d.line, d.column).split('#')[1]);
    expect(ourAnchors).toEqual(build.anchors);

    // Links and images: every finding of ours is a broken Markdown link/image the build positions, or a broken link it lists.
    const ourTargets = ours.filter((d) => d.ruleId === 'link-target');
    const seenByBuild = ourTargets.filter((d) => build.positions.has(`${d.line}:${d.column}`) || build.links.has(urlAt(d.line, d.column)));
    expect(seenByBuild).toEqual(ourTargets);
    // ...and every broken link or position the build found is one of ours.
    const ourUrls = new Set(ourTargets.map((d) => urlAt(d.line, d.column)));
    expect([...build.links].filter((url) => !ourUrls.has(url))).toEqual([]);
    const ourPositions = new Set(ourTargets.map((d) => `${d.line}:${d.column}`));
    expect([...build.positions].filter((p) => !ourPositions.has(p))).toEqual([]);
    expect(ourTargets).toHaveLength(13);
    expect(ourAnchors).toHaveLength(7);
  }, 600_000);
});
