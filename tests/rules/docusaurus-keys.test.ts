import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DOCUSAURUS_KEYS, HEADER_KEYS } from '../../core/header.js';

const require = createRequire(import.meta.url);

describe('Docusaurus front-matter keys', () => {
  it('are every key of the installed docs plugin front-matter schema', () => {
    // The core is pure and cannot ask the plugin; this test is where an upgrade that adds a key shows.
    const { DocFrontMatterSchema } = require('@docusaurus/plugin-content-docs/lib/frontMatter.js') as { DocFrontMatterSchema: { describe(): { keys: Record<string, unknown> } } };
    const known = new Set<string>([...DOCUSAURUS_KEYS, ...HEADER_KEYS]);
    expect(Object.keys(DocFrontMatterSchema.describe().keys).filter((key) => !known.has(key))).toEqual([]);
  });
});
