import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanUp, createTmux, logsIn, procedure, root, tempDir, waitFor } from './support.js';

/**
 * Interactive mode through a real pseudo-terminal: tmux runs the command in a
 * terminal of its own, the test types keys and reads the screen.
 */

afterAll(cleanUp);

let tmux: ReturnType<typeof createTmux> | null = null;
afterEach(() => {
  tmux?.stop();
  tmux = null;
});

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Starts `handbook run <args>` in DIR in a terminal; the screen ends with `[exit N]` when it returns. */
function startInTerminal(name: string, dir: string, args: string[]) {
  tmux = createTmux(name);
  const command = [process.execPath, join(root, 'bin/handbook.mjs'), 'run', ...args].map(shellQuote).join(' ');
  tmux.start(`cd ${shellQuote(dir)} && ${command}; echo "[exit $?]"; sleep 600`);
  const t = tmux;
  const count = (text: string) => t.screen().split(text).length - 1;
  return {
    t,
    count,
    /** Waits until `text` is on the screen at least `times` times. */
    see: (text: string, times = 1) => waitFor(() => count(text) >= times, `"${text}" x${times} on the screen:\n${t.screen()}`),
    /** Waits until a line of the screen is exactly `line` (step output, not the command that prints it). */
    seeLine: (line: string) => waitFor(() => t.screen().split('\n').some((l) => l.trimEnd() === line), `the line "${line}":\n${t.screen()}`),
    /** Types a line and Enter, a moment after the question showed (input that was waiting before it is dropped). */
    async answer(text: string) {
      await new Promise((r) => setTimeout(r, 100));
      if (text) t.type(text);
      t.keys('Enter');
    },
  };
}

const params = [
  '  ENVIRONMENT:',
  '    description: Target environment',
  '    enum: [staging, production]',
  '  TOKEN:',
  '    description: API token',
  '    secret: true',
  '',
].join('\n');

const body = [
  '## Checks',
  '',
  '```bash title="Look around" id=look time=1m',
  'echo "env=${ENVIRONMENT}"',
  'echo "token=${TOKEN}"',
  '```',
  '',
  '## Change',
  '',
  '```bash title="Drop the table" id=drop time=5m danger',
  'touch drop.ran',
  '```',
  '',
  '```bash title="Afterwards" id=after',
  'touch after.ran',
  '```',
  '',
].join('\n');

const prompt = 'Run this step? [r]un, [s]kip, [d]one by hand, [q]uit: ';

describe('handbook run on a terminal', { timeout: 120_000 }, () => {
  it('prompts for parameters (secret without echo, validated), asks before each step, and runs a danger step only after its id is typed', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ params, body }) });
    const run = startInTerminal('confirm', dir, ['docs/p.md']);
    await run.see('ENVIRONMENT: ');
    await run.answer('prod');
    await run.see('Unexpected `prod` for ENVIRONMENT, expected one of `staging`, `production`');
    await run.answer('production');
    await run.see('TOKEN (secret, not shown): ');
    await run.answer('hunter2-secret');

    await run.see(prompt);
    expect(run.t.screen()).toContain('==> [1/3] look: Look around  (bash, line 17)\n    echo "env=${ENVIRONMENT}"\n    echo "token=${TOKEN}"\n  with ENVIRONMENT=production TOKEN=********');
    await run.answer('x');
    await run.see('Please answer r (run), s (skip), d (done by hand) or q (quit): ');
    await run.answer('r');
    await run.see('--> passed');
    expect(run.t.screen()).toContain('env=production\ntoken=********\n');

    await run.see(prompt, 2);
    expect(existsSync(join(dir, 'drop.ran'))).toBe(false);
    await run.answer('r');
    await run.see('This step is marked DANGER. Type its id (drop) to run it, or press Enter to go back: ');
    await run.answer('nope');
    await run.see('"nope" is not the step id: not run.');
    await run.see(prompt, 3);
    expect(existsSync(join(dir, 'drop.ran'))).toBe(false);
    await run.answer('r');
    await run.see('Type its id (drop)', 2);
    await run.answer('drop');
    await run.see('--> passed', 2);
    expect(existsSync(join(dir, 'drop.ran'))).toBe(true);

    await run.see(prompt, 4);
    await run.answer('s');
    await run.see('[exit 0]');
    const screen = run.t.screen();
    expect(screen).toContain('--> skipped');
    expect(screen).toContain('Run passed: 2 passed, 1 skipped.');
    expect(screen).not.toContain('hunter2');
    expect(existsSync(join(dir, 'after.ran'))).toBe(false);

    const [log] = await logsIn(dir);
    expect(log).toMatchObject({ interactive: true, outcome: 'passed', exitCode: 0 });
    expect(log!.params).toEqual({
      ENVIRONMENT: { value: 'production', source: 'prompt', secret: false },
      TOKEN: { value: '********', source: 'prompt', secret: true },
    });
    expect(log!.steps.map((s) => [s.id, s.status])).toEqual([
      ['look', 'passed'],
      ['drop', 'passed'],
      ['after', 'skipped'],
    ]);
    expect(log!.steps[0]!.output).toBe('env=production\ntoken=********\n');
    expect(JSON.stringify(log)).not.toContain('hunter2');
  });

  it('records a step done by hand, and quitting leaves the rest not run (exit 1)', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ params, body }) });
    const run = startInTerminal('quit', dir, ['docs/p.md', '--param', 'ENVIRONMENT=staging']);
    await run.see('TOKEN (secret, not shown): ');
    await run.answer('t0ken');
    await run.see(prompt);
    await run.answer('d');
    await run.see('--> marked done by hand');
    await run.see(prompt, 2);
    await run.answer('q');
    await run.see('[exit 1]');
    expect(run.t.screen()).toContain('Run quit: 0 passed, 1 done by hand, 2 not run.');
    const [log] = await logsIn(dir);
    expect(log!.outcome).toBe('quit');
    expect(log!.steps.map((s) => [s.status, s.output, s.reason])).toEqual([
      ['manual', '', 'done by hand, as the operator confirmed'],
      ['not-run', '', 'the operator quit'],
      ['not-run', '', 'the operator quit'],
    ]);
  });

  it('ignores keys typed while a step runs: they do not answer the next question', async () => {
    const slow = procedure({ body: '```bash title="Slow" id=slow\nsleep 2\necho slept\n```\n\n```bash title="Next" id=next\ntouch next.ran\n```\n' });
    const dir = await tempDir({ 'docs/p.md': slow });
    const run = startInTerminal('typeahead', dir, ['docs/p.md']);
    await run.see(prompt);
    await run.answer('r');
    await new Promise((r) => setTimeout(r, 500));
    await run.answer('r');
    await run.see('--> passed');
    await run.see(prompt, 2);
    await new Promise((r) => setTimeout(r, 1000));
    expect(existsSync(join(dir, 'next.ran'))).toBe(false);
    await run.answer('s');
    await run.see('[exit 0]');
    expect(existsSync(join(dir, 'next.ran'))).toBe(false);
    expect((await logsIn(dir))[0]!.steps.map((s) => s.status)).toEqual(['passed', 'skipped']);
  });

  it('Ctrl-C during a step stops it, writes the log and exits 130', async () => {
    const long = procedure({ body: '```bash title="Long" id=long\necho started\nsleep 300\ntouch finished\n```\n\n```bash title="Next" id=next\ntouch next.ran\n```\n' });
    const dir = await tempDir({ 'docs/p.md': long });
    const run = startInTerminal('ctrl-c', dir, ['docs/p.md']);
    await run.see(prompt);
    await run.answer('r');
    await run.seeLine('started');
    run.t.keys('C-c');
    await run.see('[exit 130]');
    expect(run.t.screen()).toContain('Run interrupted: 0 passed, 1 failed, 1 not run.');
    expect(existsSync(join(dir, 'finished'))).toBe(false);
    expect(existsSync(join(dir, 'next.ran'))).toBe(false);
    const [log] = await logsIn(dir);
    expect(log).toMatchObject({ outcome: 'interrupted', exitCode: 130, interactive: true });
    expect(log!.steps.map((s) => [s.status, s.reason])).toEqual([
      ['failed', 'interrupted (SIGINT)'],
      ['not-run', 'the run was interrupted'],
    ]);
  });

  it('Ctrl-C at a question also ends the run with a log (exit 130)', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ body: '```bash title="One" id=one\ntouch one.ran\n```\n' }) });
    const run = startInTerminal('ctrl-c-prompt', dir, ['docs/p.md']);
    await run.see(prompt);
    run.t.keys('C-c');
    await run.see('[exit 130]');
    expect(existsSync(join(dir, 'one.ran'))).toBe(false);
    const [log] = await logsIn(dir);
    expect(log!.outcome).toBe('interrupted');
    expect(log!.steps.map((s) => s.status)).toEqual(['not-run']);
  });
});
