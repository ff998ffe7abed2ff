import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCheckInput, parseDoc, runChecks, toJson, type CheckInput } from '../../core/index.js';
import { linkAnchor } from '../../core/rules/link-anchor.js';
import { linkTarget } from '../../core/rules/link-target.js';
import { orphanDoc } from '../../core/rules/orphan-doc.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { repoRoot } from '../support/fixture-site.js';

/**
 * The link fixture site (tests/fixtures/link-site): `docs/links-ok.md` has 31
 * link forms that work, `docs/links-broken.md` 20 that are broken. The same
 * site is built with Docusaurus in tests/e2e/links-build.test.ts, which shows
 * the build and `handbook check` agree.
 */
export const linkSite = resolve(repoRoot, 'tests/fixtures/link-site');
const linkRules = [linkTarget, linkAnchor, orphanDoc];

async function checkSite(): Promise<string[]> {
  const input = await loadCheckInput({ cwd: linkSite, today: '2026-11-22', renderedBy: 'docusaurus' });
  return (await runChecks(input, linkRules)).map(toJson).map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.ruleId} ${d.message}`);
}

describe('link-target and link-anchor on the fixture site', () => {
  it('reports every broken form of docs/links-broken.md exactly, and nothing else', async () => {
    const expected: [number, number, number, number, string, string][] = [
      [3, 4, 3, 34, 'link-target', "Unexpected link to missing doc `./guide/setp.md` (`docs/guide/setp.md`), expected an existing doc; did you mean `./guide/setup.md`?"],
      [4, 4, 4, 34, 'link-target', "Unexpected `./guide/Setup.md` (`docs/guide/Setup.md`), expected `./guide/setup.md` (`docs/guide/setup.md`): file names are case-sensitive on the build machine"],
      [5, 4, 5, 55, 'link-anchor', "Unexpected missing anchor `#instal-the-agent` in `docs/guide/setup.md`, expected a heading anchor; did you mean `#install-the-agent`?"],
      [6, 4, 6, 53, 'link-anchor', "Unexpected missing anchor `#Install-the-agent` in `docs/guide/setup.md`, expected a heading anchor; did you mean `#install-the-agent`?"],
      [7, 4, 7, 46, 'link-anchor', "Unexpected link to raw HTML anchor `#legacy` (`name=\"legacy\"` in `docs/guide/setup.md`): the site's link checker does not see raw HTML ids, expected a heading anchor; put `{#legacy}` on a heading instead"],
      [8, 4, 8, 45, 'link-anchor', "Unexpected link to `#setup-guide`, the title (h1) of `docs/guide/setup.md`: the site renders the h1 without an anchor, expected a link to the doc itself or to an h2-h6 heading"],
      [9, 4, 9, 21, 'link-anchor', "Unexpected missing anchor `#nope` in this doc, expected a heading anchor (it has no h2-h6 headings)"],
      [10, 4, 10, 37, 'link-target', "Unexpected link to unknown route `/docs/guide/setp`, expected a doc route; did you mean `/docs/guide/setup`?"],
      [11, 4, 11, 42, 'link-anchor', "Unexpected missing anchor `#nope` in `docs/guide/setup.md`, expected a heading anchor"],
      [12, 5, 12, 40, 'link-target', "Unexpected missing image `./img/missing.png` (`docs/img/missing.png`), expected an existing file"],
      [13, 5, 13, 46, 'link-target', "Unexpected missing image `/img/missing.png` (`static/img/missing.png`), expected an existing file"],
      [14, 5, 14, 53, 'link-target', "Unexpected link to missing file `../scripts/missing.sh` (`scripts/missing.sh`), expected an existing file"],
      [15, 5, 15, 42, 'link-target', "Unexpected link to `../README.md` (`README.md`), which is not a doc of the site: Docusaurus resolves `.md` links only to docs under `docs/`, expected a doc"],
      [17, 8, 17, 31, 'link-target', "Unexpected raw HTML link to Markdown file `./guide/setup.md`: the site does not resolve it, expected a Markdown link `[text](./guide/setup.md)` or the doc's route"],
      [18, 5, 18, 14, 'link-target', "Unexpected empty link URL, expected a doc, route, file or `#anchor`"],
      [19, 5, 19, 37, 'link-target', "Unexpected link to missing doc `@site/docs/nope.md` (`docs/nope.md`), expected an existing doc"],
      [20, 5, 20, 46, 'link-target', "Unexpected link to missing file `/files/missing.pdf` (`static/files/missing.pdf`), expected an existing file"],
      [21, 5, 21, 43, 'link-target', "Unexpected `./guide/camelcase.md` (`docs/guide/camelcase.md`), expected `./guide/CamelCase.md` (`docs/guide/CamelCase.md`): file names are case-sensitive on the build machine"],
      [22, 5, 22, 48, 'link-anchor', "Unexpected missing anchor `#nope` in `docs/guide/setup.md`, expected a heading anchor"],
      [24, 1, 24, 23, 'link-target', "Unexpected link to missing doc `./guide/nope.md` (`docs/guide/nope.md`), expected an existing doc"],
    ];
    expect(await checkSite()).toEqual(expected.map(([l, c, el, ec, rule, message]) => `docs/links-broken.md:${l}:${c}-${el}:${ec} error ${rule} ${message}`));
  });
});

const text = (lines: string[]) => lines.join('\n') + '\n';

async function check(files: Record<string, string>, extra: Partial<CheckInput> = {}) {
  const docs = Object.entries(files)
    .filter(([path]) => /\.mdx?$/.test(path))
    .map(([path, body]) => parseDoc({ path, text: body }));
  const input = defaultCheckInput({ docs, today: '2026-11-22', files: new Set(Object.keys(files)), ...extra });
  return (await runChecks(input, linkRules)).map(toJson).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
}

describe('link forms beyond the fixture site', () => {
  it('checks require() in MDX, superseded_by, partials and explicit MDX ids', async () => {
    const found = await check({
      'docs/a.mdx': text([
        '---',
        'superseded_by: ./gone.md',
        '---',
        '',
        '# A',
        '',
        "<img src={require('./x.png').default} />",
        "<img src={require('./y.png').default} />",
        '',
        '[partial](./_part.md) [mdx id](./b.mdx#mine)',
      ]),
      'docs/b.mdx': '# B\n\n## Heading {/* #mine */}\n',
      'docs/_part.md': '## Partial\n\n[imported elsewhere](/docs/nowhere)\n',
      'docs/x.png': '',
    });
    expect(found).toEqual([
      'docs/a.mdx:2:16 link-target Unexpected link to missing doc `./gone.md` (`docs/gone.md`), expected an existing doc',
      'docs/a.mdx:8:6 link-target Unexpected missing image `./y.png` (`docs/y.png`), expected an existing file; did you mean `./x.png`?',
      "docs/a.mdx:10:1 link-target Unexpected link to `./_part.md` (`docs/_part.md`), which is not a doc of the site: Docusaurus resolves `.md` links only to docs under `docs/`, expected a doc",
    ]);
  });

  it('resolves a .md link to a repository file outside the docs folder only where the repository is what readers see', async () => {
    // CONTRIBUTING.md: a file of the repository, not a doc.
    const files = { 'docs/a.md': text(['# A', '', '[guide](../CONTRIBUTING.md) [gone](../GONE.md)']) };
    const listing = new Set(['docs/a.md', 'CONTRIBUTING.md']);
    const gone = 'docs/a.md:3:29 link-target Unexpected link to missing doc `../GONE.md` (`GONE.md`), expected an existing doc';
    expect(await check(files, { files: listing, renderedBy: 'repository' })).toEqual([gone]);
    expect(await check(files, { files: listing })).toEqual([
      'docs/a.md:3:1 link-target Unexpected link to `../CONTRIBUTING.md` (`CONTRIBUTING.md`), which is not a doc of the site: Docusaurus resolves `.md` links only to docs under `docs/`, expected a doc',
      gone,
    ]);
  });

  it('decodes %-encoded file names and anchors, and honours routeBasePath', async () => {
    const found = await check(
      {
        'docs/my file.md': '# F\n\n## Größe\n',
        'docs/a.md': text(['# A', '', '[ok](./my%20file.md#gr%C3%B6%C3%9Fe) [ok](/runbooks/my%20file#größe) [bad](/docs/my%20file)']),
      },
      { routeBasePath: '/runbooks' },
    );
    expect(found).toEqual([]);
  });

  it('does not check external URLs, code, or links to routes outside the docs', async () => {
    const found = await check({
      'docs/a.md': text(['# A', '', '[x](https://example.com/nope) [y](//cdn.example.com/x.md) [z](/blog/post) [c](/docs/category/ops)', '', '`[x](nope.md)`', '', '    [y](nope.md)']),
    });
    expect(found).toEqual([]);
  });
});

describe('orphan-doc', () => {
  it('warns about a doc no sidebar lists and no other doc links to', async () => {
    const files = {
      'docs/index.md': '# Home\n\n[b](./b.md)\n',
      'docs/b.md': '# B\n\n[self](#b)\n',
      'docs/c.md': '# C\n\n[self](./c.md)\n',
      'docs/d.md': '# D\n',
    };
    expect(await check(files, { sidebarDocIds: new Set(['d']) })).toEqual([
      'docs/b.md:3:1 link-anchor Unexpected link to `#b`, the title (h1) of this doc: the site renders the h1 without an anchor, expected a link to the doc itself or to an h2-h6 heading',
      'docs/c.md:1:1 orphan-doc Unexpected orphan doc `c` (`/docs/c`): no sidebar lists it and no doc links to it, expected a sidebar entry or a link from a related doc',
    ]);
    expect(await check(files)).not.toContainEqual(expect.stringContaining('orphan-doc'));
  });
});

describe('relative routes', () => {
  it('resolve against the page path, with a trailing slash for category index docs', async () => {
    const found = await check({
      'docs/ops/README.md': '# Ops\n\n[ok](./restart) [bad](../restart)\n',
      'docs/ops/restart.md': '# Restart\n\n[ok](./README.md) [ok](../ops/) [bad](./ops)\n',
    });
    expect(found).toEqual([
      'docs/ops/README.md:3:17 link-target Unexpected link to unknown route `../restart` (resolved as `/docs/restart`), expected a doc route',
      'docs/ops/restart.md:3:33 link-target Unexpected link to unknown route `./ops` (resolved as `/docs/ops/ops`), expected a doc route',
    ]);
  });
});
