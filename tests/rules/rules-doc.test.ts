import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc } from '../../scripts/rules-doc.js';
import { repoRoot } from '../support/fixture-site.js';

describe('docs/handbook/check-rules.md', () => {
  it('is exactly what the rule fixtures generate (regenerate: npx tsx scripts/rules-doc.ts > docs/handbook/check-rules.md)', async () => {
    const committed = readFileSync(join(repoRoot, 'docs', 'handbook', 'check-rules.md'), 'utf8');
    expect(committed).toBe(await renderRulesDoc());
  }, 60_000);
});
