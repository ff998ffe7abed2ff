import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { createRunLog, paramProblem, runLogMarkdown, SECRET_MASK, type ParamSpec } from '../../src/components/Checklist/runlog.js';
import { formatMinutes, progressOf, leftText } from '../../src/components/Checklist/format.js';

const params: ParamSpec[] = [
  { name: 'ENV', description: '', default: 'staging', enum: ['staging', 'production'], pattern: null, secret: false },
  { name: 'RELEASE', description: '', default: null, enum: null, pattern: '^v[0-9]+$', secret: false },
  { name: 'TOKEN', description: '', default: null, enum: null, pattern: null, secret: true },
];
const steps = [
  { id: 'check', title: 'Check | health', section: 'Preflight', minutes: 2, danger: false },
  { id: 'drop', title: 'Drop <old>', section: 'Rotate', minutes: 5, danger: true },
  { id: 'verify', title: 'Verify', section: 'Rotate', minutes: null, danger: false },
];

describe('run log', () => {
  const log = createRunLog({
    doc: 'ops/rotate',
    title: 'Rotate',
    version: '2.0.0',
    permalink: '/docs/ops/rotate',
    params,
    values: { ENV: 'production', TOKEN: 's3cr3t' },
    steps,
    ticks: { check: { at: '2026-11-22T03:00:00.000Z', by: 'ana' }, drop: { at: '2026-11-22T03:05:00.000Z' } },
    operator: 'ana',
    exportedAt: '2026-11-22T03:10:00.000Z',
  });

  it('records each step with status and time, and masks secrets', () => {
    expect(log).toMatchObject({ done: 2, total: 3, operator: 'ana', version: '2.0.0' });
    expect(log.params).toEqual([
      { name: 'ENV', value: 'production', secret: false },
      { name: 'RELEASE', value: null, secret: false },
      { name: 'TOKEN', value: SECRET_MASK, secret: true },
    ]);
    expect(log.steps.map((s) => [s.id, s.status, s.at, s.by])).toEqual([
      ['check', 'done', '2026-11-22T03:00:00.000Z', 'ana'],
      ['drop', 'done', '2026-11-22T03:05:00.000Z', null],
      ['verify', 'open', null, null],
    ]);
    expect(JSON.stringify(log)).not.toContain('s3cr3t');
  });

  it('renders Markdown task lines that match the ticks', () => {
    const md = runLogMarkdown(log);
    expect(md).toContain('- Version: 2.0.0');
    expect(md).toContain('| ENV | `production` |');
    expect(md).toContain('| TOKEN | \\*\\*\\*\\*\\*\\*\\*\\* (secret) |');
    expect(SECRET_MASK).toBe('********');
    expect(md).toContain('| RELEASE | (not set) |');
    expect(md.split('\n').filter((l) => l.startsWith('- ['))).toEqual([
      '- [x] 1. Check \\| health — done 2026-11-22T03:00:00.000Z by ana',
      '- [x] 2. Drop \\<old\\> (danger) — done 2026-11-22T03:05:00.000Z',
      '- [ ] 3. Verify',
    ]);
    expect(md).not.toContain('s3cr3t');
  });

  it('validates parameter values against enum and pattern', () => {
    expect(paramProblem(params[0]!, 'production')).toBeNull();
    expect(paramProblem(params[0]!, 'prod')).toBe('expected one of staging, production');
    expect(paramProblem(params[1]!, 'v12')).toBeNull();
    expect(paramProblem(params[1]!, '12')).toBe('expected to match ^v[0-9]+$');
    expect(paramProblem(params[1]!, '')).toBe('required');
  });

  it('formats progress and time left', () => {
    expect([formatMinutes(0.5), formatMinutes(5), formatMinutes(60), formatMinutes(80)]).toEqual(['30 s', '5 min', '1 h', '1 h 20 min']);
    const p = progressOf(steps, { check: true });
    expect(p).toEqual({ done: 1, total: 3, minutesLeft: 5, unestimated: 1 });
    expect(leftText(p)).toBe('about 5 min left (+1 unestimated)');
    expect(leftText(progressOf(steps, { check: 1, drop: 1, verify: 1 }))).toBe('all done');
  });

  it('escapes Markdown in every text field and keeps each section a block of its own', () => {
    const hostile = createRunLog({
      doc: 'ops/x',
      title: 'Rotate [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
      version: '1.0.0',
      permalink: '/docs/ops/x',
      params: [{ name: 'NOTE', description: '', default: '*bold* `code` | pipe', enum: null, pattern: null, secret: false }],
      values: {},
      steps: [
        { id: 'a', title: '**Check** ![i](javascript:1)', section: 'One [s](javascript:2)', minutes: null, danger: false },
        { id: 'b', title: 'Go\n# not a heading', section: 'Two & &amp; ~~strike~~', minutes: null, danger: false },
      ],
      ticks: { a: { at: '2026-11-22T03:00:00.000Z', by: '[me](javascript:alert(1))' } },
      operator: '<script>alert(1)</script>',
      exportedAt: '2026-11-22T03:10:00.000Z',
    });
    const md = runLogMarkdown(hostile);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
    const types = new Set<string>();
    const walk = (node: Root | RootContent) => {
      types.add(node.type);
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(tree);
    // No link, image, HTML, emphasis, code span in text fields, strikethrough or extra heading: only the table's code cell.
    expect([...types].sort()).toEqual(['heading', 'inlineCode', 'list', 'listItem', 'paragraph', 'root', 'strong', 'table', 'tableCell', 'tableRow', 'text']);
    expect(tree.children.map((n) => `${n.type}: ${toString(n).slice(0, 40)}`)).toEqual([
      'heading: Run log: Rotate [x](javascript:alert(1))',
      'list: Doc: /docs/ops/x (ops/x)Version: 1.0.0Op',
      'heading: Parameters',
      'table: NameValueNOTE*bold* `code` | pipe',
      'heading: Steps',
      'paragraph: One [s](javascript:2)',
      'list: 1. **Check** ![i](javascript:1) — done 2',
      'paragraph: Two & &amp; ~~strike~~',
      'list: 2. Go # not a heading',
    ]);
    // Task items: the checkbox is the list item's `checked`.
    expect(tree.children.flatMap((n) => (n.type === 'list' ? n.children.map((item) => item.checked) : []))).toEqual([null, null, null, null, null, true, false]);
    expect(toString(tree.children[0]!)).toBe('Run log: Rotate [x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(md).toContain('- Operator: \\<script\\>alert\\(1\\)\\</script\\>');
  });
});
