import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { loadCheckInput } from '../../lib/corpus.js';
import { corpora, CORPORA } from '../support/corpora.js';
import { expectAgreement } from '../support/referrers.js';

describe.skipIf(!existsSync(corpora))('referrersOf agrees with the full link graph on the real corpora', () => {
  for (const [name, docsDir] of CORPORA) {
    it(`on ${name}`, { timeout: 120_000 }, async () => {
      const input = await loadCheckInput({ cwd: resolve(corpora, name), docsDir, today: '2026-11-22' });
      expectAgreement(input);
    });
  }
});
