import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCorpusIndex, parseDoc, defaultCheckInput, summaryOf } from '../../core/index.js';
import { linkKey, referrersOf } from '../../core/links/index.js';
import { expectAgreement } from '../support/referrers.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { repoRoot } from '../support/fixture-site.js';

describe('linkKey', () => {
  it('names the last segment a link can reach a doc through, or says a full resolution is needed', () => {
    expect(linkKey('./a/b.md#x')).toBe('b.md');
    expect(linkKey('../ops/restart')).toBe('restart');
    expect(linkKey('/docs/ops/restart?x=1#y')).toBe('restart');
    expect(linkKey('@site/docs/a.md')).toBe('a.md');
    expect(linkKey('#anchor')).toBeUndefined();
    expect(linkKey('https://example.com/a.md')).toBeUndefined();
    expect(linkKey('mailto:a@b.c')).toBeUndefined();
    for (const url of ['../', './', '..', '/docs/ops/', 'a%20b.md', 'Ü.md', 'a b.md', 'a\\b.md', '/docs/x/.']) expect(linkKey(url), url).toBeNull();
  });
});

describe('referrersOf agrees with the full link graph', () => {
  it('on tricky link forms: routes, trailing slashes, encodings, index docs, slugs, ids', () => {
    const doc = (path: string, text: string) => parseDoc({ path, text });
    const input = defaultCheckInput({
      today: '2026-11-22',
      docs: [
        doc('docs/index.md', '# Home\n\n[a](./ops/restart.md) [b](ops/) [c](/docs/ops/restart) [d](./ops/Restart.md)\n'),
        doc('docs/ops/index.md', '# Ops\n\n[up](../) [self](#x) [r](restart) [r2](./restart/) [enc](./r%C3%BCck.md)\n'),
        doc('docs/ops/restart.md', '# Restart\n\n## X\n\n[home](/docs/) [ops](..) [slugged](/docs/elsewhere) [id](./renamed)\n'),
        doc('docs/ops/rück.md', '# Rück\n\n[back](./restart.md#x) [dot](./.)\n'),
        doc('docs/ops/slugged.md', '---\nslug: /elsewhere\n---\n# S\n\n[x](../index.md)\n'),
        doc('docs/ops/with-id.md', '---\nid: renamed\n---\n# I\n\n[y](/docs/ops/slugged.md) [z](@site/docs/ops/restart.md)\n'),
        doc('docs/_partial.md', '[p](./ops/restart.md)\n'),
      ],
    });
    expect(expectAgreement(input)).toBeGreaterThanOrEqual(5);
  });

  it('on summaries as on full models', () => {
    const docs = [parseDoc({ path: 'docs/a.md', text: '[b](./b.md)\n' }), parseDoc({ path: 'docs/b.md', text: '[a](a)\n' })];
    const input = defaultCheckInput({ today: '2026-11-22', docs: docs.map(summaryOf) });
    expect(expectAgreement(input)).toBe(2);
  });

  it('reads the link keys an earlier run gave (CheckInput.linkKeys) instead of the links of docs that cannot name the doc', () => {
    const target = parseDoc({ path: 'docs/ops/restart.md', text: '# Restart\n' });
    const referrer = parseDoc({ path: 'docs/a.md', text: '[r](./ops/restart.md)\n' });
    // A cached doc whose links are never to be read: only its keys are known.
    const untouched = { ...summaryOf(parseDoc({ path: 'docs/b.md', text: '[x](./c.md)\n' })), get links(): never { throw new Error('read the links of docs/b.md'); } };
    const input = { ...defaultCheckInput({ today: '2026-11-22', docs: [target, referrer, untouched] }), linkKeys: new Map([['docs/b.md', ['c.md']]]) };
    expect([...referrersOf(input, createCorpusIndex(input), 'docs/ops/restart.md')]).toEqual(['docs/a.md']);
    // Without the keys its links are read.
    const without = defaultCheckInput({ today: '2026-11-22', docs: [target, referrer, untouched] });
    expect(() => referrersOf(without, createCorpusIndex(without), 'docs/ops/restart.md')).toThrow('read the links of docs/b.md');
  });

  it('on the handbook and on the fixture link site', { timeout: 120_000 }, async () => {
    for (const cwd of [repoRoot, resolve(repoRoot, 'tests/fixtures/link-site')]) {
      const input = await loadCheckInput({ cwd, today: '2026-11-22' });
      expect(expectAgreement(input), cwd).toBeGreaterThan(3);
    }
  });
});
