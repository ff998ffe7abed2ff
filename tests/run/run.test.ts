import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, cleanUp, handbook, logsIn, logTexts, procedure, spawnHandbook, tempDir, waitFor } from './support.js';

afterAll(cleanUp);

/** Three steps, each leaving a marker file; the second checks its output. */
const threeSteps = procedure({
  params: '  ENVIRONMENT:\n    description: Target\n    enum: [staging, production]\n    default: staging\n',
  body: [
    '## Phase 1',
    '',
    'Record the start.',
    '',
    '```bash id=first time=1m',
    'echo "first in ${ENVIRONMENT}" | tee first.txt',
    '```',
    '',
    '```bash title="Check the environment" id=second time=30s expect="/in (staging|production)$/m"',
    'touch second.ran',
    'echo "running in ${ENVIRONMENT}"',
    '```',
    '',
    '## Phase 2',
    '',
    '```console title="Third" id=third',
    '$ touch third.ran && echo done',
    'done',
    '```',
    '',
  ].join('\n'),
});

describe('handbook run: a passing run', () => {
  it('runs every step in DIR, exits 0 and writes the JSON log and its Markdown twin', async () => {
    const dir = await tempDir({ 'docs/proc.md': threeSteps });
    const result = await handbook(['docs/proc.md', '--cwd', dir, '--yes'], { cwd: '/' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Plan: Test procedure (docs/proc.md, version 1.0.0)');
    expect(result.stdout).toMatch(/Total: 3 steps, about 1m 30s \(\+ 1 without an estimate\)/);
    expect(result.stdout).toContain('first in staging');
    expect(result.stdout).toContain('Run passed: 3 passed.');
    expect(await readFile(join(dir, 'first.txt'), 'utf8')).toBe('first in staging\n');
    expect(existsSync(join(dir, 'second.ran')) && existsSync(join(dir, 'third.ran'))).toBe(true);

    const [log, ...others] = await logsIn(dir);
    expect(others).toEqual([]);
    expect(log).toMatchObject({
      schema: 'handbook-run-log/1',
      doc: { path: 'docs/proc.md', id: 'proc', title: 'Test procedure', version: '1.0.0' },
      cwd: dir,
      interactive: false,
      outcome: 'passed',
      exitCode: 0,
      params: { ENVIRONMENT: { value: 'staging', source: 'default', secret: false } },
    });
    expect(log!.user).toBeTruthy();
    expect(log!.host).toBeTruthy();
    expect(Date.parse(log!.endedAt!)).toBeGreaterThanOrEqual(Date.parse(log!.startedAt));
    expect(log!.steps.map((s) => [s.id, s.status, s.exitCode])).toEqual([
      ['first', 'passed', 0],
      ['second', 'passed', 0],
      ['third', 'passed', 0],
    ]);
    expect(log!.steps[0]).toMatchObject({ title: 'Record the start', output: 'first in staging\n', reason: null });
    expect(typeof log!.steps[0]!.durationMs).toBe('number');
    expect(Date.parse(log!.steps[0]!.startedAt!)).not.toBeNaN();

    const markdown = (await logTexts(dir)).find((t) => t.startsWith('# Run of'))!;
    expect(markdown).toContain('| Outcome | **passed** (exit 0) |');
    expect(markdown).toContain('| 2 | Check the environment (`second`) | passed | 0 |');
    expect(markdown).toContain('```text\nrunning in staging\n```');
  });

  it('writes the log to --log FILE and FILE.md', async () => {
    const dir = await tempDir({ 'docs/proc.md': threeSteps });
    const result = await handbook(['docs/proc.md', '--cwd', dir, '--yes', '--log', 'out/run.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Log: out/run.json (and out/run.md)');
    expect(JSON.parse(await readFile(join(dir, 'out/run.json'), 'utf8')).outcome).toBe('passed');
    expect(await readFile(join(dir, 'out/run.md'), 'utf8')).toContain('# Run of Test procedure');
  });

  it('finds a doc by its id', async () => {
    const dir = await tempDir({ 'docs/team/proc.md': threeSteps });
    const result = await handbook(['team/proc', '--dry-run'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(docs/team/proc.md, version 1.0.0)');
  });

  it('runs sh blocks with sh', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ body: '```sh title="Which shell"\necho "shell=$0"\n```\n' }) });
    const result = await handbook(['docs/p.md', '--yes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('shell=sh');
  });
});

describe('handbook run: failures stop the run', () => {
  it('fails a step whose output does not match expect, and runs nothing after it', async () => {
    const dir = await tempDir({ 'docs/proc.md': threeSteps });
    const result = await handbook(['docs/proc.md', '--yes', '--param', 'ENVIRONMENT=production'], { cwd: dir });
    expect(result.code).toBe(0);

    const mismatch = threeSteps.replace('expect="/in (staging|production)$/m"', 'expect="ready"');
    const dir2 = await tempDir({ 'docs/proc.md': mismatch });
    const failed = await handbook(['docs/proc.md', '--yes'], { cwd: dir2 });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('--> FAILED: expected output not found: "ready"');
    expect(failed.stdout).toContain('Run FAILED: 1 passed, 1 failed, 1 not run.');
    expect(existsSync(join(dir2, 'third.ran'))).toBe(false);
    const [log] = await logsIn(dir2);
    expect(log!.outcome).toBe('failed');
    expect(log!.steps.map((s) => s.status)).toEqual(['passed', 'failed', 'not-run']);
    expect(log!.steps[1]).toMatchObject({ exitCode: 0, reason: 'expected output not found: "ready"', output: 'running in staging\n' });
    expect(log!.steps[2]).toMatchObject({ exitCode: null, startedAt: null, durationMs: null, reason: 'an earlier step failed' });
  });

  it('stops at a failing command (errexit and pipefail); later commands and steps leave no trace', async () => {
    const body = [
      '```bash title="Fails in a pipe"',
      'touch before',
      'false | cat',
      'touch after-pipe',
      '```',
      '',
      '```bash title="Never"',
      'touch never',
      '```',
      '',
    ].join('\n');
    const dir = await tempDir({ 'docs/p.md': procedure({ body }) });
    const result = await handbook(['docs/p.md', '--yes'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('--> FAILED: exit code 1');
    expect(existsSync(join(dir, 'before'))).toBe(true);
    expect(existsSync(join(dir, 'after-pipe'))).toBe(false);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    const [log] = await logsIn(dir);
    expect(log!.steps.map((s) => [s.status, s.exitCode])).toEqual([
      ['failed', 1],
      ['not-run', null],
    ]);
  });

  it('never runs blocks marked skip', async () => {
    const body = '```bash title="Sample" skip\ntouch sample.ran\n```\n\n```bash title="Real"\ntouch real.ran\n```\n';
    const dir = await tempDir({ 'docs/p.md': procedure({ body }) });
    const dry = await handbook(['docs/p.md', '--dry-run'], { cwd: dir });
    expect(dry.stdout).toContain('(1 shell block marked `skip`: never run)');
    expect(dry.stdout).not.toContain('touch sample.ran');
    const result = await handbook(['docs/p.md', '--yes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'real.ran'))).toBe(true);
    expect(existsSync(join(dir, 'sample.ran'))).toBe(false);
    expect((await logsIn(dir))[0]!.steps.map((s) => s.id)).toEqual(['real']);
  });

  it('returns promptly when a step leaves a background process holding its output', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ body: '```bash title="Background"\n(sleep 20 & echo $! > bg.pid)\necho started\n```\n' }) });
    const started = Date.now();
    const result = await handbook(['docs/p.md', '--yes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    process.kill(Number(await readFile(join(dir, 'bg.pid'), 'utf8')));
  });

  it('bounds the captured output, keeping its head and tail', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ body: '```bash title="Loud"\necho FIRST; head -c 2000000 /dev/zero | tr "\\\\0" x; echo; echo LAST\n```\n' }) });
    const result = await handbook(['docs/p.md', '--yes'], { cwd: dir });
    expect(result.code).toBe(0);
    const output = (await logsIn(dir))[0]!.steps[0]!.output;
    expect(output.length).toBeLessThan(300_000);
    expect(output.startsWith('FIRST\n')).toBe(true);
    expect(output.endsWith('LAST\n')).toBe(true);
    expect(output).toMatch(/\[\.\.\. \d+ characters of output omitted \.\.\.\]/);
  });
});

const dangerous = procedure({
  body: ['```bash title="Look" id=look', 'touch look.ran', '```', '', '```bash title="Drop the table" id=drop danger', 'touch drop.ran', '```', ''].join('\n'),
});

describe('handbook run: consent', () => {
  it('refuses to run anything without a terminal and without --yes (exit 2, no log)', async () => {
    const dir = await tempDir({ 'docs/p.md': threeSteps });
    const result = await handbook(['docs/p.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Plan: Test procedure');
    expect(result.stderr).toContain('refusing to run 3 steps without a terminal to confirm them: pass --yes');
    expect(existsSync(join(dir, 'first.txt'))).toBe(false);
    expect(existsSync(join(dir, '.handbook'))).toBe(false);
  });

  it('refuses danger steps without --allow-danger before the first step, naming them', async () => {
    const dir = await tempDir({ 'docs/p.md': dangerous });
    const result = await handbook(['docs/p.md', '--yes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('handbook run: refusing to run steps marked danger without --allow-danger: 2. drop\nNothing was run.\n');
    expect(existsSync(join(dir, 'look.ran'))).toBe(false);
    expect(existsSync(join(dir, 'drop.ran'))).toBe(false);
    expect(existsSync(join(dir, '.handbook'))).toBe(false);
  });

  it('runs danger steps with --yes --allow-danger, and only the safe ones with --only', async () => {
    const dir = await tempDir({ 'docs/p.md': dangerous });
    expect((await handbook(['docs/p.md', '--yes', '--only', 'look'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, 'look.ran'))).toBe(true);
    expect(existsSync(join(dir, 'drop.ran'))).toBe(false);
    const [log] = await logsIn(dir);
    expect(log!.steps.map((s) => [s.id, s.status, s.reason])).toEqual([
      ['look', 'passed', null],
      ['drop', 'not-run', 'not selected'],
    ]);
    expect((await handbook(['docs/p.md', '--yes', '--allow-danger', '--from', '2'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, 'drop.ran'))).toBe(true);
  });

  it('rejects unknown steps and parameters with a suggestion (exit 2)', async () => {
    const dir = await tempDir({ 'docs/p.md': threeSteps });
    const step = await handbook(['docs/p.md', '--yes', '--only', 'secnod'], { cwd: dir });
    expect(step.code).toBe(2);
    expect(step.stderr).toContain('--only: Unexpected step `secnod`, expected a step id or number (did you mean `second`?)');
    const param = await handbook(['docs/p.md', '--yes', '--param', 'ENVIRONMNT=staging'], { cwd: dir });
    expect(param.code).toBe(2);
    expect(param.stderr).toContain('Unexpected parameter `ENVIRONMNT`, expected one of `ENVIRONMENT` (did you mean `ENVIRONMENT`?)');
    const value = await handbook(['docs/p.md', '--yes', '--param', 'ENVIRONMENT=prod'], { cwd: dir });
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('Unexpected `prod` for ENVIRONMENT, expected one of `staging`, `production`');
    expect(existsSync(join(dir, 'first.txt'))).toBe(false);
  });

  it('refuses missing parameters without a terminal, naming how to pass them', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ params: '  QUARTER:\n    description: Quarter\n    pattern: "^[0-9]{4}Q[1-4]$"\n', body: '```bash title="Q"\necho "${QUARTER}" > q.txt\n```\n' }) });
    const missing = await handbook(['docs/p.md', '--yes'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing parameter QUARTER: pass --param NAME=VALUE or set HANDBOOK_PARAM_QUARTER');
    const bad = await handbook(['docs/p.md', '--yes', '--param', 'QUARTER=2024Q5'], { cwd: dir });
    expect(bad.stderr).toContain('Unexpected `2024Q5` for QUARTER, expected a value matching /^[0-9]{4}Q[1-4]$/');
    const fromEnv = await handbook(['docs/p.md', '--yes'], { cwd: dir, env: { HANDBOOK_PARAM_QUARTER: '2024Q1' } });
    expect(fromEnv.code).toBe(0);
    expect(await readFile(join(dir, 'q.txt'), 'utf8')).toBe('2024Q1\n');
  });
});

describe('handbook run --dry-run', () => {
  it('prints the plan and every command with its parameters, runs nothing, exits 0 with parameters missing', async () => {
    const params = '  QUARTER:\n    description: Quarter\n  DB_PASSWORD:\n    description: From the vault\n    secret: true\n';
    const body = '```bash title="Backfill" id=backfill time=1h danger\nbackfill --quarter "${QUARTER}" --password "${DB_PASSWORD}" && touch ran\n```\n';
    const dir = await tempDir({ 'docs/p.md': procedure({ params, body }) });
    const result = await handbook(['docs/p.md', '--dry-run', '--param', 'DB_PASSWORD=hunter2'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  QUARTER     = <unset>       (missing)\n  DB_PASSWORD = ********      (--param, secret)');
    expect(result.stdout).toContain(
      '[1/1] backfill: Backfill  [DANGER]  (bash, line 14)\n    backfill --quarter "${QUARTER}" --password "${DB_PASSWORD}" && touch ran\n  with QUARTER=<unset> DB_PASSWORD=********\n',
    );
    expect(result.stdout).toContain('Dry run: nothing was run. Missing parameters: QUARTER.');
    expect(result.stdout).not.toContain('hunter2');
    expect(existsSync(join(dir, 'ran'))).toBe(false);
    expect(existsSync(join(dir, '.handbook'))).toBe(false);
  });
});

describe('handbook run: secrets and parameters', () => {
  const params = '  TOKEN:\n    description: API token\n    secret: true\n  NAME:\n    description: A name\n';
  const body = [
    '```bash title="Use the token" id=use',
    'echo "token=${TOKEN}"',
    // The secret split over two writes with a pause: the stream masker must hold the first half.
    'printf "%s" "${TOKEN:0:5}"; sleep 0.3; printf "%s\\n" "${TOKEN:5}"',
    'echo "name=${NAME}"',
    'echo "${TOKEN}" >&2',
    '```',
    '',
    '```bash title="Fail with the token" id=fail',
    'echo "bad token ${TOKEN}"',
    'exit 3',
    '```',
    '',
  ].join('\n');

  it('never writes a secret value to the output, the log or its Markdown twin', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ params, body }) });
    const secret = 's3cr3t-VALUE-42';
    const result = await handbook(['docs/p.md', '--yes', '--param', 'NAME=ops'], { cwd: dir, env: { HANDBOOK_PARAM_TOKEN: secret } });
    expect(result.code).toBe(1);
    for (const text of [result.stdout, result.stderr, ...(await logTexts(dir))]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('s3cr3');
    }
    const [log] = await logsIn(dir);
    expect(log!.params).toEqual({ TOKEN: { value: '********', source: 'env', secret: true }, NAME: { value: 'ops', source: 'param', secret: false } });
    expect(log!.steps[0]!.output).toBe('token=********\n********\nname=ops\n********\n');
    expect(log!.steps[1]).toMatchObject({ status: 'failed', exitCode: 3, output: 'bad token ********\n', reason: 'exit code 3' });
  });

  it('passes values as environment variables, never as shell text', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ params: '  NAME:\n    description: A name\n', body: '```bash title="Echo"\necho "name=${NAME}"\n```\n' }) });
    const nasty = `$(touch pwned1); touch pwned2 \`touch pwned3\` ' " \\`;
    const result = await handbook(['docs/p.md', '--yes', '--param', `NAME=${nasty}`], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`name=${nasty}\n`);
    for (const f of ['pwned1', 'pwned2', 'pwned3']) expect(existsSync(join(dir, f))).toBe(false);
  });
});

describe('handbook run --resume', () => {
  const body = [
    '```bash title="Count" id=count',
    'echo x >> count.txt',
    '```',
    '',
    '```bash title="Needs go" id=needs-go',
    'test -f go',
    'echo x >> needs-go.txt',
    '```',
    '',
    '```bash title="Last" id=last',
    'echo x >> last.txt',
    '```',
    '',
  ].join('\n');

  it('continues after the last passed step of the latest log, with a log that carries the earlier steps', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ params: '  NAME:\n    description: n\n', body }) });
    const first = await handbook(['docs/p.md', '--yes', '--param', 'NAME=kept'], { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Continue after the last passed step with: handbook run docs/p.md --resume');

    await writeFile(join(dir, 'go'), '');
    const second = await handbook(['docs/p.md', '--yes', '--resume'], { cwd: dir });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/- 1 {2}count {5}\? {7}Count {2}\(passed in \.handbook\/runs\/\S+\.json\)\n/);
    expect(second.stdout).toContain('Total: 2 steps (no time estimates)');
    expect(await readFile(join(dir, 'count.txt'), 'utf8')).toBe('x\n');
    expect(await readFile(join(dir, 'needs-go.txt'), 'utf8')).toBe('x\n');
    expect(await readFile(join(dir, 'last.txt'), 'utf8')).toBe('x\n');

    const logs = await logsIn(dir);
    expect(logs).toHaveLength(2);
    const resumed = logs.find((l) => l.resumedFrom)!;
    expect(resumed.params.NAME).toEqual({ value: 'kept', source: 'log', secret: false });
    expect(resumed.steps.map((s) => [s.id, s.status])).toEqual([
      ['count', 'passed'],
      ['needs-go', 'passed'],
      ['last', 'passed'],
    ]);
    expect(resumed.steps[0]!.carriedFrom).toBe(resumed.resumedFrom);

    const third = await handbook(['docs/p.md', '--yes', '--resume'], { cwd: dir });
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/^Nothing to resume: every step of docs\/p\.md passed in \.handbook\/runs\/\S+\.json\.\n$/);
  });

  it('refuses when the doc version changed since the latest log, and when there is no log', async () => {
    const dir = await tempDir({ 'docs/p.md': procedure({ body }) });
    const none = await handbook(['docs/p.md', '--yes', '--resume'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--resume: no earlier run of docs/p.md in .handbook/runs');
    expect((await handbook(['docs/p.md', '--yes'], { cwd: dir })).code).toBe(1);
    await writeFile(join(dir, 'docs/p.md'), procedure({ version: '1.1.0', body }));
    await writeFile(join(dir, 'go'), '');
    const changed = await handbook(['docs/p.md', '--yes', '--resume'], { cwd: dir });
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/--resume: docs\/p\.md is at version 1\.1\.0 but \.handbook\/runs\/\S+\.json ran version 1\.0\.0/);
    expect(existsSync(join(dir, 'needs-go.txt'))).toBe(false);
    expect(await readFile(join(dir, 'count.txt'), 'utf8')).toBe('x\n');
  });
});

describe('handbook run: interruption', { timeout: 120_000 }, () => {
  it('on SIGINT stops the step and every process it started, writes the log and exits 130', async () => {
    const body = [
      '```bash title="Long" id=long',
      'sleep 300 &',
      'echo $! > background.pid',
      'echo started',
      'sleep 300',
      'touch finished',
      '```',
      '',
      '```bash title="After" id=after',
      'touch after.ran',
      '```',
      '',
    ].join('\n');
    const dir = await tempDir({ 'docs/p.md': procedure({ body }) });
    const run = spawnHandbook(['docs/p.md', '--yes'], { cwd: dir });
    await waitFor(() => /^started$/m.test(run.output()), 'the step to start');
    const background = Number(await readFile(join(dir, 'background.pid'), 'utf8'));
    expect(alive(background)).toBe(true);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('SIGINT: stopping the current step');
    expect(result.stdout).toContain('Run interrupted: 0 passed, 1 failed, 1 not run.');
    await waitFor(() => !alive(background), 'the background process to end', 5000);
    expect(existsSync(join(dir, 'finished'))).toBe(false);
    expect(existsSync(join(dir, 'after.ran'))).toBe(false);
    const [log] = await logsIn(dir);
    expect(log).toMatchObject({ outcome: 'interrupted', exitCode: 130 });
    expect(log!.endedAt).not.toBeNull();
    expect(log!.steps.map((s) => [s.status, s.reason])).toEqual([
      ['failed', 'interrupted (SIGINT)'],
      ['not-run', 'the run was interrupted'],
    ]);
    expect(log!.steps[0]!.output).toBe('started\n');
  });
});
