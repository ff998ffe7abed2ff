import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/parse.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { repoRoot } from '../support/fixture-site.js';
import { corpora, CORPORA } from '../support/corpora.js';

/**
 * One meaning of Markdown: the models `handbook check` works on, whether
 * parsed in worker threads on a cold start or read back from the cache on
 * the next run, equal `parseDoc`'s of each file's text, doc by doc.
 */
const SITES = [['the handbook', repoRoot, 'docs'], ...CORPORA.map(([name, docsDir]) => [name, resolve(corpora, name), docsDir])] as const;

describe('the check reads every doc exactly as parseDoc does', () => {
  for (const [name, cwd, docsDir] of SITES) {
    it(`on ${name}, cold (parse workers) and warm (cache)`, { timeout: 300_000 }, async () => {
      const cacheDir = mkdtempSync(join(tmpdir(), 'handbook-models-'));
      for (const run of ['cold', 'warm']) {
        const input = await loadCheckInput({ cwd, docsDir, cacheDir, today: '2026-12-03', alerts: false });
        expect(input.docs.length, run).toBeGreaterThan(50);
        const differing = input.docs.filter((doc) => {
          const expected = parseDoc({ path: doc.path, text: readFileSync(join(cwd, doc.path), 'utf8') });
          return JSON.stringify(serialisable(doc)) !== JSON.stringify(serialisable(expected));
        });
        expect(differing.map((d) => `${run}: ${d.path}`)).toEqual([]);
      }
    });
  }
});

/** Maps and Dates (front matter) as JSON can compare them. */
function serialisable(value: unknown): unknown {
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [k, serialisable(v)]) };
  if (value instanceof Date) return { date: value.toISOString() };
  if (Array.isArray(value)) return value.map(serialisable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialisable(v)]));
  return value;
}
