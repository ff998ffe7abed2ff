import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerVersionHistory as rule } from '../../core/rules/header-version-history.js';
import { brief, fixturesDir, fixturesOf, runRule } from './harness.js';
import { repoRoot } from '../support/fixture-site.js';

const fixture = (name: string) => readFileSync(join(fixturesDir, rule.id, name), 'utf8');

describe('header-version-history', () => {
  it.each(fixturesOf(rule.id).filter((f) => f.name.startsWith('ok')))('$name passes', async ({ name, text }) => {
    expect(await runRule(rule, name, text)).toEqual([]);
  });

  it('reports a history whose highest version is not the header version, and rows that are not versions', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-version.md')))).toEqual([
      [13, 1, 'error', "Unexpected highest version `1.1.0` in the version history, expected `1.2.0` (the header's `version`)"],
      [14, 1, 'error', 'Unexpected version `one` in the version history, expected semver MAJOR.MINOR.PATCH'],
    ]);
  });

  it("reports the newest row's date when it differs from last_updated", async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-date.md')))).toEqual([
      [13, 9, 'error', "Unexpected date `2026-10-31` for 1.2.0 in the version history, expected `2026-11-01` (the header's `last_updated`)"],
    ]);
  });

  it('finds the same table in the doc\'s tree as in its section parsed alone (a model from the cache has no tree)', async () => {
    const docs = [...fixturesOf(rule.id), ...readdirSync(join(repoRoot, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: readFileSync(join(repoRoot, 'docs', f), 'utf8') }))];
    expect(docs.length).toBeGreaterThan(90);
    let reported = 0;
    for (const { name, text } of docs) {
      const fromTree = await runRule(rule, name, text);
      expect(fromTree, name).toEqual(await runRule(rule, name, text, {}, { tree: false }));
      reported += fromTree.length;
    }
    expect(reported).toBe(3);
  });
});
