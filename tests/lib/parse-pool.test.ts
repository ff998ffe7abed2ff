import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/parse.js';
import { knownModel } from '../../lib/models.js';
import { parseDocs } from '../../lib/parse-pool.js';
import { repoRoot } from '../support/fixture-site.js';

describe('parseDocs', () => {
  it('parses in worker threads to the same models and trees as parseDoc, in order, and remembers them', { timeout: 120_000 }, async () => {
    const files = (await glob('docs/ms5/**/*.md', { cwd: repoRoot, absolute: true })).sort();
    expect(files.length).toBeGreaterThan(5);
    const jobs = files.map((file) => ({ file, path: file.slice(repoRoot.length + 1), text: readFileSync(file, 'utf8') }));
    const models = await parseDocs(jobs, { HANDBOOK_PARSE_WORKERS: '2' });
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
});
