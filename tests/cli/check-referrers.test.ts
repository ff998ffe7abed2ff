import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';

async function check(cwd: string, args: string[]) {
  const { code, stdout } = await runHandbook(['check', '--format', 'json', ...args], { cwd });
  return { code, json: JSON.parse(stdout) as { diagnostics: { file: string; line: number; ruleId: string }[]; summary: { files: number } } };
}

const header = (title: string, lastUpdated = '2026-11-01') => `---\ntitle: ${title}\nversion: 1.0.0\nlast_updated: ${lastUpdated}\nstatus: active\nowner: ops\n---\n\n# ${title}\n\n`;

/**
 * `handbook check <file>`: the file with every rule, and the docs whose links
 * point into it with the link rules, through the cache (warm) as without it.
 */
describe('handbook check <file> re-checks the referrers', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports the links a renamed heading broke in other docs, not those docs’ own other findings', async () => {
    dir = await mkdtemp(join(tmpdir(), 'handbook-referrers-'));
    await mkdir(join(dir, 'docs/ops'), { recursive: true });
    await writeFile(join(dir, 'docs/ops/restart.md'), header('Restart') + '## Roll back\n\nUndo it.\n');
    // An overdue review (a warning of its own) and two links into restart.md.
    await writeFile(join(dir, 'docs/ops/uses.md'), header('Uses', '2025-01-01') + 'See [roll back](./restart.md#roll-back).\n\nAnd [again](/docs/ops/restart#roll-back).\n');
    await writeFile(join(dir, 'docs/other.md'), header('Other') + 'Nothing links from here to [uses](./ops/uses.md).\n');

    for (const cache of [[], ['--no-cache']]) {
      const before = await check(dir, ['docs/ops/restart.md', ...cache]);
      expect(before.json.diagnostics).toEqual([]);
      expect(before.json.summary.files).toBe(2);
    }
    await writeFile(join(dir, 'docs/ops/restart.md'), header('Restart') + '## Roll back now\n\nUndo it.\n');
    for (const cache of [[], ['--no-cache']]) {
      const after = await check(dir, ['docs/ops/restart.md', ...cache]);
      expect(after.code).toBe(1);
      expect(after.json.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([
        ['docs/ops/uses.md', 11, 'link-anchor'],
        ['docs/ops/uses.md', 13, 'link-anchor'],
      ]);
    }
    // Named, the referrer gets every rule.
    const named = await check(dir, ['docs/ops/uses.md']);
    expect(named.json.diagnostics.map((d) => d.ruleId)).toEqual(['header-review-overdue', 'link-anchor', 'link-anchor']);
  });
});
