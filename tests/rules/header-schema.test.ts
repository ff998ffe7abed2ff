import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerSchema as rule } from '../../core/rules/header-schema.js';
import { brief, fixturesDir, fixturesOf, runRule } from './harness.js';

const fixture = (name: string) => readFileSync(join(fixturesDir, rule.id, name), 'utf8');

describe('header-schema', () => {
  it.each(fixturesOf(rule.id).filter((f) => f.name.startsWith('ok')))('$name passes', async ({ name, text }) => {
    expect(await runRule(rule, name, text)).toEqual([]);
  });

  it('reports a doc without front matter once, at line 1', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-no-front-matter.md')))).toEqual([
      [1, 1, 'error', 'Missing front matter, expected a version header with `title`, `version`, `last_updated`, `status` and `owner`'],
    ]);
  });

  it('reports each missing key at line 1', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-missing-keys.md')))).toEqual([
      [1, 1, 'error', 'Missing `version` in the front matter, expected semver MAJOR.MINOR.PATCH (e.g. `1.0.0`)'],
      [1, 1, 'error', 'Missing `last_updated` in the front matter, expected a date as YYYY-MM-DD'],
      [1, 1, 'error', 'Missing `status` in the front matter, expected `draft`, `active`, `deprecated`'],
      [1, 1, 'error', 'Missing `owner` in the front matter, expected the owning team or person'],
    ]);
  });

  it('reports bad values at their key, judged as written (YAML numbers and dates)', async () => {
    const found = await runRule(rule, 'x.md', fixture('not-ok-values.md'));
    expect(brief(found)).toEqual([
      [2, 1, 'error', 'Unexpected empty `title`, expected a non-empty title'],
      [3, 1, 'error', 'Unexpected `version: 1.0`, expected semver MAJOR.MINOR.PATCH (e.g. `1.0.0`)'],
      [4, 1, 'error', 'Unexpected `last_updated: 2026-02-30`, expected a real calendar date'],
      [5, 1, 'error', 'Unexpected `status: deprecatd`, expected `deprecated`'],
      [6, 1, 'error', 'Unexpected empty `owner`, expected the owning team or person'],
      [7, 1, 'error', 'Unexpected `review_every: 6 months`, expected a period like `90d`, `12w`, `6m` or `1y`'],
      [8, 1, 'error', 'Unexpected list in `type`, expected `runbook`, `procedure`, `checklist`, `guide`, `reference`, `handover`'],
    ]);
    // The span covers the key and its value.
    expect(found[1]).toMatchObject({ file: 'docs/x.md', line: 3, column: 1, endLine: 3, endColumn: 13, ruleId: 'header-schema' });
  });

  it('refuses `<` in title and description: they reach inline scripts and the head', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-markup.md')))).toEqual([
      [2, 1, 'error', 'Unexpected `<` in `title`, expected plain text (write "less than" or use the body for markup)'],
      [3, 1, 'error', 'Unexpected `<` in `description`, expected plain text (write "less than" or use the body for markup)'],
    ]);
  });

  it('reports a date after today and a v-prefixed version', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-dates.md')))).toEqual([
      [3, 1, 'error', 'Unexpected `version: v1.0.0`, expected semver MAJOR.MINOR.PATCH (e.g. `1.0.0`)'],
      [4, 1, 'error', 'Unexpected `last_updated: 2026-11-23` in the future, expected a date no later than today (2026-11-22)'],
    ]);
  });

  it('reports other date formats, leading zeros, wrong case and unknown types', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-date-format.md')))).toEqual([
      [3, 1, 'error', 'Unexpected `version: 01.2.3`, expected semver MAJOR.MINOR.PATCH (e.g. `1.0.0`)'],
      [4, 1, 'error', 'Unexpected `last_updated: 22.11.2026`, expected a date as YYYY-MM-DD'],
      [5, 1, 'error', 'Unexpected `status: Active`, expected `active`'],
      [7, 1, 'error', 'Unexpected `type: playbook`, expected `runbook`, `procedure`, `checklist`, `guide`, `reference`, `handover`'],
    ]);
  });

  it('requires superseded_by for deprecated docs, as a relative link to a doc', async () => {
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-deprecated.md')))).toEqual([
      [5, 1, 'error', 'Missing `superseded_by` for `status: deprecated`, expected a relative link to the replacing doc'],
    ]);
    expect(brief(await runRule(rule, 'x.md', fixture('not-ok-superseded-by.md')))).toEqual([
      [6, 1, 'error', 'Unexpected `superseded_by: https://example.com/new`, expected a relative link to the replacing doc, like `./new-runbook.md`'],
    ]);
  });

  it('leaves partials, docs outside the docs folder and malformed YAML alone', async () => {
    const text = fixture('not-ok-no-front-matter.md');
    expect(await runRule(rule, '_partial.md', text)).toEqual([]);
    expect(await runRule(rule, '_shared/steps.md', text)).toEqual([]);
    expect(await runRule(rule, 'x.md', text, { docsDir: 'other' })).toEqual([]);
    expect(await runRule(rule, 'x.md', '---\ntitle: [\n---\n')).toEqual([]);
  });

  it('is silenced for the file by a lint disable comment right after the front matter', async () => {
    const text = '---\ntitle: x\nversion: 1.0\nlast_updated: 2026-11-01\nstatus: active\nowner: t\n---\n\n<!-- lint disable header-schema -->\n\n# x\n';
    expect(await runRule(rule, 'x.md', text)).toEqual([]);
    expect(await runRule(rule, 'x.mdx', text.replace('<!-- lint disable header-schema -->', '{/* lint disable header-schema */}'))).toEqual([]);
    // After content, a disable covers only what follows it.
    const late = text.replace('<!-- lint disable header-schema -->\n\n# x\n', '# x\n\n<!-- lint disable header-schema -->\n');
    expect(brief(await runRule(rule, 'x.md', late)).map(([line]) => line)).toEqual([3]);
  });
});
