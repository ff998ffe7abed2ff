import { describe, expect, it } from 'vitest';
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
    expect(md).toContain(`| TOKEN | ${SECRET_MASK} (secret) |`);
    expect(md).toContain('| RELEASE | (not set) |');
    expect(md.split('\n').filter((l) => l.startsWith('- ['))).toEqual([
      '- [x] 1. Check \\| health — done 2026-11-22T03:00:00.000Z by ana',
      '- [x] 2. Drop &lt;old> (danger) — done 2026-11-22T03:05:00.000Z',
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
});
