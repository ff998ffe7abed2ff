import { mkdtemp, rm, writeFile, mkdir, readdir, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorpusIndex, defaultCheckInput, parseDoc, routeOfDoc, summaryOf, type DocSummary } from '../../core/index.js';
import { linkKeysOf } from '../../core/links/index.js';
import { loadDocSummaries } from '../../lib/cache.js';
import { knownModel } from '../../lib/models.js';

/** The fields of a summary (a cached one reads them through getters). */
const fields = (s: DocSummary) => ({ path: s.path, frontMatter: s.frontMatter, headings: s.headings, htmlAnchors: s.htmlAnchors, links: s.links, embeds: s.embeds });

describe('loadDocSummaries: summaries for every doc, full models on demand', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function site(docs: Record<string, string>) {
    dir = await mkdtemp(join(tmpdir(), 'handbook-summaries-'));
    await mkdir(join(dir, 'docs'), { recursive: true });
    for (const [name, text] of Object.entries(docs)) await writeFile(join(dir, 'docs', name), text);
    return { cacheDir: join(dir, '.handbook/cache'), paths: Object.keys(docs).map((n) => `docs/${n}`) };
  }

  const a = '---\nid: first\nlast_updated: 2026-01-02\n---\n\n# A\n\n## Step one\n\n<a id="raw"></a>\n\n[b](./b.md#x)\n';
  const b = '# B\n\n## X\n\n[a](/docs/first)\n';

  it('gives summaries equal to the parsed models, with routes and link keys, and the models themselves', async () => {
    const { cacheDir, paths } = await site({ 'a.md': a, 'b.md': b });
    const cold = await loadDocSummaries(dir, paths, { cacheDir });
    expect(cold.stats).toEqual({ docs: 2, unchanged: 0, sameHash: 0, parsed: 2 });
    cold.close();

    const warm = await loadDocSummaries(dir, paths, { cacheDir });
    expect(warm.stats).toEqual({ docs: 2, unchanged: 2, sameHash: 0, parsed: 0 });
    const models = [parseDoc({ path: 'docs/a.md', text: a }), parseDoc({ path: 'docs/b.md', text: b })];
    expect(warm.docs.map(fields)).toEqual(models.map(summaryOf));
    // Only the route keys of the front matter travel with a summary.
    expect(warm.docs[0]!.frontMatter.data).toEqual({ id: 'first' });
    expect(warm.docs.map((d) => linkKeysOf(d))).toEqual([['b.md'], ['first']]);
    // The cache hands them over explicitly, with the routes (CheckInput.linkKeys, CheckInput.routes).
    expect(warm.linkKeys).toEqual(new Map([['docs/a.md', ['b.md']], ['docs/b.md', ['first']]]));
    expect(warm.routes).toEqual(new Map([['docs/a.md', { id: 'first', permalink: '/docs/first' }], ['docs/b.md', { id: 'b', permalink: '/docs/b' }]]));
    const input = defaultCheckInput({ today: '2026-11-22', docs: warm.docs });
    expect([...createCorpusIndex(input).routes.values()]).toEqual([
      { id: 'first', permalink: '/docs/first' },
      { id: 'b', permalink: '/docs/b' },
    ]);
    expect(warm.model('docs/a.md')).toEqual(models[0]);
    // Remembered for the build's checklist remark plugin, which asks for the model of the file it compiles.
    expect(knownModel({ file: `${dir}/docs/a.md`, path: 'docs/a.md', text: a })).toBe(warm.model('docs/a.md'));
    expect(warm.model('docs/a.md').frontMatter.data.last_updated).toBeInstanceOf(Date);
    expect(warm.model('docs/b.md')).toEqual(models[1]);
    warm.close();
  });

  it('keeps the route of an edited doc whose id, slug and number prefix setting are unchanged, and computes it again when one changes', async () => {
    const { cacheDir, paths } = await site({ 'a.md': a, 'b.md': b });
    const asked: string[] = [];
    const route = { key: 'routes-of-this-test', of: (doc: DocSummary) => (asked.push(doc.path), routeOfDoc(doc, 'docs')) };
    const load = async () => {
      asked.length = 0;
      const loaded = await loadDocSummaries(dir, paths, { cacheDir, route });
      loaded.close();
      return { stats: loaded.stats, routes: loaded.routes, asked: [...asked] };
    };
    expect((await load()).asked).toEqual(['docs/a.md', 'docs/b.md']);
    // A body edit: parsed again, its route kept (computing one loads Docusaurus's docs plugin).
    await writeFile(join(dir, 'docs/a.md'), a + '\nOne more line.\n');
    const body = await load();
    expect(body.stats.parsed).toBe(1);
    expect(body.asked).toEqual([]);
    expect(body.routes.get('docs/a.md')).toEqual({ id: 'first', permalink: '/docs/first' });
    // A new slug, then the id removed: each is a new route, computed.
    await writeFile(join(dir, 'docs/a.md'), a.replace('id: first', 'id: first\nslug: /elsewhere'));
    const slug = await load();
    expect(slug.asked).toEqual(['docs/a.md']);
    expect(slug.routes.get('docs/a.md')).toEqual({ id: 'first', permalink: '/docs/elsewhere' });
    await writeFile(join(dir, 'docs/a.md'), a.replace('id: first\n', ''));
    const id = await load();
    expect(id.asked).toEqual(['docs/a.md']);
    expect(id.routes.get('docs/a.md')).toEqual({ id: 'a', permalink: '/docs/a' });
    // Another route producer (another docs folder, route or parser): every route computed again.
    asked.length = 0;
    const other = await loadDocSummaries(dir, paths, { cacheDir, route: { ...route, key: 'other-routes' } });
    other.close();
    expect(other.routes.get('docs/b.md')).toEqual({ id: 'b', permalink: '/docs/b' });
    expect(asked).toEqual(['docs/a.md', 'docs/b.md']);
  });

  it('computes a route from a cached summary as from the model, number prefix setting included', async () => {
    const text = '---\nparse_number_prefixes: false\ntitle: Kept out of the summary\n---\n\n# Guide\n';
    const { cacheDir, paths } = await site({ '01-guide.md': text });
    const route = (key: string) => ({ key, of: (doc: DocSummary) => routeOfDoc(doc, 'docs') });
    (await loadDocSummaries(dir, paths, { cacheDir, route: route('first') })).close();
    // Unchanged doc, another route producer: its route is computed from the cached summary.
    const warm = await loadDocSummaries(dir, paths, { cacheDir, route: route('second') });
    warm.close();
    expect(warm.stats.unchanged).toBe(1);
    expect(warm.docs[0]!.frontMatter.data).toEqual({ parse_number_prefixes: false });
    expect(warm.routes.get('docs/01-guide.md')).toEqual({ id: '01-guide', permalink: '/docs/01-guide' });
  });

  it('parses a doc again when its records are lost from the cache, and recovers from a corrupt index', async () => {
    const { cacheDir, paths } = await site({ 'a.md': a, 'b.md': b });
    (await loadDocSummaries(dir, paths, { cacheDir })).close();
    const [recordsFile] = (await readdir(cacheDir)).filter((f) => f.startsWith('records-'));
    const loaded = await loadDocSummaries(dir, paths, { cacheDir });
    await unlink(join(cacheDir, recordsFile!));
    expect(loaded.model('docs/b.md')).toEqual(parseDoc({ path: 'docs/b.md', text: b }));
    expect(fields(loaded.docs[0]!)).toEqual(summaryOf(parseDoc({ path: 'docs/a.md', text: a })));
    loaded.close();

    await writeFile(join(cacheDir, 'docs.v8'), 'not a cache');
    const again = await loadDocSummaries(dir, paths, { cacheDir });
    expect(again.stats.parsed).toBe(2);
    expect(again.model('docs/a.md')).toEqual(parseDoc({ path: 'docs/a.md', text: a }));
    again.close();
  });

  it('appends edited models, compacts the records file when most of it is stale, and keeps one records file', { timeout: 120_000 }, async () => {
    const big = (n: number) => `# Doc\n\n${Array.from({ length: 400 }, (_, i) => `## Heading ${n} ${i}\n\nText [x](./b.md#x).\n`).join('\n')}`;
    const { cacheDir, paths } = await site({ 'a.md': big(0), 'b.md': b });
    (await loadDocSummaries(dir, paths, { cacheDir })).close();
    const names = new Set<string>();
    for (let n = 1; n <= 40; n++) {
      await writeFile(join(dir, 'docs/a.md'), big(n));
      const loaded = await loadDocSummaries(dir, paths, { cacheDir });
      expect(loaded.stats.parsed).toBe(1);
      loaded.close();
      const models = (await readdir(cacheDir)).filter((f) => f.startsWith('records-'));
      expect(models).toHaveLength(1);
      names.add(models[0]!);
    }
    // Compacted at least once (a new file), not on every edit.
    expect(names.size).toBeGreaterThan(1);
    expect(names.size).toBeLessThan(20);
    const last = await loadDocSummaries(dir, paths, { cacheDir });
    expect(last.stats.unchanged).toBe(2);
    expect(last.model('docs/a.md')).toEqual(parseDoc({ path: 'docs/a.md', text: big(40) }));
    expect(last.model('docs/b.md')).toEqual(parseDoc({ path: 'docs/b.md', text: b }));
    last.close();
  });

  it('skips writing while another run holds the lock', async () => {
    const { cacheDir, paths } = await site({ 'a.md': a });
    await mkdir(cacheDir, { recursive: true });
    await writeFile(join(cacheDir, 'docs.lock'), '');
    (await loadDocSummaries(dir, paths, { cacheDir })).close();
    expect((await readdir(cacheDir)).sort()).toEqual(['docs.lock']);
    await unlink(join(cacheDir, 'docs.lock'));
    (await loadDocSummaries(dir, paths, { cacheDir })).close();
    expect((await loadDocSummaries(dir, paths, { cacheDir })).stats.unchanged).toBe(1);
  });
});
