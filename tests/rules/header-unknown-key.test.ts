import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerUnknownKey as rule } from '../../core/rules/header-unknown-key.js';
import { brief, fixturesDir, fixturesOf, runRule } from './harness.js';

const fixture = (name: string) => readFileSync(join(fixturesDir, rule.id, name), 'utf8');

describe('header-unknown-key', () => {
  it.each(fixturesOf(rule.id).filter((f) => f.name.startsWith('ok')))('$name passes', async ({ name, text }) => {
    expect(await runRule(rule, name, text)).toEqual([]);
  });

  it('warns about unknown keys at the key, with a did-you-mean', async () => {
    const found = await runRule(rule, 'x.md', fixture('not-ok.md'));
    expect(brief(found)).toEqual([
      [4, 1, 'warning', 'Unexpected front matter key `last_udpated`, expected `last_updated`'],
      [7, 1, 'warning', 'Unexpected front matter key `reviewEvery`, expected `review_every`'],
      [
        8,
        1,
        'warning',
        'Unexpected front matter key `colour`, expected a header key (`title`, `version`, `last_updated`, `status`, `owner`, `review_every`, `superseded_by`, `type`, `system`, `params`, `tags`) or a Docusaurus key',
      ],
    ]);
    expect(found[0]).toMatchObject({ endLine: 4, endColumn: 13 });
  });
});
