import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/index.js';
import { headerVersionBump as rule } from '../../core/rules/header-version-bump.js';
import { brief, fixturesDir, runRule } from './harness.js';

const fixture = (name: string) => readFileSync(join(fixturesDir, rule.id, name), 'utf8');

/** The fixture `base.md` as `docs/deploy.md` at `origin/main`. */
const base = () => ({ base: { ref: 'origin/main', docs: new Map([['docs/deploy.md', parseDoc({ path: 'docs/deploy.md', text: fixture('base.md') })]]) } });

describe('header-version-bump', () => {
  it.each(['ok-bumped.md', 'ok-unchanged.md', 'ok-tags-added.md'])('%s passes', async (name) => {
    expect(await runRule(rule, 'deploy.md', fixture(name), base())).toEqual([]);
  });

  it('passes new docs and runs only with --base', async () => {
    const changed = fixture('not-ok-same-version.md');
    expect(await runRule(rule, 'new.md', changed, base())).toEqual([]);
    expect(await runRule(rule, 'deploy.md', changed)).toEqual([]);
  });

  it('reports a changed doc that keeps its version, naming the doc and what the base had', async () => {
    expect(brief(await runRule(rule, 'deploy.md', fixture('not-ok-same-version.md'), base()))).toEqual([
      [3, 1, 'error', 'Unexpected `version: 1.4.2` in changed doc docs/deploy.md (origin/main has 1.4.2), expected a version greater than 1.4.2'],
    ]);
  });

  it('passes a doc whose only change is its tags, and reports a retagged doc whose text changed too', async () => {
    const tagged = (tags: string) => fixture('base.md').replace('owner: team\n', `owner: team\ntags: ${tags}\n`);
    const taggedBase = { base: { ref: 'origin/main', docs: new Map([['docs/deploy.md', parseDoc({ path: 'docs/deploy.md', text: tagged('[deployment, sqlite]') })]]) } };
    expect(await runRule(rule, 'deploy.md', tagged('[deployment]'), taggedBase)).toEqual([]);
    expect(await runRule(rule, 'deploy.md', fixture('base.md'), taggedBase)).toEqual([]);
    expect(brief(await runRule(rule, 'deploy.md', fixture('not-ok-tags-and-text.md'), base()))).toEqual([
      [3, 1, 'error', 'Unexpected `version: 1.4.2` in changed doc docs/deploy.md (origin/main has 1.4.2), expected a version greater than 1.4.2'],
    ]);
  });

  it('reports a lower version and an earlier last_updated', async () => {
    expect(brief(await runRule(rule, 'deploy.md', fixture('not-ok-lower.md'), base()))).toEqual([
      [3, 1, 'error', 'Unexpected `last_updated: 2026-10-01` in changed doc docs/deploy.md (origin/main has 2026-11-01), expected 2026-11-01 or later'],
      [4, 1, 'error', 'Unexpected `version: 1.3.9` in changed doc docs/deploy.md (origin/main has 1.4.2), expected a version greater than 1.4.2'],
    ]);
  });
});
