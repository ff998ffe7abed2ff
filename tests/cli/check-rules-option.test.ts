import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'handbook-rules-option-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'docs'));
writeFileSync(join(root, 'docs/a.md'), '# A\n\nSee http://example.com here.\n\n[a](./nope.md)\n');
writeFileSync(join(root, 'docs/b.mdx'), '# B\n\n<div>\n');

const ids = async (rules: string) => {
  const { code, stdout, stderr } = await runHandbook(['check', '--format', 'json', '--rules', rules], { cwd: root });
  return { code, stderr, ids: code === 2 ? [] : (JSON.parse(stdout) as { diagnostics: { file: string; ruleId: string }[] }).diagnostics.map((d) => `${d.file} ${d.ruleId}`) };
};

describe('handbook check --rules', () => {
  it('takes every id the output prints: a rule of remark-lint\'s preset, the parser\'s', async () => {
    expect((await ids('no-literal-urls')).ids).toEqual(['docs/a.md no-literal-urls', 'docs/b.mdx mdx-syntax']);
    expect((await ids('mdx-syntax')).ids).toEqual(['docs/b.mdx mdx-syntax']);
    expect((await ids('link-target')).ids).toEqual(['docs/a.md link-target', 'docs/b.mdx mdx-syntax']);
  });

  it('refuses an unknown id with a did-you-mean', async () => {
    const { code, stderr } = await ids('no-literal-url');
    expect(code).toBe(2);
    expect(stderr).toBe('handbook check: --rules: unknown rule `no-literal-url`, expected ids of `handbook check` rules (did you mean `no-literal-urls`?)\n');
  });
});
