import { describe, expect, it } from 'vitest';
import { defaultCheckInput, parseDoc, routeOf, runChecks, toJson, type Rule } from '../../core/index.js';

/** A rule that flags every heading containing "TODO". */
const noTodoHeading: Rule = {
  id: 'no-todo-heading',
  description: 'Headings carry no TODO',
  severity: 'warning',
  check({ doc, report }) {
    for (const h of doc.headings) if (h.text.includes('TODO')) report({ message: `Unexpected TODO in heading \`${h.text}\`, expected a finished heading`, place: h.place });
  },
};

async function check(files: Record<string, string>, strict = false) {
  const docs = Object.entries(files).map(([path, text]) => parseDoc({ path, text }));
  return (await runChecks(defaultCheckInput({ docs, today: '2026-11-22' }), [noTodoHeading], { strict })).map(toJson);
}

describe('runChecks', () => {
  it('reports rule findings and parse problems with rule id, severity and position, sorted', async () => {
    expect(await check({ 'docs/b.md': '## TODO b\n', 'docs/a.md': '---\nx: [\n---\n\n## TODO a\n' })).toEqual([
      { file: 'docs/a.md', line: 2, column: 5, endLine: 2, endColumn: 5, severity: 'error', ruleId: 'yaml-syntax', message: expect.stringContaining('Malformed YAML') },
      { file: 'docs/a.md', line: 5, column: 1, endLine: 5, endColumn: 10, severity: 'warning', ruleId: 'no-todo-heading', message: 'Unexpected TODO in heading `TODO a`, expected a finished heading' },
      { file: 'docs/b.md', line: 1, column: 1, endLine: 1, endColumn: 10, severity: 'warning', ruleId: 'no-todo-heading', message: 'Unexpected TODO in heading `TODO b`, expected a finished heading' },
    ]);
  });

  it('turns warnings into errors with strict', async () => {
    expect((await check({ 'docs/a.md': '## TODO\n' }, true)).map((d) => d.severity)).toEqual(['error']);
  });

  it('honours lint ignore (next block), disable/enable ranges, and MDX comments', async () => {
    const md = ['<!-- lint ignore no-todo-heading -->', '## TODO 1', '', '## TODO 2', '', '<!-- lint disable no-todo-heading -->', '', '## TODO 3', '', '<!-- lint enable no-todo-heading -->', '', '## TODO 4', '', '<!-- lint ignore other-rule -->', '## TODO 5', ''].join('\n');
    expect((await check({ 'docs/a.md': md })).map((d) => d.line)).toEqual([4, 12, 15]);
    const mdx = '{/* lint disable */}\n\n## TODO x\n';
    expect(await check({ 'docs/a.mdx': mdx })).toEqual([]);
  });
});

describe('routeOf', () => {
  it.each([
    ['abathur/wal-growth.md', {}, 'abathur/wal-growth', '/docs/abathur/wal-growth'],
    ['01-abathur/02-wal.md', {}, 'abathur/wal', '/docs/abathur/wal'],
    ['abathur/index.md', {}, 'abathur/index', '/docs/abathur/'],
    ['abathur/README.md', {}, 'abathur/README', '/docs/abathur/'],
    ['abathur/abathur.md', {}, 'abathur/abathur', '/docs/abathur/'],
    ['index.md', { slug: '/' }, 'index', '/docs/'],
    ['a/b.md', { id: 'custom' }, 'a/custom', '/docs/a/custom'],
    ['a/b.md', { slug: 'other' }, 'a/b', '/docs/a/other'],
    ['a/b.md', { slug: '/top/level' }, 'a/b', '/docs/top/level'],
    ['2024.md', {}, '2024', '/docs/2024'],
  ])('%s %j -> %s %s', (path, fm, id, permalink) => {
    expect(routeOf(path, fm)).toEqual({ id, permalink });
  });
});
