import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTagVocabulary } from '../../core/index.js';
import { headerTags as rule } from '../../core/rules/header-tags.js';
import { fixtureTagVocabulary } from '../../scripts/rules-doc.js';
import { brief, fixturesDir, fixturesOf, runRule } from './harness.js';

const fixture = (name: string) => readFileSync(join(fixturesDir, rule.id, name), 'utf8');

/** The fixture vocabulary (`tags.yml` beside the fixtures) as the loader reads `docs/tags.yml`. */
const vocabulary = () => ({ tagVocabulary: fixtureTagVocabulary(rule.id) });

describe('header-tags', () => {
  it.each(fixturesOf(rule.id).filter((f) => f.name.startsWith('ok')))('$name passes', async ({ name, text }) => {
    expect(await runRule(rule, name, text, vocabulary())).toEqual([]);
  });

  it('reports each unknown tag at the tag, with the closest tag of the vocabulary', async () => {
    const found = await runRule(rule, 'restore.md', fixture('not-ok.md'), vocabulary());
    expect(brief(found)).toEqual([
      [7, 8, 'error', 'Unexpected tag `backups-restore`, expected `backup-restore`'],
      [7, 37, 'error', 'Unexpected tag `disaster`, expected a tag defined in docs/tags.yml'],
    ]);
    expect(found[0]).toMatchObject({ endLine: 7, endColumn: 23 });
  });

  it('reports tags of a block list at their line, and an inline tag definition at the key', async () => {
    expect(brief(await runRule(rule, 'rollback.md', fixture('not-ok-block-list.md'), vocabulary()))).toEqual([
      [7, 1, 'error', 'Unexpected mapping in `tags`, expected a tag id defined in docs/tags.yml'],
      [9, 6, 'error', 'Unexpected tag `Rollbacks`, expected `rollback`'],
    ]);
  });

  it('does not run without a vocabulary', async () => {
    expect(await runRule(rule, 'restore.md', fixture('not-ok.md'))).toEqual([]);
  });
});

describe('parseTagVocabulary', () => {
  it('reads the tag ids of a tags.yml', () => {
    expect(parseTagVocabulary(fixture('tags.yml'))).toEqual({ ok: true, tags: new Set(['backup-restore', 'postgresql', 'rollback']) });
    expect(parseTagVocabulary('')).toEqual({ ok: true, tags: new Set() });
  });

  it('reports malformed YAML and other shapes with their line', () => {
    expect(parseTagVocabulary('a:\n  label: x\n b: [')).toMatchObject({ ok: false, line: 3 });
    expect(parseTagVocabulary('- a\n- b\n')).toEqual({ ok: false, message: 'expected a mapping from tag id to its label and description', line: 1, column: 1 });
    expect(parseTagVocabulary('a:\n  label: A\nb: just text\n')).toEqual({ ok: false, message: 'expected `b` to map to its label and description (or nothing)', line: 3, column: 1 });
  });
});
