import { mkdtemp, rm, writeFile, mkdir, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/index.js';
import { loadDocSummaries } from '../../lib/cache.js';

/** Every doc's full model through the cache, as `handbook check` over all docs loads them. */
async function loadDocs(cwd: string, paths: string[], options: { cacheDir: string }) {
  const loaded = await loadDocSummaries(cwd, paths, options);
  try {
    return { docs: paths.map((path) => loaded.model(path)), stats: loaded.stats };
  } finally {
    loaded.close();
  }
}

/** The parsed-doc cache of `handbook check`: same models as parseDoc, one parse per changed doc. */
describe('the parsed-doc cache', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('parses cold, reuses unchanged docs, re-parses an edited one, and keeps Maps and Dates', async () => {
    dir = await mkdtemp(join(tmpdir(), 'handbook-cache-'));
    await mkdir(join(dir, 'docs'));
    const a = '---\nlast_updated: 2026-01-02\n---\n\n# A\n\n## Step\n\n[b](./b.md#x)\n';
    const b = '# B\n\n## X\n';
    await writeFile(join(dir, 'docs/a.md'), a);
    await writeFile(join(dir, 'docs/b.md'), b);
    const cacheDir = join(dir, '.handbook/cache');
    const paths = ['docs/a.md', 'docs/b.md'];

    const cold = await loadDocs(dir, paths, { cacheDir });
    expect(cold.stats).toEqual({ docs: 2, unchanged: 0, sameHash: 0, parsed: 2 });
    expect(cold.docs).toEqual([parseDoc({ path: 'docs/a.md', text: a }), parseDoc({ path: 'docs/b.md', text: b })]);

    const warm = await loadDocs(dir, paths, { cacheDir });
    expect(warm.stats).toEqual({ docs: 2, unchanged: 2, sameHash: 0, parsed: 0 });
    expect(warm.docs).toEqual(cold.docs);
    expect(warm.docs[0]!.frontMatter.data.last_updated).toBeInstanceOf(Date);
    expect(warm.docs[0]!.frontMatter.keys).toBeInstanceOf(Map);

    // Touched but same content: read and hashed, not parsed. Edited: parsed.
    await utimes(join(dir, 'docs/a.md'), new Date(), new Date(Date.now() + 5000));
    const edited = b.replace('## X', '## Y');
    await writeFile(join(dir, 'docs/b.md'), edited);
    const again = await loadDocs(dir, paths, { cacheDir });
    expect(again.stats).toEqual({ docs: 2, unchanged: 0, sameHash: 1, parsed: 1 });
    expect(again.docs[1]).toEqual(parseDoc({ path: 'docs/b.md', text: edited }));
  });
});
