import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/parse.js';
import { extractProcedure } from '../../core/steps.js';
import { shellSyntax, shellSyntaxOneByOne } from '../../lib/services/shell-syntax.js';
import { repoRoot } from '../support/fixture-site.js';
import { corpora } from '../support/corpora.js';

/** Every shell step the shell-syntax rule checks, from the handbook's docs and every shared corpus. */
async function everyShellStep(): Promise<{ script: string; shell: 'bash' | 'sh'; where: string }[]> {
  const files = [
    ...(await glob('docs/**/*.{md,mdx}', { cwd: repoRoot, absolute: true })),
    ...(await glob('**/*.{md,mdx}', { cwd: corpora, absolute: true })),
  ].sort();
  return files.flatMap((file) =>
    extractProcedure(parseDoc({ path: file, text: readFileSync(file, 'utf8') }))
      .steps.filter((s) => s.lang !== 'zsh')
      .map((s) => ({ script: s.command, shell: s.lang === 'sh' ? ('sh' as const) : ('bash' as const), where: `${file}:${s.line}` })),
  );
}

describe('shell-syntax: the batched check equals bash -n, block by block', () => {
  it('on every shell step of the handbook and the shared corpora', { timeout: 600_000 }, async () => {
    const steps = await everyShellStep();
    expect(steps.length).toBeGreaterThan(3000);
    const batch = await Promise.all(steps.map((s) => shellSyntax(s.script, s.shell)));
    const oneByOne = await shellSyntaxOneByOne(steps);
    const disagreements = steps.flatMap((s, i) => (JSON.stringify(batch[i]) === JSON.stringify(oneByOne[i]) ? [] : [`${resolve(s.where)}: batch ${JSON.stringify(batch[i])}, bash -n ${JSON.stringify(oneByOne[i])}`]));
    expect(disagreements).toEqual([]);
    // Both found the corpora's real syntax errors (placeholders such as <node> left in commands).
    expect(oneByOne.filter(Boolean).length).toBeGreaterThan(50);
  });
});
