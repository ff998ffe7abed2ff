import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from '../../core/script-json.js';

const require = createRequire(import.meta.url);

/**
 * Ejected theme components copy an upstream file: each is pinned here by the
 * hash of the file it was ejected from. When an upgrade changes that file,
 * this fails: compare the new upstream with the ejected copy, carry the
 * change over, and record the new hash.
 */
const ejected: { ours: string; upstream: string; sha256: string }[] = [
  {
    ours: 'src/theme/DocBreadcrumbs/StructuredData/index.tsx',
    upstream: '@docusaurus/theme-classic/lib/theme/DocBreadcrumbs/StructuredData/index.js',
    sha256: '7b282577fb02933d528aefb75826c1d4a56d40dcfdc2c9afff5d2be1bb3f7c27',
  },
];

describe('ejected theme components', () => {
  for (const { ours, upstream, sha256 } of ejected) {
    it(`${ours} follows ${upstream} as ejected`, () => {
      const text = readFileSync(require.resolve(upstream), 'utf8');
      expect(createHash('sha256').update(text).digest('hex'), `${upstream} changed upstream: update ${ours}`).toBe(sha256);
    });
  }
});

describe('scriptSafeJson', () => {
  it('cannot close the script it is written into, and parses to the same value', () => {
    const value = { name: 'Restart </script><script>alert(1)</script> <!-- \u2028' };
    const text = scriptSafeJson(value);
    expect(text).toBe('{"name":"Restart \\u003c/script>\\u003cscript>alert(1)\\u003c/script> \\u003c!-- \\u2028"}');
    expect(text).not.toMatch(/<|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
