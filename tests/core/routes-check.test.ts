import { describe, expect, it } from 'vitest';
import { defaultCheckInput, parseDoc, runChecks, toJson, type DocsFolder } from '../../core/index.js';
import { outsideLinksOf } from '../../core/links/index.js';
import { linkAnchor } from '../../core/rules/link-anchor.js';
import { linkTarget } from '../../core/rules/link-target.js';

/**
 * The link rules over a site with versions, a second docs plugin instance,
 * a category index with an `id` and docs at `routeBasePath: '/'`: exact
 * rule, file, line and message (the same cases as tests/e2e/routes-build.test.ts,
 * where the real build agrees).
 */
const folders: DocsFolder[] = [
  { instance: 'default', version: 'current', dir: 'docs', path: '/docs/next', checked: 'all' },
  { instance: 'default', version: '1.0', dir: 'versioned_docs/version-1.0', path: '/docs', checked: 'links' },
  { instance: 'community', version: 'current', dir: 'community', path: '/community', checked: 'all' },
];

async function check(files: Record<string, string>, extra: Partial<Parameters<typeof defaultCheckInput>[0]> = {}) {
  const docs = Object.entries(files).map(([path, text]) => parseDoc({ path, text }));
  const input = { ...defaultCheckInput({ docs, today: '2026-11-22', ...extra }) };
  const found = (await runChecks(input, [linkTarget, linkAnchor])).map(toJson).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
  return { found, outside: outsideLinksOf(input) };
}

describe('link rules over versions and docs plugin instances', () => {
  it('resolves routes of every version and instance, and .md links within an instance only', async () => {
    const { found, outside } = await check(
      {
        'docs/intro.md': '# Intro\n\n## Setup\n\n[a](/docs/intro#setup) [b](/docs/1.0/intro) [c](/community/welcome#hello) [d](../community/welcome.md) [e](/about) [f](/blog/x)\n',
        'versioned_docs/version-1.0/intro.md': '# Intro\n\n## Setup\n\n[g](/docs/next/intro#setup) [h](/docs/gone) [i](./intro.md#setup)\n',
        'community/welcome.md': '# Welcome\n\n## Hello\n\n[j](/docs/next/intro#nope)\n',
      },
      { docsFolders: folders, routeBasePath: '/docs/next' },
    );
    expect(found).toEqual([
      'community/welcome.md:5:1 link-anchor Unexpected missing anchor `#nope` in `docs/intro.md`, expected a heading anchor',
      'docs/intro.md:5:24 link-target Unexpected link to unknown route `/docs/1.0/intro`, expected a doc route',
      'docs/intro.md:5:75 link-target Unexpected link to `../community/welcome.md` (`community/welcome.md`), a doc of another docs plugin instance: Docusaurus resolves `.md` links only within an instance, expected its route (`/community/welcome`)',
      'versioned_docs/version-1.0/intro.md:5:29 link-target Unexpected link to unknown route `/docs/gone`, expected a doc route',
    ]);
    expect(outside).toEqual({ links: 2, routes: { '/about': 1, '/blog': 1 }, checked: ['/community', '/docs', '/docs/next'] });
  });

  it('serves a category index with an id at its folder route, so relative links resolve against the folder', async () => {
    const { found } = await check({
      'docs/guides/index.md': '---\nid: guides-home\n---\n\n# Guides\n\n[a](setup) [b](/docs/guides/) [c](/docs/guides/guides-home)\n',
      'docs/guides/setup.md': '# Setup\n',
    });
    expect(found).toEqual([
      'docs/guides/index.md:7:31 link-target Unexpected link to unknown route `/docs/guides/guides-home`, expected a doc route',
    ]);
  });

  it("checks every route of a site whose docs are at '/', other plugins' routes outside", async () => {
    const { found, outside } = await check(
      {
        'docs/index.md': '# Home\n\n[a](/ops/restart) [b](/nope) [c](/news/hello) [d](ops/restart#steps)\n',
        'docs/ops/restart.md': '# Restart\n\n## Steps\n',
      },
      { routeBasePath: '/', otherRoutes: ['/news'] },
    );
    expect(found).toEqual(['docs/index.md:3:19 link-target Unexpected link to unknown route `/nope`, expected a doc route']);
    expect(outside).toEqual({ links: 1, routes: { '/news': 1 }, checked: ['/'] });
  });

  it('checks a past version with the link rules only', async () => {
    const docs = [parseDoc({ path: 'versioned_docs/version-1.0/a.md', text: '# A\n\n## TODO later\n\n[x](/docs/nope)\n' })];
    const input = defaultCheckInput({ docs, today: '2026-11-22', docsFolders: folders });
    const { rules } = await import('../../core/index.js');
    const ids = (await runChecks(input, rules)).map((d) => d.ruleId);
    expect([...new Set(ids)]).toEqual(['link-target']);
  });
});
