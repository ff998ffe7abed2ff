import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { DOCS_EXCLUDE_DEFAULT, DOCS_INCLUDE_DEFAULT } from '../../lib/corpus.js';
import { docsInstancesOf, docsOptionsFor } from '../../lib/docusaurus.js';
import handbookDocs from '../../plugins/docs/index.js';

const require = createRequire(import.meta.url);

describe('docs plugin instances, as the docs plugin validates its options', () => {
  it('finds the wrapped docs plugin of the handbook, the classic preset and a second instance', () => {
    const instances = docsInstancesOf({
      plugins: [[handbookDocs, { path: 'docs', routeBasePath: '/docs', exclude: ['**/drafts/**'] }], ['@docusaurus/plugin-content-docs', { id: 'community', path: 'community/', routeBasePath: 'community' }], 'some-other-plugin'],
      presets: [['classic', { docs: { id: 'runbooks', path: './runbooks', routeBasePath: '/' } }]],
    });
    expect(instances).toEqual([
      { id: 'default', docsDir: 'docs', routeBasePath: '/docs', include: ['**/*.{md,mdx}'], exclude: ['**/drafts/**'] },
      { id: 'community', docsDir: 'community', routeBasePath: '/community', include: ['**/*.{md,mdx}'], exclude: DOCS_EXCLUDE_DEFAULT },
      { id: 'runbooks', docsDir: 'runbooks', routeBasePath: '/', include: ['**/*.{md,mdx}'], exclude: DOCS_EXCLUDE_DEFAULT },
    ]);
  });

  it('gives a plugin the default instance unless its own options say otherwise', () => {
    const site = { plugins: [], presets: [['@docusaurus/preset-classic', { docs: { path: 'handbook', routeBasePath: 'ops' } }] as [string, Record<string, unknown>]] };
    expect(docsOptionsFor(site, {})).toMatchObject({ docsDir: 'handbook', routeBasePath: '/ops' });
    expect(docsOptionsFor(site, { docsDir: 'other' })).toMatchObject({ docsDir: 'other', routeBasePath: '/ops' });
    expect(docsOptionsFor({ plugins: [], presets: [['classic', { docs: false }]] }, {})).toMatchObject({ docsDir: 'docs', routeBasePath: '/docs' });
  });

  it("uses the docs plugin's own default include and exclude", () => {
    const { DEFAULT_OPTIONS } = require('@docusaurus/plugin-content-docs/lib/options.js') as { DEFAULT_OPTIONS: { include: string[]; exclude: string[] } };
    expect(DOCS_INCLUDE_DEFAULT).toEqual(DEFAULT_OPTIONS.include);
    expect(DOCS_EXCLUDE_DEFAULT).toEqual(DEFAULT_OPTIONS.exclude);
  });
});
