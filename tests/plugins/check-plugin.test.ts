import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadContext } from '@docusaurus/types';
import { defaultCheckInput, parseDoc } from '../../core/index.js';
import handbookCheckPlugin, { type CheckPluginContent } from '../../plugins/check/index.js';
import { validateOptions } from '../../plugins/check/options.js';
import { createSuccessors } from '../../plugins/check/successors.js';
import { runHandbook } from '../support/cli.js';

const root = join(import.meta.dirname, '../..');
const context = (siteDir: string, url = 'https://fixture.internal', baseUrl = '/') => ({ siteDir, siteConfig: { staticDirectories: ['static'], url, baseUrl, plugins: [], presets: [] } }) as unknown as LoadContext;

describe('handbook-check plugin options', () => {
  it('throws in a production build and warns in the dev server by default', () => {
    expect(validateOptions(undefined, { NODE_ENV: 'production' })).toEqual({ onError: 'throw', strict: false });
    expect(validateOptions({}, { NODE_ENV: 'development' }).onError).toBe('warn');
    expect(validateOptions({ onError: 'throw', strict: true, docsDir: 'handbook' }, {})).toMatchObject({ onError: 'throw', strict: true, docsDir: 'handbook' });
  });

  it('names a bad option', () => {
    expect(() => validateOptions({ onErrors: 'throw' })).toThrow('handbook-check: unknown option `onErrors`, expected one of docsDir, routeBasePath, onError, strict');
    expect(() => validateOptions({ onError: 'fail' })).toThrow("handbook-check: `onError` must be 'throw' or 'warn'");
    expect(() => validateOptions({ strict: 'yes' })).toThrow('handbook-check: `strict` must be a boolean');
  });
});

describe('createSuccessors', () => {
  it("resolves each deprecated doc's superseded_by to the successor's page and title", () => {
    const doc = (path: string, fm: string, body = '') => parseDoc({ path, text: `---\n${fm}\n---\n${body}` });
    const input = defaultCheckInput({
      today: '2026-11-22',
      docs: [
        doc('docs/a/old.md', 'superseded_by: ../b/new.md#steps'),
        doc('docs/a/gone.md', 'superseded_by: ./missing.md'),
        doc('docs/b/new.md', 'title: The new way\nslug: /new-way'),
        doc('docs/c/old2.md', 'superseded_by: ./index.md'),
        doc('docs/c/index.md', 'version: 1.0.0', '# C home\n'),
      ],
    });
    expect(createSuccessors(input)).toEqual({
      'docs/a/old.md': { permalink: '/docs/new-way#steps', title: 'The new way' },
      'docs/c/old2.md': { permalink: '/docs/c/', title: 'C home' },
    });
  });
});

describe('handbook-check plugin', () => {
  // The plugin reads and writes handbook check's cache; here in a folder of the test's, not in the fixtures.
  let cacheDir = '';
  const given = process.env.HANDBOOK_CACHE_DIR;
  beforeAll(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'handbook-check-plugin-'));
    process.env.HANDBOOK_CACHE_DIR = cacheDir;
  });
  afterAll(() => {
    if (given === undefined) delete process.env.HANDBOOK_CACHE_DIR;
    else process.env.HANDBOOK_CACHE_DIR = given;
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('fails loadContent with the pretty report when a doc has errors and onError is throw', async () => {
    const plugin = handbookCheckPlugin(context(join(root, 'tests/cli/fixtures/check-site')), { onError: 'throw' });
    await expect(plugin.loadContent!()).rejects.toThrow(/handbook check found \d+ error\(s\)[\s\S]*docs\/bad-header\.md\n  3:1  error    Unexpected `version: 1\.0`/);
  });

  it("fails the build on a broken alert runbook URL, read against the site's url and baseUrl", async () => {
    const plugin = handbookCheckPlugin(context(join(root, 'tests/cli/fixtures/alert-site'), 'https://ops.example.com', '/handbook/'), { onError: 'throw' });
    await expect(plugin.loadContent!()).rejects.toThrow(/alerts\/app\/queue\.rules\.yml\n[\s\S]*17:24  error    Unexpected runbook URL with missing anchor `#drainn`/);
  });

  it('returns the diagnostics and successors when it only warns', async () => {
    const plugin = handbookCheckPlugin(context(join(root, 'tests/cli/fixtures/check-site')), { onError: 'warn' });
    const warn = console.warn;
    const error = console.error;
    console.warn = console.error = () => {};
    try {
      const content = (await plugin.loadContent!()) as CheckPluginContent;
      expect(content.diagnostics.some((d) => d.file === 'docs/bad-header.md' && d.ruleId === 'header-schema')).toBe(true);
      expect(content.successors).toEqual({ 'docs/deprecated.md': { permalink: '/docs/good', title: 'A good doc' } });
      // It kept the parsed docs and the findings in handbook check's cache, for the next check or build.
      const kept = readdirSync(cacheDir);
      expect(kept).toContain('docs.v8');
      expect(kept.some((name) => /^rules-\d+\.v8$/.test(name))).toBe(true);
      // A second load reports the same from the cache.
      expect(((await plugin.loadContent!()) as CheckPluginContent).diagnostics).toEqual(content.diagnostics);
    } finally {
      console.warn = warn;
      console.error = error;
    }
  });

  it('checks every version of the docs, as handbook check does on the same site', { timeout: 60_000 }, async () => {
    const siteDir = mkdtempSync(join(tmpdir(), 'handbook-check-plugin-versions-'));
    try {
      const files: Record<string, string> = {
        'docusaurus.config.js': "module.exports = { title: 'x', url: 'https://x.test', baseUrl: '/', presets: [['classic', { docs: {}, blog: false }]] };\n",
        'versions.json': '["1.0"]\n',
        'docs/intro.md': '# Intro\n\nSee [setup](./setup.md).\n',
        'docs/setup.md': '# Setup\n',
        'versioned_docs/version-1.0/intro.md': '# Intro\n\nSee [the old setup](./old-setup.md).\n',
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(siteDir, path)), { recursive: true });
        writeFileSync(join(siteDir, path), text);
      }
      const siteConfig = { staticDirectories: ['static'], url: 'https://x.test', baseUrl: '/', plugins: [], presets: [['classic', { docs: {}, blog: false }]] };
      const plugin = handbookCheckPlugin({ siteDir, siteConfig } as unknown as LoadContext, { onError: 'warn' });
      const warn = console.warn;
      const error = console.error;
      console.warn = console.error = () => {};
      let content: CheckPluginContent;
      try {
        content = (await plugin.loadContent!()) as CheckPluginContent;
      } finally {
        console.warn = warn;
        console.error = error;
      }
      const links = (ds: { file: string; line: number; ruleId: string }[]) => ds.filter((d) => d.ruleId.startsWith('link-')).map((d) => [d.file, d.line, d.ruleId]);
      // The broken link of the past version is found, as the build's own link check would.
      expect(links(content.diagnostics)).toEqual([['versioned_docs/version-1.0/intro.md', 3, 'link-target']]);
      const cli = await runHandbook(['check', '--format', 'json', '--no-cache'], { cwd: siteDir });
      expect(links(JSON.parse(cli.stdout).diagnostics)).toEqual(links(content.diagnostics));
    } finally {
      rmSync(siteDir, { recursive: true, force: true });
    }
  });
});
