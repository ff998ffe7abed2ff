import { describe, expect, it } from 'vitest';
import { copyText, paramValueProblem, readSecretLine, singleQuote, type StepParam } from '../../core/index.js';

const param = (name: string, more: Partial<StepParam> = {}): StepParam => ({ name, description: '', default: null, enum: null, pattern: null, secret: false, ...more });

describe('copyText', () => {
  it('sets each parameter in single quotes, then gives the command as written', () => {
    const command = 'cat "$(realpath "${X}")" | grep "$ENV"';
    expect(copyText({ command, params: [{ spec: param('X'), value: `it's $(id) \`id\` !!` }, { spec: param('ENV'), value: 'prod' }] })).toEqual({
      ok: true,
      text: `export X='it'\\''s $(id) \`id\` !!'\nexport ENV='prod'\n${command}`,
    });
  });

  it('copies a command without parameters unchanged', () => {
    expect(copyText({ command: 'uptime', params: [] })).toEqual({ ok: true, text: 'uptime' });
  });

  it('reads a secret in the terminal, in one group with the command, and never carries its value', () => {
    const result = copyText({ command: 'curl -H "Authorization: Bearer ${TOKEN}" "$URL"', params: [{ spec: param('TOKEN', { secret: true }), value: 'leaked' }, { spec: param('URL'), value: 'https://x' }] });
    expect(result).toEqual({
      ok: true,
      text: [
        "export URL='https://x'",
        '{',
        `printf '%s' 'TOKEN (secret, not echoed): ' >&2; IFS= read -rs TOKEN; printf '\\n' >&2; export TOKEN`,
        'curl -H "Authorization: Bearer ${TOKEN}" "$URL"',
        '}',
      ].join('\n'),
    });
    expect(JSON.stringify(result)).not.toContain('leaked');
    expect(readSecretLine('A')).toBe(`printf '%s' 'A (secret, not echoed): ' >&2; IFS= read -rs A; printf '\\n' >&2; export A`);
  });

  it('refuses, naming every parameter without an acceptable value', () => {
    const params = [
      { spec: param('X'), value: null },
      { spec: param('ENV', { enum: ['staging', 'production'] }), value: 'prod' },
      { spec: param('ID', { pattern: '^[0-9]+$' }), value: '12a' },
      { spec: param('OK'), value: 'fine' },
      { spec: param('NL'), value: 'a\nrm -rf /' },
      { spec: param('ESC'), value: 'a\u001b[201~b' },
      { spec: param('TOKEN', { secret: true }), value: null },
    ];
    expect(copyText({ command: 'rm -rf "${X}/$ENV/$ID/$OK/$NL/$ESC/$TOKEN"', params })).toEqual({
      ok: false,
      problems: [
        { name: 'X', problem: 'required' },
        { name: 'ENV', problem: 'expected one of staging, production' },
        { name: 'ID', problem: 'expected to match ^[0-9]+$' },
        { name: 'NL', problem: 'contains a control character' },
        { name: 'ESC', problem: 'contains a control character' },
      ],
    });
  });

  it('validates a value: required, enum, pattern, control characters', () => {
    expect(paramValueProblem(param('A'), '')).toBe('required');
    expect(paramValueProblem(param('A'), 'tab\there')).toBe('contains a control character');
    expect(paramValueProblem(param('A', { pattern: '(' }), 'x')).toBeNull();
    expect(paramValueProblem(param('A'), 'ünïcode ✓')).toBeNull();
  });

  it('quotes any text so that bash reads it back unchanged', () => {
    expect(singleQuote("a'b")).toBe(`'a'\\''b'`);
    expect(singleQuote('')).toBe("''");
  });
});
