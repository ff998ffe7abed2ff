import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheVersionConfig, transformSourceHash } from '../../plugins/checklist/cache.js';

describe('persistent cache keyed by the remark transform', () => {
  it('hashes the TypeScript sources: a changed transform is a new hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-cache-'));
    writeFileSync(join(dir, 'remark.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'notes.md'), 'not a source\n');
    const before = transformSourceHash([dir]);
    expect(before).toMatch(/^[0-9a-f]{12}$/);
    writeFileSync(join(dir, 'notes.md'), 'still not a source\n');
    expect(transformSourceHash([dir])).toBe(before);
    writeFileSync(join(dir, 'remark.ts'), 'export const a = 2;\n');
    expect(transformSourceHash([dir])).not.toBe(before);
    expect(transformSourceHash()).toMatch(/^[0-9a-f]{12}$/);
  });

  it('appends the hash to the version of a persistent cache and leaves other settings alone', () => {
    expect(cacheVersionConfig({ experiments: { cache: { type: 'persistent', version: 'client-production-en-3.10.2-abc', buildDependencies: ['x'] } } }, 'h1')).toEqual({
      experiments: { cache: { version: 'client-production-en-3.10.2-abc-checklist-h1' } },
    });
    expect(cacheVersionConfig({}, 'h1')).toEqual({});
    expect(cacheVersionConfig({ experiments: {} }, 'h1')).toEqual({});
  });
});
