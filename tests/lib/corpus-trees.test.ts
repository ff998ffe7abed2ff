import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../core/check.js';
import { toJson } from '../../core/diagnostics.js';
import { linkAnchor } from '../../core/rules/link-anchor.js';
import { linkTarget } from '../../core/rules/link-target.js';
import { remarkLintRecommended } from '../../core/rules/remark-lint-recommended.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { repoRoot } from '../support/fixture-site.js';

const linkSite = resolve(repoRoot, 'tests/fixtures/link-site');

const treeOf = (doc: object) => (doc as { tree?: unknown }).tree;

describe('the loader keeps parse trees only for rules that read them', () => {
  it('a treeless load (links only, the export, handbook run) has the same models and findings, without trees; a later load with trees gets them', async () => {
    const options = { cwd: linkSite, today: '2026-11-22', renderedBy: 'docusaurus' as const };
    const treeless = await loadCheckInput({ ...options, trees: false });
    expect(treeless.docs.length).toBeGreaterThan(5);
    expect(treeless.docs.every((doc) => treeOf(doc) === undefined)).toBe(true);

    const withTrees = await loadCheckInput(options);
    expect(withTrees.docs.every((doc) => treeOf(doc) !== undefined)).toBe(true);
    expect(withTrees.docs.map((doc) => ({ ...doc }))).toEqual(treeless.docs.map((doc) => ({ ...doc })));

    const findings = async (input: typeof treeless) => (await runChecks(input, [linkTarget, linkAnchor])).map(toJson);
    expect(await findings(treeless)).toEqual(await findings(withTrees));
    expect((await findings(treeless)).length).toBeGreaterThan(10);
  });

  it('a second load in the same process (the build\'s plugins, one after another) takes the models parsed by the first, trees included, not the cached copies', async () => {
    const site = mkdtempSync(join(tmpdir(), 'handbook-trees-'));
    cpSync(linkSite, site, { recursive: true });
    const options = { cwd: site, today: '2026-11-22', renderedBy: 'docusaurus' as const, cacheDir: join(site, '.cache') };
    const first = await loadCheckInput(options);
    expect(first.docs.every((doc) => treeOf(doc) !== undefined)).toBe(true);
    const second = await loadCheckInput(options);
    second.docs.forEach((doc, i) => expect(doc).toBe(first.docs[i]));
  });

    it('the rules that read a tree say so', () => {
    expect([linkTarget, linkAnchor].map((rule) => rule.readsTree ?? false)).toEqual([false, false]);
    expect(remarkLintRecommended.readsTree).toBe(true);
  });
});
