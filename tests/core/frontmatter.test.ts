import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/index.js';

describe('front matter', () => {
  it('parses values as Docusaurus does and locates every key', () => {
    const text = '---\ntitle: Hello\nlast_updated: 2024-01-02\nparams:\n  ENV:\n    enum: [staging, production]\n---\n# Hello\n';
    const fm = parseDoc({ path: 'a.md', text }).frontMatter;
    expect(fm.present).toBe(true);
    expect(fm.data.last_updated).toBeInstanceOf(Date);
    expect([...fm.keys.values()].map((k) => [k.path, k.keySpan.start.line, k.keySpan.start.column, k.valueSpan.start.line, k.valueSpan.start.column])).toEqual([
      ['title', 2, 1, 2, 8],
      ['last_updated', 3, 1, 3, 15],
      ['params', 4, 1, 5, 3],
      ['params.ENV', 5, 3, 6, 5],
      ['params.ENV.enum', 6, 5, 6, 11],
    ]);
    expect(fm.span).toMatchObject({ start: { line: 1, column: 1 }, end: { line: 7, column: 4 } });
  });

  it('reports malformed YAML as one positioned problem, not an exception', () => {
    const model = parseDoc({ path: 'a.md', text: '---\ntitle: ok\nversion: [1\n---\n# x\n' });
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]).toMatchObject({ ruleId: 'yaml-syntax', place: { start: { line: 3, column: 12 } } });
    expect(model.frontMatter.data).toEqual({});
  });

  it('reports a front matter that is not a mapping', () => {
    const model = parseDoc({ path: 'a.md', text: '---\n- a\n- b\n---\n' });
    expect(model.problems.map((p) => [p.ruleId, p.place.start.line])).toEqual([['yaml-syntax', 2]]);
  });

  it('has no front matter when the document does not start with ---', () => {
    const fm = parseDoc({ path: 'a.md', text: '# Title\n\n---\nnot: yaml\n---\n' }).frontMatter;
    expect(fm).toMatchObject({ present: false, data: {}, span: null });
  });

  it('reports MDX syntax errors with their position', () => {
    const model = parseDoc({ path: 'a.mdx', text: '# T\n\nText <b>bold\n\nMore {oops\n' });
    expect(model.problems.map((p) => p.ruleId)).toEqual(['mdx-syntax']);
    expect(model.problems[0]!.place.start.line).toBeGreaterThan(1);
  });
});
