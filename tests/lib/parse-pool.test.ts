import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/parse.js';
import type { DocModel } from '../../core/types.js';
import { knownModel } from '../../lib/models.js';
import { parseDocs, parsePoolStats } from '../../lib/parse-pool.js';
import { repoRoot } from '../support/fixture-site.js';

describe('parseDocs', () => {
  it('parses in worker threads to the same models and trees as parseDoc, in order, and remembers them', { timeout: 120_000 }, async () => {
    const files = (await glob('docs/ms5/**/*.md', { cwd: repoRoot, absolute: true })).sort();
    expect(files.length).toBeGreaterThan(5);
    const jobs = files.map((file) => ({ file, path: file.slice(repoRoot.length + 1), text: readFileSync(file, 'utf8') }));
    const before = { ...parsePoolStats };
    const models = await parseDocs(jobs, { HANDBOOK_PARSE_WORKERS: '2' });
    // Parsed in the workers indeed (from the TypeScript sources, as the build's plugins run): none fell back.
    expect(parsePoolStats.inWorkers - before.inWorkers).toBe(jobs.length);
    expect(parsePoolStats.onMainThread - before.onMainThread).toBe(0);
    jobs.forEach((job, i) => {
      const expected = parseDoc(job);
      const model = models[i]!;
      expect(model).toEqual(expected);
      expect((model as { tree?: unknown }).tree).toEqual((expected as { tree?: unknown }).tree);
      // The tree rides along as on parseDoc's models: not enumerable, so caches and JSON leave it out.
      expect(Object.keys(model)).not.toContain('tree');
      expect(knownModel(job)).toBe(model);
    });
    // A text this process already parsed is not parsed again.
    const again = await parseDocs(jobs, { HANDBOOK_PARSE_WORKERS: '2' });
    again.forEach((model, i) => expect(model).toBe(models[i]));
  });

  it('keeps no tree when the run asks for none, and parses again for a caller that needs the tree', { timeout: 120_000 }, async () => {
    // Texts no other test parsed, enough of them for the workers.
    const jobs = Array.from({ length: 70 }, (_, i) => ({ file: `/treeless/doc-${i}.md`, path: `docs/doc-${i}.md`, text: `# Doc ${i}\n\n- ## Inner ${i}\n\n[next](./doc-${i + 1}.md)\n` }));
    for (const workers of ['2', '0']) {
      const files = jobs.map((job) => ({ ...job, file: `${job.file}-${workers}` }));
      const treeless = await parseDocs(files, { HANDBOOK_PARSE_WORKERS: workers }, { trees: false });
      treeless.forEach((model, i) => {
        const { tree, ...expected } = parseDoc(files[i]!) as DocModel & { tree?: unknown };
        expect(tree).toBeDefined();
        expect(model).toEqual(expected);
        expect((model as { tree?: unknown }).tree).toBeUndefined();
      });
      // A load that needs trees does not take the treeless models: it parses, and keeps its trees.
      const withTrees = await parseDocs(files, { HANDBOOK_PARSE_WORKERS: workers });
      withTrees.forEach((model, i) => {
        expect(model).not.toBe(treeless[i]);
        expect((model as { tree?: unknown }).tree).toEqual((parseDoc(files[i]!) as { tree?: unknown }).tree);
      });
      // And a treeless load is content with those.
      const again = await parseDocs(files, { HANDBOOK_PARSE_WORKERS: workers }, { trees: false });
      again.forEach((model, i) => expect(model).toBe(withTrees[i]));
    }
  });

  it('parses a text once when two loads ask for it at the same time, as the build plugins do', async () => {
    // Texts no other test parsed; one worker, so the first parse is under way when the second load asks.
    const jobs = Array.from({ length: 3 }, (_, i) => ({ file: `/concurrent/doc-${i}.md`, path: `docs/doc-${i}.md`, text: `# Doc ${i}\n\n[next](./doc-${i + 1}.md)\n` }));
    const before = { ...parsePoolStats };
    const [first, second] = await Promise.all([parseDocs(jobs, { HANDBOOK_PARSE_WORKERS: '1' }), parseDocs(jobs, { HANDBOOK_PARSE_WORKERS: '1' })]);
    second!.forEach((model, i) => expect(model).toBe(first![i]));
    // Three parses in all, in the one worker: the second load waited for the first one's.
    expect([parsePoolStats.inWorkers - before.inWorkers, parsePoolStats.onMainThread - before.onMainThread]).toEqual([3, 0]);
    expect(first!.map((m) => m.headings.map((h) => h.text))).toEqual([['Doc 0'], ['Doc 1'], ['Doc 2']]);
  });
});
