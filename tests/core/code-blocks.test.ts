import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/index.js';

describe('code block extraction', () => {
  const text = [
    '---', // 1
    'title: T', // 2
    '---', // 3
    '', // 4
    '# T', // 5
    '', // 6
    '```bash', // 7
    'echo before-section', // 8
    '```', // 9
    '', // 10
    '## Stop the API', // 11
    '', // 12
    'Drain traffic first.', // 13
    '', // 14
    '```bash title="Drain" time=5m {1,3}', // 15
    'kubectl drain node-1 \\', // 16
    '  --ignore-daemonsets', // 17
    '```', // 18
    '', // 19
    '```text', // 20
    'node/node-1 drained', // 21
    '```', // 22
    '', // 23
    '  ~~~console', // 24
    '  $ echo <script>${x}</script>', // 25
    '  ~~~', // 26
    '', // 27
    '```', // 28
    'no language', // 29
    '```', // 30
  ].join('\n');
  const model = parseDoc({ path: 'docs/p.md', text });

  it('gives lang, meta, value, positions and section', () => {
    expect(
      model.codeBlocks.map((c) => ({
        lang: c.lang,
        meta: c.meta,
        value: c.value,
        from: c.place.start.line,
        to: c.place.end.line,
        content: c.contentStartLine,
        section: c.sectionHeading === null ? null : model.headings[c.sectionHeading]!.text,
        before: c.precedingText,
      })),
    ).toEqual([
      { lang: 'bash', meta: null, value: 'echo before-section', from: 7, to: 9, content: 8, section: null, before: null },
      {
        lang: 'bash',
        meta: 'title="Drain" time=5m {1,3}',
        value: 'kubectl drain node-1 \\\n  --ignore-daemonsets',
        from: 15,
        to: 18,
        content: 16,
        section: 'Stop the API',
        before: 'Drain traffic first.',
      },
      { lang: 'text', meta: null, value: 'node/node-1 drained', from: 20, to: 22, content: 21, section: 'Stop the API', before: null },
      { lang: 'console', meta: null, value: '$ echo <script>${x}</script>', from: 24, to: 26, content: 25, section: 'Stop the API', before: null },
      { lang: null, meta: null, value: 'no language', from: 28, to: 30, content: 29, section: 'Stop the API', before: null },
    ]);
  });

  it('parses the same blocks from MDX, braces and all', () => {
    const mdx = parseDoc({ path: 'docs/p.mdx', text: '# T\n\n## S {#s}\n\n```sh\necho {a} `b` </code>\n```\n' });
    expect(mdx.problems).toEqual([]);
    expect(mdx.codeBlocks.map((c) => [c.lang, c.value, c.contentStartLine])).toEqual([['sh', 'echo {a} `b` </code>', 6]]);
  });
});
