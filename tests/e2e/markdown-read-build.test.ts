import { describe, expect, it, beforeAll } from 'vitest';
import { runChecks, toJson } from '../../core/index.js';
import { linkAnchor } from '../../core/rules/link-anchor.js';
import { linkTarget } from '../../core/rules/link-target.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { siteMarkdownOf } from '../../lib/site-markdown.js';
import { buildFixtureSite, type FixtureSite } from '../support/fixture-site.js';

/**
 * A site read the way its own build reads it (issue 20): `markdown.format:
 * 'mdx'` (JSX in `.md`), a front matter `mdx.format: md` page with raw HTML ids,
 * an imported partial with headings and same-page links, `<details id>` and
 * the other ids the theme registers (and those it does not), a BOM before the
 * front matter, and a closing fence of five dashes. The build reports with
 * `warn`, so one build lists every broken link and anchor per page;
 * `handbook check` (its link rules, with the Markdown options read from the
 * site's config by Docusaurus's own loader) must report exactly those.
 */
const BOM = '\uFEFF';
const files: Record<string, string> = {
  'docs/jsx.md': `---\nid: jsx\n---\n\n# JSX in Markdown\n\n<img src={require('./x.png').default} alt="x" />\n\n<p style={{color: 'red'}}>Styled</p>\n\n[missing doc](./nope.md) [fine](./bom.md)\n`,
  'docs/x.png': 'not really a png',
  'docs/bom.md': `${BOM}---\nid: bom\ntitle: With a BOM\n---\n\n# With a BOM\n\n## Bom heading\n\n[missing](#nothing) [fine](#bom-heading)\n`,
  'docs/long.md': `---\nid: long\ntitle: Long fence\n-----\n\n# Long fence\n\n## Long heading\n\n[missing](#nothing-either) [fine](#long-heading) [the YAML as a heading](#id-longtitle-long-fence)\n`,
  'docs/_part.mdx': `## Part heading\n\n[own heading](#part-heading) [host heading](#host-heading) [only on A](#only-a)\n\n<details id="det-in-part"><summary>In the partial</summary>Body</details>\n`,
  'docs/host-a.mdx': `---\nid: host-a\n---\n\nimport Part from './_part.mdx';\n\n# Host A\n\n## Host heading\n\n## Only A\n\n<Part />\n`,
  'docs/host-b.md': `---\nid: host-b\n---\n\nimport Part from './_part.mdx';\n\n# Host B\n\n## Host heading\n\n<Part />\n`,
  'docs/ids.mdx': `---\nid: ids\n---\n\n# Ids in MDX\n\n<details id="det">\n<summary>Details</summary>\n\nBody\n\n</details>\n\n<Details id="big-det"><summary>Big</summary>Body</Details>\n\n<div id="div-id">div</div>\n\n<a id="a-id"></a>\n\n<ul><li id="li-id">item</li></ul>\n\n<h2 id="jsx-h2">JSX heading</h2>\n`,
  'docs/raw.md': `---\nid: raw\nmdx:\n  format: md\n---\n\n# Raw HTML in CommonMark\n\nA {brace} is text here.\n\n<a id="raw-a"></a>\n\n<details id="raw-det"><summary>x</summary>y</details>\n\n<ul><li id="raw-li">item</li></ul>\n\n<h2 id="raw-h2">Raw heading</h2>\n\n<div id="raw-div">div</div>\n\n<p><span id="raw-span">span</span></p>\n`,
  'docs/links.md': [
    '---\nid: links\n---\n\n# Links\n',
    '[a](./host-a.mdx#part-heading) [b](./host-b.md#part-heading) [c](./host-a.mdx#det-in-part) [d](./host-a.mdx#nope)',
    '[e](./ids.mdx#det) [f](./ids.mdx#big-det) [g](./ids.mdx#div-id) [h](./ids.mdx#a-id) [i](./ids.mdx#li-id) [j](./ids.mdx#jsx-h2)',
    '[k](./raw.md#raw-a) [l](./raw.md#raw-det) [m](./raw.md#raw-li) [n](./raw.md#raw-h2) [o](./raw.md#raw-div) [p](./raw.md#raw-span)',
    '[q](./bom.md#bom-heading) [r](./long.md#long-heading) [s](./long.md#id-longtitle-long-fence) [t](./jsx.md#nothing)',
    '',
  ].join('\n\n'),
};

/** `page -> url` for every broken link and anchor the build lists (the layout's `/` left out). */
function brokenOfBuild(output: string): string[] {
  const found: string[] = [];
  let page = '';
  let inList = false;
  for (const line of output.split('\n')) {
    if (/found broken (links|anchors)/.test(line)) inList = true;
    const pageMatch = /Broken (?:link|anchor) on source page path = (\S+):/.exec(line);
    if (pageMatch) page = pageMatch[1]!;
    const target = /-> linking to (\S+)/.exec(line);
    if (inList && target && target[1] !== '/') found.push(`${page} -> ${target[1]}`);
  }
  return found.sort();
}

describe('handbook check reads Markdown as the build of a format: mdx site does', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await buildFixtureSite({ name: 'markdown-read', files, format: 'mdx' });
  }, 300_000);

  it('reads markdown.format from the site config with Docusaurus\'s loader', async () => {
    expect(await siteMarkdownOf({ cwd: site.siteDir, cacheDir: null })).toEqual({
      config: 'docusaurus.config.js',
      markdown: { format: 'mdx', mdx1Compat: { comments: true, headingIds: true }, math: false },
    });
  });

  it('reports exactly the broken links and anchors the build reports', async () => {
    const build = brokenOfBuild(site.output);
    expect(build).toEqual([
      '/docs/bom -> #nothing',
      '/docs/host-b -> #only-a',
      '/docs/jsx -> ./nope.md',
      '/docs/links -> /docs/host-a#nope',
      '/docs/links -> /docs/ids#a-id',
      '/docs/links -> /docs/ids#div-id',
      '/docs/links -> /docs/ids#jsx-h2',
      '/docs/links -> /docs/ids#li-id',
      '/docs/links -> /docs/jsx#nothing',
      '/docs/links -> /docs/raw#raw-div',
      '/docs/links -> /docs/raw#raw-span',
      '/docs/long -> #nothing-either',
    ]);

    const read = await siteMarkdownOf({ cwd: site.siteDir, cacheDir: null });
    const input = await loadCheckInput({ cwd: site.siteDir, today: '2026-11-22', markdown: read!.markdown!, alerts: false });
    const ours = (await runChecks(input, [linkTarget, linkAnchor])).map(toJson);
    expect(ours.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'docs/_part.mdx:3:60 link-anchor',
      'docs/bom.md:10:1 link-anchor',
      'docs/jsx.md:11:1 link-target',
      'docs/links.md:8:92 link-anchor',
      'docs/links.md:10:43 link-anchor',
      'docs/links.md:10:65 link-anchor',
      'docs/links.md:10:85 link-anchor',
      'docs/links.md:10:106 link-anchor',
      'docs/links.md:12:85 link-anchor',
      'docs/links.md:12:107 link-anchor',
      'docs/links.md:14:94 link-anchor',
      'docs/long.md:10:1 link-anchor',
    ]);
    // The partial's link is reported once, at its line, naming the page that lacks the anchor.
    expect(ours.find((d) => d.file === 'docs/_part.mdx')!.message).toBe(
      'Unexpected missing anchor `#only-a` on the page of `docs/host-b.md`, which renders this partial, expected a heading anchor of every page that renders it (found on `docs/host-a.mdx`)',
    );
    // Each finding is one of the build's, on the page it lands on, and no other.
    const pageOf = (path: string) => `/docs/${path.replace(/^docs\//, '').replace(/\.mdx?$/, '')}`;
    const asBuild = ours.map((d) => {
      const doc = input.docs.find((x) => x.path === d.file)! as { links: { url: string; place: { start: { line: number; column: number } } }[] };
      const url = doc.links.find((l) => l.place.start.line === d.line && l.place.start.column === d.column)!.url;
      if (d.file === 'docs/_part.mdx') return `/docs/host-b -> ${url}`;
      if (url.startsWith('#') || d.ruleId === 'link-target') return `${pageOf(d.file)} -> ${url}`;
      const [path, hash] = url.split('#');
      return `${pageOf(d.file)} -> ${pageOf(path!.replace(/^\.\//, 'docs/'))}#${hash}`;
    });
    expect(asBuild.sort()).toEqual(build);
  });
});

describe('a .md with a bare `{` on a format: mdx site', () => {
  it('breaks the build, and handbook check reports it at its line', async () => {
    const brace = { 'docs/brace.md': `---\nid: brace\n---\n\n# Brace\n\nA {bare brace breaks MDX.\n\n[missing](./nope.md)\n` };
    const failure = await buildFixtureSite({ name: 'markdown-brace', files: brace, format: 'mdx' }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/brace\.md/);
    expect(failure).toMatch(/Could not parse expression|Unexpected end of file in expression/);

    const siteDir = failure === null ? '' : (await import('../support/fixture-site.js')).repoRoot + '/.cache/fixture-sites/markdown-brace';
    const read = await siteMarkdownOf({ cwd: siteDir, cacheDir: null });
    const input = await loadCheckInput({ cwd: siteDir, today: '2026-11-22', markdown: read!.markdown!, alerts: false });
    const doc = input.docs.find((d) => d.path === 'docs/brace.md')! as { problems: { ruleId: string; place: { start: { line: number } } }[] };
    expect(doc.problems.map((p) => `${p.ruleId}:${p.place.start.line}`)).toEqual(['mdx-syntax:7']);
    // The rest of the file is still read: its broken link is reported too.
    const ours = (await runChecks(input, [linkTarget])).map(toJson);
    expect(ours.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['docs/brace.md:7:26 mdx-syntax', 'docs/brace.md:9:1 link-target']);
  }, 300_000);
});

describe('a site whose docs plugin registers remark-math', () => {
  // Math holds what MDX would read as JSX or an expression, and text that would be a link outside math.
  const math = {
    'docs/math.mdx': `---\nid: math\n---\n\n# Math\n\n## Energy\n\n$$\nE = \\frac{m c}{2} < \\{c\\}\n$$\n\nInline $[x](./not-a-link.md)$ is math, [this](./gone.md) is a link, [that](#energy) an anchor, [none](#nope) broken.\n`,
    'docs/plain.md': `---\nid: plain\n---\n\n# Plain\n\nCosts $[y](./also-math.md)$ here; [math page](./math.mdx#energy) and [missing](./math.mdx#missing).\n`,
  };

  it('is read with remark-math: handbook check reports exactly the build\'s broken links', async () => {
    const site = await buildFixtureSite({ name: 'markdown-math', files: math, format: 'detect', remarkPlugins: ['remark-math'] });
    expect(brokenOfBuild(site.output)).toEqual(['/docs/math -> #nope', '/docs/math -> ./gone.md', '/docs/plain -> /docs/math#missing']);
    const read = await siteMarkdownOf({ cwd: site.siteDir, cacheDir: null });
    expect(read!.markdown!.math).toBe(true);
    const input = await loadCheckInput({ cwd: site.siteDir, today: '2026-11-22', markdown: read!.markdown!, alerts: false });
    const ours = (await runChecks(input, [linkTarget, linkAnchor])).map(toJson);
    expect(ours.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['docs/math.mdx:13:40 link-target', 'docs/math.mdx:13:96 link-anchor', 'docs/plain.md:7:70 link-anchor']);
    // Without remark-math the same docs would give an MDX error and false link findings.
    const unaware = await loadCheckInput({ cwd: site.siteDir, today: '2026-11-22', markdown: { ...read!.markdown!, math: false }, alerts: false });
    expect((await runChecks(unaware, [linkTarget, linkAnchor])).map(toJson).map((d) => d.ruleId)).toContain('mdx-syntax');
  }, 300_000);
});
