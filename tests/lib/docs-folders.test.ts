import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsFoldersOfSite, otherRoutesOfSite, siteDocsFoldersFor } from '../../lib/docs-folders.js';

/** A site folder in the system's temporary folder, with these files. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-docs-folders-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const brief = (folders: readonly { instance: string; version: string; dir: string; path: string; checked: string }[]) => folders.map((f) => `${f.instance} ${f.version} ${f.dir} ${f.path} ${f.checked}`);

describe('folders of docs, as the docs plugin reads its versions', () => {
  it('reads versions.json, versioned_docs, lastVersion, onlyIncludeVersions and a second instance', async () => {
    const siteDir = site({ 'versions.json': '["2.0", "1.0"]', 'docs/a.md': '', 'versioned_docs/version-2.0/a.md': '', 'versioned_docs/version-1.0/a.md': '', 'community/a.md': '' });
    const plugins = [['@docusaurus/plugin-content-docs', { id: 'community', path: 'community', routeBasePath: 'community' }]];
    expect(brief(await docsFoldersOfSite({ siteDir, siteConfig: { plugins, presets: [['classic', { docs: {} }]] } as never }))).toEqual([
      'community current community /community all',
      'default current docs /docs/next all',
      'default 2.0 versioned_docs/version-2.0 /docs links',
      'default 1.0 versioned_docs/version-1.0 /docs/1.0 links',
    ]);
    const only = { plugins: [], presets: [['classic', { docs: { routeBasePath: '/', lastVersion: 'current', onlyIncludeVersions: ['current', '1.0'] } }]] };
    expect(brief(await docsFoldersOfSite({ siteDir, siteConfig: only as never }))).toEqual(['default current docs / all', 'default 1.0 versioned_docs/version-1.0 /1.0 links']);
    const noCurrent = { plugins: [], presets: [['classic', { docs: { includeCurrentVersion: false } }]] };
    expect(brief(await docsFoldersOfSite({ siteDir, siteConfig: noCurrent as never }))).toEqual(['default 2.0 versioned_docs/version-2.0 /docs links', 'default 1.0 versioned_docs/version-1.0 /docs/1.0 links']);
  });

  it("names other plugins' routes: the blog's and the top-level pages", () => {
    const siteDir = site({ 'src/pages/index.tsx': '', 'src/pages/about.md': '', 'src/pages/showcase/index.tsx': '', 'src/pages/_partial.md': '' });
    expect(otherRoutesOfSite({ siteDir, siteConfig: { plugins: [], presets: [['classic', { blog: { routeBasePath: 'news' } }]] } as never })).toEqual(['/about', '/news', '/showcase']);
    expect(otherRoutesOfSite({ siteDir, siteConfig: { plugins: [], presets: [['classic', { blog: false, pages: false }]] } as never })).toEqual([]);
  });

  it('takes the docs folder of handbook.config.json, with the versions beside it, without loading Docusaurus', async () => {
    const siteDir = site({ 'versions.json': '["1.0"]', 'runbooks/a.md': '', 'versioned_docs/version-1.0/a.md': '' });
    const found = await siteDocsFoldersFor({ cwd: siteDir, cacheDir: null, docsDir: 'runbooks', routeBasePath: '/ops', fromHandbookConfig: true });
    expect(brief(found.folders!)).toEqual(['default current runbooks /ops/next all', 'default 1.0 versioned_docs/version-1.0 /ops links']);
    const plain = site({ 'docs/a.md': '' });
    expect(await siteDocsFoldersFor({ cwd: plain, cacheDir: null, docsDir: 'docs', routeBasePath: '/docs', fromHandbookConfig: true })).toEqual({ docsDir: 'docs', routeBasePath: '/docs' });
  });

  it('says in one line when the site config cannot be loaded, and goes on with the docs folder', async () => {
    const siteDir = site({ 'docusaurus.config.js': "module.exports = require('a-plugin-that-is-not-installed');\n", 'docs/a.md': '' });
    const found = await siteDocsFoldersFor({ cwd: siteDir, cacheDir: null, docsDir: 'docs', routeBasePath: '/docs', fromHandbookConfig: false });
    expect(found.folders).toBeUndefined();
    expect(found.warning).toMatch(/^docusaurus\.config\.js could not be loaded \(.+\): checking docs\/ at \/docs \(say where the docs are in handbook\.config\.json: docs, routeBasePath\)$/);
  });
});
