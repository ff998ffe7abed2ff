import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { globSync } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/parse.js';
import { parseDocFast, scan } from '../../core/fast-parse.js';
import { generateCorpus } from '../../bench/generate.js';
import { repoRoot } from '../support/fixture-site.js';

/**
 * One meaning of Markdown: the fast scanner either declines a document or
 * returns exactly parseDoc's model. Checked on hand-written edge cases, every
 * Markdown fixture of the repository, the handbook's docs, the synthetic
 * benchmark corpus and the three real corpora.
 */
function agrees(path: string, text: string): 'fast' | 'full' {
  const fast = scan({ path, text });
  if (!fast) return 'full';
  expect(fast, `${path}\n${text}`).toEqual(parseDoc({ path, text }));
  return 'fast';
}

const cases: Record<string, string> = {
  nested: '# T\n\nA [a [b] c](./x.md) and [a [b](./inner.md) d](./outer.md) and ![a [b](./c.md)](./d.png).\n',
  imageInLink: '# T\n\n[![logo](./logo.png)](./x.md#top)\n\n```sh\necho\n```\n',
  codeSpans: '# T\n\nSee `[not](a.md)` and ``a ` b`` and `unclosed [x](./y.md).\n',
  parens: '# T\n\n[x](a(b)c.md) [y](./z.md "title") [e]() [s]( ./s.md )\n',
  unbalanced: '# T\n\n[x](a(b.md and [y](c.md)\n',
  lists: '# T\n\n- item [a](./a.md)\ncontinued [b](./b.md)\n- two\n\n1. one\n2) two [c](./c.md#x)\n\n```bash\necho after list\n```\n',
  orderedAfterParagraph: '# T\n\nText\n2. not a list [a](./a.md)\n',
  bulletAfterParagraph: '# T\n\nText\n- a list [a](./a.md)\n',
  headings: '# T\n\n## Same\n\n## Same\n\n## Custom {#my-id}\n\n## `code` & more?\n\n#hashtag\n\n####### seven\n\n### Ünïcödé (v2): done!\n',
  emoji: '# 🚀 Launch\n\n## 🚀 Launch `x` 👍\n\nGo [🚀](./🚀.md#🚀-launch) now [b](./b.md).\n',
  fences: '# T\n\nIntro para [l](./l.md)\n```bash title="x"\necho [a](b.md)\n```\n\n~~~~\n~~~\nstill code\n~~~~\n\n````md\n```\n````\n',
  precedingWithLink: '# T\n\nRun [the script](./s.md) with `--dry-run` first:\n\n```bash\n./s.sh\n```\n',
  precedingEmphasis: '# T\n\nRun *carefully*:\n\n```bash\n./s.sh\n```\n',
  frontMatter: '---\ntitle: X\nsuperseded_by: ./new.md\n---\n\n# X\n\n## A\n',
  emptyFrontMatter: '---\n---\n\n# X\n',
  setext: 'Title\n=====\n\nText\n---\n',
  thematic: '# T\n\n---\n\n***\n',
  blockquote: '# T\n\n> [q](./q.md)\n',
  html: '# T\n\n<a name="x"></a>\n\n[a](./a.md)\n',
  autolinks: '# T\n\nMail ops@example.com or www.example.com or https://example.com.\n',
  references: '# T\n\n[a][b]\n\n[b]: ./b.md\n',
  linkAtLineStart: '# T\n\n[a](./a.md) starts the paragraph\n[b](./b.md) continues it.\n',
  emphasisAround: '# T\n\n*[a](./a.md)* and _[b](./b.md)_ and **[c](./c.md#d)**\n',
  directives: '# T\n\n:::note\nSee [a](./a.md)\n:::\n',
  tables: '# T\n\n| a | b |\n|---|---|\n| [x](./x.md) | y |\n',
  dashes: '# T\n\n-x is text [a](./a.md)\n\n1.\n',
  noFinalNewline: '# T\n\n## Last [a](./a.md)',
  multilineLink: '# T\n\nA [link that\nspans lines](./a.md#b) here.\n',
  image: '# T\n\n![alt text](./img/x.png)\n',
};

describe('parseDocFast agrees with parseDoc', () => {
  it.each(Object.entries(cases))('%s', (_name, text) => {
    agrees('docs/case.md', text);
    expect(parseDocFast({ path: 'docs/case.md', text })).toEqual(parseDoc({ path: 'docs/case.md', text }));
  });

  it('declines MDX and CRLF documents', () => {
    expect(scan({ path: 'a.mdx', text: '# T\n' })).toBeNull();
    expect(scan({ path: 'a.md', text: '# T\r\n' })).toBeNull();
  });

  const corpus = resolve(repoRoot, '.cache/fast-parse-corpus');
  beforeAll(async () => {
    await generateCorpus({ dir: corpus, docs: 100 });
  });

  it('takes the fast path on every doc of the synthetic benchmark corpus, with the same model', () => {
    const files = globSync(['docs/**/*.md'], { cwd: corpus, absolute: true });
    expect(files.length).toBe(100);
    for (const file of files) expect(agrees(file, readFileSync(file, 'utf8'))).toBe('fast');
  });

  it('agrees on every Markdown file of the repository and of the real corpora', () => {
    const roots = [repoRoot, resolve(repoRoot, '../shared/corpora')];
    let fast = 0;
    let total = 0;
    for (const root of roots) {
      for (const file of globSync(['**/*.md'], { cwd: root, absolute: true, ignore: ['**/node_modules/**', '.cache/**', 'build/**', 'bench/out/**', '.docusaurus/**'] })) {
        total++;
        if (agrees(file, readFileSync(file, 'utf8')) === 'fast') fast++;
      }
    }
    expect(total).toBeGreaterThan(400);
    expect(fast).toBeGreaterThan(50);
  });
});
