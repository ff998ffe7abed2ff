import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/index.js';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.js';
import { runHandbook } from '../support/cli.js';

/**
 * Routes as Docusaurus serves them, on sites built by the real Docusaurus:
 * a category index with an `id` (served at its folder route), two versions
 * (`versions.json`: 1.0 at /docs, the current docs at /docs/next), a second
 * docs plugin instance (`community`), and docs at `routeBasePath: '/'` with
 * a blog beside them. `handbook check` (the CLI, reading the site's own
 * config) reports exactly the links the build reports broken, no other, and
 * counts the links to other plugins' routes as outside every checked route.
 */

/** The build's findings as `page -> url` (broken links and anchors) and `file:line:column` (broken Markdown links). */
function buildFindings(output: string): string[] {
  const found = new Set<string>();
  for (const m of output.matchAll(/Markdown link with URL `[^`]*` in source file "([^"]*)" \((\d+:\d+)\)/g)) found.add(`${m[1]!.replace(/^.*fixture-sites\/[^/]+\//, '')}:${m[2]}`);
  let page = '';
  for (const line of output.split('\n')) {
    const pageMatch = /Broken (?:link|anchor) on source page path = (\S+):/.exec(line);
    if (pageMatch) page = pageMatch[1]!.replace(/(.)\/$/, '$1');
    const target = /-> linking to (\S+)/.exec(line);
    if (!target) continue;
    const url = target[1]!;
    // The layout's home link on a site without a home page; a Markdown link the build could not resolve (reported above, with its place).
    if (url === '/' || /\.mdx?(#|$)/.test(url)) continue;
    found.add(`${page} -> ${url}`);
  }
  return [...found].sort();
}

/** `handbook check --rules link-target,link-anchor` over the built site, in the same two forms. */
async function ourFindings(site: FixtureSite) {
  const { code, stdout, stderr } = await runHandbook(['check', '--format', 'json', '--rules', 'link-target,link-anchor', '--no-cache'], { cwd: site.siteDir });
  const report = JSON.parse(stdout) as { diagnostics: { file: string; line: number; column: number; ruleId: string; message: string }[]; summary: { outside: { links: number; routes: Record<string, number>; checked: string[] } } };
  const found = new Set<string>();
  for (const d of report.diagnostics) {
    const doc = parseDoc({ path: d.file, text: readFileSync(join(site.siteDir, d.file), 'utf8') });
    const link = doc.links.find((l) => l.place.start.line === d.line && l.place.start.column === d.column)!;
    if (/\.mdx?(#|$)/.test(link.url)) found.add(`${d.file}:${d.line}:${d.column}`);
    else found.add(`${pageOf(d.file)} -> ${link.url}`);
  }
  return { code, stderr, findings: [...found].sort(), diagnostics: report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`), outside: report.summary.outside };
}

/** The pages of the fixtures by file, as the build names them (its permalinks, without a trailing slash). */
const pages: Record<string, string> = {
  'docs/intro.md': '/docs/next/intro',
  'docs/guides/index.md': '/docs/next/guides',
  'versioned_docs/version-1.0/intro.md': '/docs/intro',
  'community/welcome.md': '/community/welcome',
  'root-docs/index.md': '/',
  'root-docs/ops/README.md': '/ops',
};
const pageOf = (file: string) => pages[file] ?? `(no page for ${file})`;

describe('routes as the build serves them: category index with id, versions, docs instances', () => {
  it('reports exactly the links the build reports broken', async () => {
    const site = await buildFixtureSite({
      name: 'routes-versions',
      configExtra: `
  presets: [['classic', { docs: { routeBasePath: '/docs', sidebarPath: false }, blog: false, theme: {} }]],
  plugins: [['@docusaurus/plugin-content-docs', { id: 'community', path: 'community', routeBasePath: 'community', sidebarPath: false }]],`,
      files: {
        'versions.json': '["1.0"]\n',
        'docs/intro.md': [
          '# Intro',
          '',
          '## Setup',
          '',
          '- [guides by file](./guides/index.md)',
          '- [guides by route](/docs/next/guides/)',
          '- [guides by id](/docs/next/guides/guides-home)',
          '- [the 1.0 intro](/docs/intro#setup)',
          '- [no such version path](/docs/1.0/intro)',
          '- [community](/community/welcome#hello)',
          '- [community anchor](/community/welcome#nope)',
          '- [community by file](../community/welcome.md)',
          '- [missing](/docs/next/nope)',
          '- [a page of src/pages](/about)',
          '',
        ].join('\n'),
        'docs/guides/index.md': ['---', 'id: guides-home', '---', '', '# Guides', '', '- [setup, relative to the folder route](setup)', '- [intro](../intro.md#setup)', '- [up](../intro)', ''].join('\n'),
        'docs/guides/setup.md': '# Setup\n\nText.\n',
        'versioned_docs/version-1.0/intro.md': ['# Intro', '', '## Setup', '', '- [next](/docs/next/intro#setup)', '- [gone](/docs/gone)', '- [guides](/docs/guides/)', ''].join('\n'),
        'versioned_docs/version-1.0/guides/index.md': ['---', 'id: guides-home', '---', '', '# Guides', ''].join('\n'),
        'community/welcome.md': ['# Welcome', '', '## Hello', '', '- [docs](/docs/next/intro#setup)', '- [bad anchor](/docs/next/intro#nope)', '- [missing file](./missing.md)', ''].join('\n'),
        'src/pages/about.md': '# About\n\nThe about page.\n',
      },
    });
    const build = buildFindings(site.output);
    const ours = await ourFindings(site);
    expect(ours.stderr).toBe('');
    expect(build).toEqual([
      '/community/welcome -> /docs/next/intro#nope',
      '/docs/intro -> /docs/gone',
      '/docs/next/intro -> /community/welcome#nope',
      '/docs/next/intro -> /docs/1.0/intro',
      '/docs/next/intro -> /docs/next/guides/guides-home',
      '/docs/next/intro -> /docs/next/nope',
      'community/welcome.md:7:3',
      'docs/intro.md:12:3',
    ]);
    expect(ours.findings).toEqual(build);
    expect(ours.diagnostics).toEqual([
      'community/welcome.md:6:3 link-anchor',
      'community/welcome.md:7:3 link-target',
      'docs/intro.md:7:3 link-target',
      'docs/intro.md:9:3 link-target',
      'docs/intro.md:11:3 link-anchor',
      'docs/intro.md:12:3 link-target',
      'docs/intro.md:13:3 link-target',
      'versioned_docs/version-1.0/intro.md:6:3 link-target',
    ]);
    expect(ours.outside).toEqual({ links: 1, routes: { '/about': 1 }, checked: ['/community', '/docs', '/docs/next'] });
    expect(ours.code).toBe(1);
  }, 900_000);
});

describe("routes as the build serves them: docs at routeBasePath '/'", () => {
  it('reports exactly the links the build reports broken, and counts the blog links as outside', async () => {
    const site = await buildFixtureSite({
      name: 'routes-root',
      configExtra: `
  presets: [['classic', { docs: { path: 'root-docs', routeBasePath: '/', sidebarPath: false }, blog: { routeBasePath: 'news', showReadingTime: false, onInlineAuthors: 'ignore', onUntruncatedBlogPosts: 'ignore' }, theme: {} }]],`,
      files: {
        'root-docs/index.md': [
          '# Home',
          '',
          '- [ops by route](/ops/)',
          '- [ops by id](/ops/ops-home)',
          '- [restart, relative](ops/restart#steps)',
          '- [restart anchor](/ops/restart#missing)',
          '- [the news](/news)',
          '- [missing](/nope)',
          '',
        ].join('\n'),
        'root-docs/ops/README.md': ['---', 'id: ops-home', '---', '', '# Ops', '', '- [restart, relative to the folder route](restart)', '- [home](../)', '- [wrong](./ops-home)', ''].join('\n'),
        'root-docs/ops/restart.md': '# Restart\n\n## Steps\n\nText.\n',
        'news/2024-01-01-hello.md': '---\ntitle: Hello\n---\n\nA post.\n',
      },
    });
    const build = buildFindings(site.output);
    const ours = await ourFindings(site);
    expect(ours.stderr).toBe('');
    expect(build).toEqual(['/ -> /nope', '/ -> /ops/ops-home', '/ -> /ops/restart#missing', '/ops -> ./ops-home']);
    expect(ours.findings).toEqual(build);
    expect(ours.diagnostics).toEqual([
      'root-docs/index.md:4:3 link-target',
      'root-docs/index.md:6:3 link-anchor',
      'root-docs/index.md:8:3 link-target',
      'root-docs/ops/README.md:9:3 link-target',
    ]);
    expect(ours.outside).toEqual({ links: 1, routes: { '/news': 1 }, checked: ['/'] });
  }, 900_000);
});
