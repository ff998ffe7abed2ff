import { describe, expect, it } from 'vitest';
import { extractProcedure, parseDoc, type StepParam } from '../../core/index.js';
import { createBoundedCapture } from '../../scripts/run/execute.js';
import { renderRunLogMarkdown } from '../../scripts/run/log.js';
import { createStreamMasker, maskSecrets } from '../../scripts/run/mask.js';
import { resolveParams, validateParamValue } from '../../scripts/run/params.js';
import { formatMinutes, formatPlan, selectSteps } from '../../scripts/run/plan.js';
import type { RunLog } from '../../scripts/run/types.js';

describe('secret masking', () => {
  it('masks every occurrence, longest secret first', () => {
    expect(maskSecrets('a=abc b=abcdef c=abc', ['abc', 'abcdef'])).toBe('a=******** b=******** c=********');
    expect(maskSecrets('nothing here', [''])).toBe('nothing here');
  });

  it('masks a secret split over any chunk boundary, holding back only a possible start of one', () => {
    const secrets = ['abcab', 'hunter2'];
    const text = 'x abcab y hunter2 z hunt abcabcab end';
    for (let size = 1; size <= text.length; size++) {
      const masker = createStreamMasker(secrets);
      let out = '';
      for (let i = 0; i < text.length; i += size) out += masker.push(text.slice(i, i + size));
      out += masker.flush();
      expect(out, `chunks of ${size}`).toBe(maskSecrets(text, secrets));
      expect(out).not.toMatch(/abcab|hunter2/);
    }
    const masker = createStreamMasker(['hunter2']);
    expect(masker.push('progress 10%\n')).toBe('progress 10%\n');
    expect(masker.push('pass: hun')).toBe('pass: ');
    expect(masker.push('gry\n')).toBe('hungry\n');
  });
});

describe('bounded capture', () => {
  it('keeps everything under the bound, and the head and tail above it', () => {
    const small = createBoundedCapture(100);
    small.add('hello\n');
    expect(small.result()).toEqual({ text: 'hello\n', truncated: false });
    const big = createBoundedCapture(100);
    for (let i = 0; i < 100; i++) big.add(`line ${String(i).padStart(3, '0')}\n`);
    const { text, truncated } = big.result();
    expect(truncated).toBe(true);
    expect(text.startsWith('line 000\nline 001\n')).toBe(true);
    expect(text.endsWith('line 099\n')).toBe(true);
    expect(text).toContain('line 001\n[... 810 characters of output omitted ...]\nline 092\n');
  });
});

const param = (p: Partial<StepParam> & { name: string }): StepParam => ({ description: '', default: null, enum: null, pattern: null, secret: false, ...p });

describe('parameters', () => {
  const declared = {
    ENV: param({ name: 'ENV', enum: ['staging', 'production'], default: 'staging' }),
    QUARTER: param({ name: 'QUARTER', pattern: '^[0-9]{4}Q[1-4]$' }),
    PASSWORD: param({ name: 'PASSWORD', secret: true, pattern: '^.{8,}$' }),
  };

  it('takes --param first, then HANDBOOK_PARAM_*, then the resumed log (never its secrets), then defaults', () => {
    const resolved = resolveParams({
      declared,
      cli: ['QUARTER=2024Q1'],
      env: { HANDBOOK_PARAM_QUARTER: '2023Q4', HANDBOOK_PARAM_ENV: 'production' },
      fromLog: { PASSWORD: { value: '********', source: 'prompt', secret: true } },
      needed: ['ENV', 'QUARTER', 'PASSWORD'],
    });
    expect(resolved).toEqual({
      values: { QUARTER: '2024Q1', ENV: 'production' },
      sources: { QUARTER: 'param', ENV: 'env' },
      missing: ['PASSWORD'],
      errors: [],
    });
  });

  it('reports malformed, unknown, repeated and invalid values, never echoing a secret', () => {
    const { errors } = resolveParams({ declared, cli: ['QUARTER', 'ENVV=x', 'ENV=prod', 'ENV=staging', 'PASSWORD=short'], env: {}, needed: [] });
    expect(errors).toEqual([
      '--param expects NAME=VALUE, got `QUARTER`',
      'Unexpected parameter `ENVV`, expected one of `ENV`, `QUARTER`, `PASSWORD` (did you mean `ENV`?)',
      '--param ENV is given more than once',
      'Unexpected `prod` for ENV, expected one of `staging`, `production` (did you mean `production`?)',
      'Unexpected the secret value for PASSWORD, expected a value matching /^.{8,}$/',
    ]);
    expect(validateParamValue(declared.QUARTER, '2024Q4')).toBeNull();
  });
});

const doc = parseDoc({
  path: 'docs/p.md',
  text: [
    '---',
    'title: P',
    'version: 2.0.0',
    'params:',
    '  TOKEN:',
    '    secret: true',
    '---',
    '',
    '# P',
    '',
    '```bash title="Check" id=check time=30s',
    'echo "${TOKEN}"',
    '```',
    '',
    '```bash title="Restart" id=restart time=90m danger',
    'systemctl restart x',
    '```',
    '',
    '```bash title="Verify" id=verify',
    'true',
    '```',
    '',
  ].join('\n'),
});
const { steps, params } = extractProcedure(doc);

describe('plan', () => {
  it('selects steps by --from and --only (ids or numbers)', () => {
    expect(selectSteps({ steps, from: 'restart' }).selected.map((s) => s.id)).toEqual(['restart', 'verify']);
    expect(selectSteps({ steps, only: ['1,verify'] }).selected.map((s) => s.id)).toEqual(['check', 'verify']);
    expect(selectSteps({ steps, from: '2', only: ['check'] }).errors).toEqual(['The options select no step']);
    expect(selectSteps({ steps, only: ['9'] }).errors).toEqual(['--only: Unexpected step number 9, expected 1 to 3']);
  });

  it('selects the steps of a section by title or anchor', () => {
    const sectioned = extractProcedure(parseDoc({ path: 'p.md', text: '# P\n\n## Change it\n\n```bash\na\n```\n\n## Verification\n\n```bash\nb\n```\n\n```bash\nc\n```\n' })).steps;
    expect(selectSteps({ steps: sectioned, sections: ['verification'] }).selected.map((s) => s.command)).toEqual(['b', 'c']);
    expect(selectSteps({ steps: sectioned, sections: ['change-it'] }).selected.map((s) => s.command)).toEqual(['a']);
    expect(selectSteps({ steps: sectioned, sections: ['verify'] }).errors).toEqual([
      '--section: Unexpected section `verify`, expected the title or anchor of a section with steps (did you mean `Verification`?)',
    ]);
  });

  it('leaves rollback steps out of a plain run, runs them when named', () => {
    const withRollback = extractProcedure(
      parseDoc({ path: 'p.md', text: '# P\n\n## Change it\n\n```bash danger\na\n```\n\n## Verification\n\n```bash\nb\n```\n\n## Roll back the change\n\n```bash danger\nc\n```\n' }),
    ).steps;
    const plain = selectSteps({ steps: withRollback });
    expect(plain.selected.map((s) => s.command)).toEqual(['a', 'b']);
    expect(plain.rollbackLeftOut.map((s) => s.command)).toEqual(['c']);
    expect(selectSteps({ steps: withRollback, sections: ['roll back the change'] }).selected.map((s) => s.command)).toEqual(['c']);
    expect(selectSteps({ steps: withRollback, only: ['3'] }).selected.map((s) => s.command)).toEqual(['c']);
    expect(selectSteps({ steps: withRollback, from: '3' }).selected.map((s) => s.command)).toEqual(['c']);
    expect(selectSteps({ steps: withRollback, from: '2' }).selected.map((s) => s.command)).toEqual(['b']);
  });

  it('lists every step with id, time and danger mark, the parameters (secrets masked) and the total', () => {
    const selected = steps.slice(0, 2);
    const plan = formatPlan({
      title: 'P',
      docPath: 'docs/p.md',
      version: '2.0.0',
      steps,
      selected,
      params: [{ param: params.TOKEN!, value: 'hunter2', source: 'prompt', needed: true }],
      skippedBlocks: 0,
    });
    expect(plan).toBe(
      [
        'Plan: P (docs/p.md, version 2.0.0)',
        '',
        '  #  id       time    step',
        '  1  check    30s     Check',
        '  2  restart  1h 30m  [DANGER] Restart',
        '- 3  verify   ?       Verify  (not selected)',
        '',
        'Parameters:',
        '  TOKEN = ********      (entered, secret)',
        '',
        'Total: 2 steps, about 1h 31m, 1 marked danger',
        '',
      ].join('\n'),
    );
    expect([formatMinutes(0.5), formatMinutes(5), formatMinutes(2.25), formatMinutes(60)]).toEqual(['30s', '5m', '2m 15s', '1h']);
  });
});

describe('Markdown twin', () => {
  it('fences output containing backticks with a longer fence and escapes table cells', () => {
    const log: RunLog = {
      schema: 'handbook-run-log/1',
      doc: { path: 'docs/p.md', id: 'p', title: 'P', version: '1.0.0', sha256: '' },
      startedAt: '2026-11-22T00:00:00.000Z',
      endedAt: '2026-11-22T00:00:01.000Z',
      user: 'ops',
      host: 'h',
      cwd: '/srv',
      interactive: false,
      options: { from: null, only: [], sections: [], resume: false, yes: true, allowDanger: false },
      resumedFrom: null,
      params: {},
      outcome: 'passed',
      exitCode: 0,
      steps: [{ id: 'a', title: 'A | B', status: 'passed', exitCode: 0, startedAt: '2026-11-22T00:00:00.500Z', durationMs: 1500, output: '```\nx\n', reason: null, command: 'echo', danger: false, line: 3 }],
    };
    const markdown = renderRunLogMarkdown(log);
    expect(markdown).toContain('| 1 | A \\| B (`a`) | passed | 0 | 1.5 s |');
    expect(markdown).toContain('Output:\n\n````text\n```\nx\n````\n');
  });
});
