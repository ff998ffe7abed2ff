import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.js';
import { renderedByOf } from '../../lib/corpus.js';
import { handbookOptionsFor } from '../../lib/docusaurus.js';
import { configJsonSchema } from '../../scripts/config-schema.js';
import { repoRoot } from '../support/fixture-site.js';

describe('handbook.config.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (npx tsx scripts/config-schema.ts > handbook.config.schema.json)', async () => {
    expect(await readFile(join(repoRoot, 'handbook.config.schema.json'), 'utf8')).toBe(configJsonSchema());
  });

  it('is the schema the repository\'s own config names', async () => {
    const config = JSON.parse(await readFile(join(repoRoot, 'handbook.config.json'), 'utf8')) as { $schema: string };
    expect(config.$schema).toBe('./handbook.config.schema.json');
    expect(loadConfig({ cwd: repoRoot })).toEqual({ file: 'handbook.config.json', docs: 'docs', routeBasePath: '/docs', format: 'detect', siteUrl: 'https://handbook.internal/', rules: {}, alerts: [] });
  });
});

describe('loadConfig', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads handbook.config.json at the folder\'s root, or the defaults without one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'handbook-config-'));
    expect(loadConfig({ cwd: dir })).toEqual({ file: null, docs: 'docs', routeBasePath: '/docs', format: 'detect', siteUrl: null, rules: {}, alerts: [] });
    await writeFile(join(dir, 'handbook.config.json'), '{"docs": "runbooks", "rules": {"header-*": "off"}}');
    expect(loadConfig({ cwd: dir })).toMatchObject({ file: 'handbook.config.json', docs: 'runbooks', rules: { 'header-*': 'off' } });
  });

  it('reads a named file, which must exist, and throws every problem with file, line and column', async () => {
    dir = await mkdtemp(join(tmpdir(), 'handbook-config-'));
    await mkdir(join(dir, 'ci'));
    await writeFile(join(dir, 'ci/handbook.json'), '{\n  "docs": "runbooks",\n  "rules": {"link-anchor": "fatal"}\n}\n');
    expect(() => loadConfig({ cwd: dir, file: 'ci/handbook.json' })).toThrow('ci/handbook.json:3:28: Unexpected `"fatal"`, expected one of `"off"`, `"warning"`, `"error"`');
    expect(() => loadConfig({ cwd: dir, file: 'ci/none.json' })).toThrow('ci/none.json: cannot read the config file (ENOENT)');
  });

  it('gives the build plugins the file\'s docs folder, route and rules; their own options win', async () => {
    dir = await mkdtemp(join(tmpdir(), 'handbook-config-'));
    await writeFile(join(dir, 'handbook.config.json'), '{"docs": "runbooks", "routeBasePath": "ops", "rules": {"header-*": "off"}}');
    const siteConfig = { plugins: [], presets: [['classic', { docs: { path: 'docs', routeBasePath: 'docs' } }]] } as never;
    expect(handbookOptionsFor({ siteDir: dir, siteConfig, given: {} })).toMatchObject({ docsDir: 'runbooks', routeBasePath: '/ops', config: { rules: { 'header-*': 'off' } } });
    expect(handbookOptionsFor({ siteDir: dir, siteConfig, given: { docsDir: 'other' } })).toMatchObject({ docsDir: 'other', routeBasePath: '/ops' });
    await rm(join(dir, 'handbook.config.json'));
    expect(handbookOptionsFor({ siteDir: dir, siteConfig, given: {} })).toMatchObject({ docsDir: 'docs', routeBasePath: '/docs', config: { file: null } });
  });
});

describe('renderedByOf', () => {
  it('is docusaurus for a site (a docusaurus.config.* at its root), repository for a plain folder of Markdown', async () => {
    expect(await renderedByOf(repoRoot)).toBe('docusaurus');
    expect(await renderedByOf(join(repoRoot, 'tests/cli/fixtures/plain-runbooks'))).toBe('repository');
  });
});
