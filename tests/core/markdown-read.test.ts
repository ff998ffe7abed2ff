import { describe, expect, it } from 'vitest';
import { defaultCheckInput, parseDoc, runChecks, toJson, type DocModel } from '../../core/index.js';
import { formatOf, parseMarkdown } from '../../core/markdown.js';
import { linkAnchor } from '../../core/rules/link-anchor.js';
import { linkTarget } from '../../core/rules/link-target.js';
import { createChecklistExport, unparsableProcedures } from '../../core/export.js';
import { markdownOfSiteConfig } from '../../lib/site-markdown.js';

/**
 * Documents read the way the site's build reads them (issue 20): the
 * Markdown format, front matter as gray-matter finds it, anchors the page
 * really has. tests/e2e/markdown-read-build.test.ts builds the same cases
 * with Docusaurus and compares.
 */
const links = (doc: DocModel) => doc.links.map((l) => `${l.kind} ${l.url} ${l.place.start.line}:${l.place.start.column}`);
const problems = (doc: DocModel) => doc.problems.map((p) => `${p.ruleId} ${p.place.start.line}:${p.place.start.column}`);

describe('the Markdown format', () => {
  it('is Docusaurus getFormat: front matter format, then markdown.format, detect by extension', () => {
    expect(formatOf('docs/a.md')).toBe('md');
    expect(formatOf('docs/a.mdx')).toBe('mdx');
    expect(formatOf('docs/a.md', { siteFormat: 'mdx' })).toBe('mdx');
    expect(formatOf('docs/a.mdx', { siteFormat: 'md' })).toBe('md');
    expect(formatOf('docs/a.md', { siteFormat: 'mdx', frontMatterFormat: 'md' })).toBe('md');
    expect(formatOf('docs/a.md', { siteFormat: 'mdx', frontMatterFormat: 'detect' })).toBe('md');
    expect(formatOf('docs/a.md', { siteFormat: 'md', frontMatterFormat: 'nonsense' })).toBe('md');
  });

  const jsx = '---\nid: jsx\n---\n\n<img src={require("./x.png").default} />\n\n[broken](./nope.md)\n';

  it('reads JSX in a .md as MDX when the site says format: mdx (the require is a link, nothing else)', () => {
    const doc = parseDoc({ path: 'docs/jsx.md', text: jsx, markdown: { format: 'mdx' } });
    expect(doc.format).toBe('mdx');
    expect(links(doc)).toEqual(['require ./x.png 5:6', 'link ./nope.md 7:1']);
    expect(problems(doc)).toEqual([]);
  });

  it('reads the same .md as CommonMark with format: detect (the JSX is raw HTML text, no link)', () => {
    const doc = parseDoc({ path: 'docs/jsx.md', text: jsx });
    expect(doc.format).toBe('md');
    expect(links(doc)).toEqual(['link ./nope.md 7:1']);
  });

  it('reports a bare { in a .md under format: mdx, and still reads the file\'s links as CommonMark', () => {
    const doc = parseDoc({ path: 'docs/brace.md', text: '# T\n\nA {bare brace\n\n[link](./x.md)\n\n## H\n', markdown: { format: 'mdx' } });
    expect(problems(doc)).toEqual(['mdx-syntax 3:14']);
    expect(links(doc)).toEqual(['link ./x.md 5:1']);
    expect(doc.headings.map((h) => h.anchor)).toEqual([null, 'h']);
    // The same text is fine CommonMark.
    expect(problems(parseDoc({ path: 'docs/brace.md', text: '# T\n\nA {bare brace\n' }))).toEqual([]);
  });

  it('honours a front matter mdx.format: md on an mdx site (the key the MDX loader reads; a top-level format is not it)', () => {
    const doc = parseDoc({ path: 'docs/raw.md', text: '---\nmdx:\n  format: md\n---\n\nA {brace}\n', markdown: { format: 'mdx' } });
    expect([doc.format, problems(doc)]).toEqual(['md', []]);
    const topLevel = parseDoc({ path: 'docs/raw.md', text: '---\nformat: md\n---\n\nA {brace}\n', markdown: { format: 'mdx' } });
    expect(topLevel.format).toBe('mdx');
  });

  it('reads the site config\'s markdown options and remark-math by identity', () => {
    function remarkMath() {}
    expect(markdownOfSiteConfig({ plugins: [], presets: [] })).toEqual({ format: 'mdx', mdx1Compat: { comments: true, headingIds: true }, math: false });
    expect(
      markdownOfSiteConfig({
        markdown: { format: 'detect', mdx1Compat: { comments: false, admonitions: true, headingIds: true } } as never,
        plugins: [],
        presets: [['classic', { docs: { remarkPlugins: [[remarkMath, {}]] } }]],
      }),
    ).toEqual({ format: 'detect', mdx1Compat: { comments: false, headingIds: true }, math: true });
  });
});

describe('front matter as gray-matter reads it', () => {
  it('strips a UTF-8 BOM before ---', () => {
    const doc = parseDoc({ path: 'docs/bom.md', text: '\uFEFF---\nid: bom\ntitle: Bom\n---\n\n# Bom\n\n## Bom heading\n' });
    expect([doc.frontMatter.present, doc.frontMatter.data, doc.frontMatter.keys.get('title')?.keySpan.start.line]).toEqual([true, { id: 'bom', title: 'Bom' }, 3]);
    expect(doc.headings.map((h) => h.anchor)).toEqual([null, 'bom-heading']);
  });

  it('closes at a line of more dashes, as gray-matter does; the page shows the YAML as a heading, as the build does', () => {
    const doc = parseDoc({ path: 'docs/long.md', text: '---\nid: long\ntitle: Long\n-----\n\n# Long\n\n## Long heading\n' });
    expect([doc.frontMatter.present, doc.frontMatter.data, problems(doc)]).toEqual([true, { id: 'long', title: 'Long' }, []]);
    expect(doc.frontMatter.span?.end.line).toBe(4);
    expect(doc.headings.map((h) => h.anchor)).toEqual(['id-longtitle-long', null, 'long-heading']);
  });

  it('is no front matter when the opening line has four dashes', () => {
    const doc = parseDoc({ path: 'docs/four.md', text: '----\nid: x\n---\n' });
    expect([doc.frontMatter.present, problems(doc)]).toEqual([false, []]);
  });

  it('still reports a front matter that is never closed', () => {
    const doc = parseDoc({ path: 'docs/open.md', text: '---\nid: x\n\n# T\n' });
    expect(problems(doc)).toEqual(['yaml-syntax 1:1']);
  });
});

describe('remark-math on the site', () => {
  const math = '# M\n\n$$\n\\frac{\\alpha}{b}\n$$\n\nInline $\\frac{1}{\\beta}$ and [l](./y.md) cost $5 and $10.\n\n```bash\necho $HOME $x\n```\n';

  it('parses $$ blocks and $...$ spans as remark-math does, at their positions ("$5 and $10" is math there too, as on the page); code stays code', () => {
    const tree = parseMarkdown(math, 'mdx', { mdx1Compat: { comments: true, headingIds: true }, math: true });
    const found: string[] = [];
    const walk = (node: { type: string; value?: string; position?: { start: { line: number; column: number } }; children?: unknown[] }) => {
      if (node.type === 'math' || node.type === 'inlineMath') found.push(`${node.type} ${node.position!.start.line}:${node.position!.start.column} ${node.value}`);
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(tree as never);
    expect(found).toEqual(['math 3:1 \\frac{\\alpha}{b}', 'inlineMath 7:8 \\frac{1}{\\beta}', 'inlineMath 7:47 5 and ']);
  });

  it('reads the math of an MDX doc when the site registers remark-math, and reports it when it does not', () => {
    const withMath = parseDoc({ path: 'docs/math.mdx', text: math, markdown: { math: true } });
    expect([problems(withMath), links(withMath), withMath.codeBlocks[0]?.value]).toEqual([[], ['link ./y.md 7:30'], 'echo $HOME $x']);
    const without = parseDoc({ path: 'docs/math.mdx', text: math });
    expect(problems(without)).toEqual(['mdx-syntax 4:8']);
    expect(links(without)).toEqual(['link ./y.md 7:30']);
  });
});

describe('anchors the built page has', () => {
  it('marks the ids the theme registers: <details id> in MDX; a, li, details, h2-h6 in raw HTML', () => {
    const mdx = parseDoc({ path: 'docs/ids.mdx', text: '<details id="d">\n<summary>s</summary>\n\nb\n\n</details>\n\n<Details id="D">x</Details>\n\n<div id="v">v</div>\n\n<a id="a"></a>\n\n<ul><li id="l">i</li></ul>\n' });
    expect(mdx.htmlAnchors.map((a) => `${a.id}:${a.collected}`)).toEqual(['d:true', 'D:true', 'v:false', 'a:false', 'l:false']);
    const md = parseDoc({ path: 'docs/raw.md', text: '<a id="a"></a>\n\n<a name="n"></a>\n\n<details id="d"><summary>s</summary></details>\n\n<ul><li id="l">i</li></ul>\n\n<h2 id="h">H</h2>\n\n<div id="v">v</div>\n' });
    expect(md.htmlAnchors.map((a) => `${a.id}:${a.collected}`)).toEqual(['a:true', 'n:false', 'd:true', 'l:true', 'h:true', 'v:false']);
  });

  it('records the Markdown partials a doc renders (imported and used as an element)', () => {
    const doc = parseDoc({ path: 'docs/guide/host.mdx', text: "import Part from './_part.mdx';\nimport Unused from '../_unused.mdx';\nimport Site from '@site/docs/_site.md';\n\n<Part />\n\n<Site />\n" });
    expect(doc.embeds).toEqual(['docs/guide/_part.mdx', 'docs/_site.md']);
  });

  async function check(files: Record<string, string>, format: 'md' | 'mdx' | 'detect' = 'detect') {
    const docs = Object.entries(files).map(([path, text]) => parseDoc({ path, text, markdown: { format } }));
    const input = defaultCheckInput({ docs, today: '2026-11-22', files: new Set(Object.keys(files)), partials: new Set(Object.keys(files).filter((p) => /\/_/.test(p))) });
    return (await runChecks(input, [linkTarget, linkAnchor])).map(toJson).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
  }

  it('gives a page the headings and ids of the partials it renders, and checks a partial\'s same-page links on each page that renders it', async () => {
    expect(
      await check({
        'docs/_part.mdx': '## Part heading\n\n[own](#part-heading) [host](#host-heading) [only A](#only-a)\n\n<details id="in-part"><summary>s</summary></details>\n',
        'docs/_unused.mdx': '[nowhere](#nowhere)\n',
        'docs/host-a.mdx': "import Part from './_part.mdx';\n\n# A\n\n## Host heading\n\n## Only A\n\n<Part />\n",
        'docs/host-b.mdx': "import Part from './_part.mdx';\n\n# B\n\n## Host heading\n\n<Part />\n",
        'docs/links.md': '# L\n\n[a](./host-a.mdx#part-heading) [b](./host-b.mdx#in-part) [c](./host-b.mdx#only-a)\n',
      }),
    ).toEqual([
      'docs/_part.mdx:3:44 link-anchor Unexpected missing anchor `#only-a` on the page of `docs/host-b.mdx`, which renders this partial, expected a heading anchor of every page that renders it (found on `docs/host-a.mdx`)',
      'docs/links.md:3:58 link-anchor Unexpected missing anchor `#only-a` in `docs/host-b.mdx`, expected a heading anchor',
    ]);
  });

  it('accepts links to registered ids and reports the others as before', async () => {
    expect(
      await check({
        'docs/ids.mdx': '# Ids\n\n<details id="det">\n<summary>s</summary>\n\nb\n\n</details>\n\n<div id="div-id">d</div>\n',
        'docs/links.md': '# L\n\n[a](./ids.mdx#det) [b](./ids.mdx#div-id)\n',
      }),
    ).toEqual([
      "docs/links.md:3:20 link-anchor Unexpected link to raw HTML anchor `#div-id` (`id=\"div-id\"` in `docs/ids.mdx`): the site's link checker does not see raw HTML ids, expected a heading anchor; put `{#div-id}` on a heading instead",
    ]);
  });
});

describe('the export of a procedure that does not parse', () => {
  it('is reported at the parse error and left out, not dropped silently', () => {
    const good = parseDoc({ path: 'docs/good.md', text: '# Good\n\n```bash\necho ok\n```\n' });
    const bad = parseDoc({ path: 'docs/bad.mdx', text: '# Bad\n\nA {broken\n\n```bash\necho no\n```\n' });
    const badYaml = parseDoc({ path: 'docs/yaml.md', text: '---\ntitle: [\n---\n\n```bash\necho no\n```\n' });
    const noSteps = parseDoc({ path: 'docs/prose.mdx', text: 'A {broken\n' });
    expect(createChecklistExport({ docs: [good, bad, badYaml, noSteps] }).docs.map((d) => d.path)).toEqual(['docs/good.md']);
    expect(unparsableProcedures([good, bad, badYaml, noSteps]).map((u) => `${u.path}:${u.line}:${u.column} ${u.ruleId}`)).toEqual(['docs/bad.mdx:3:10 mdx-syntax', 'docs/yaml.md:2:9 yaml-syntax']);
  });
});
