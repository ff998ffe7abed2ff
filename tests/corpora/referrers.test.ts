import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { loadCheckInput } from '../../lib/corpus.js';
import { repoRoot } from '../support/fixture-site.js';
import { expectAgreement } from '../support/referrers.js';

/** The shared real corpora beside the repository (../shared/corpora), which only this project's CI has. */
export const corpora = resolve(repoRoot, '../shared/corpora');
export const CORPORA = [
  ['openshift-runbooks', '.'],
  ['prometheus-operator-runbooks', 'content'],
  ['rke2-docs', 'docs'],
] as const;

describe.skipIf(!existsSync(corpora))('referrersOf agrees with the full link graph on the real corpora', () => {
  for (const [name, docsDir] of CORPORA) {
    it(`on ${name}`, { timeout: 120_000 }, async () => {
      const input = await loadCheckInput({ cwd: resolve(corpora, name), docsDir, today: '2026-11-22' });
      expectAgreement(input);
    });
  }
});
