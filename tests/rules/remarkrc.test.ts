import { describe, expect, it } from 'vitest';
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import { VFile } from 'vfile';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../.remarkrc.mjs';
import { fixturesDir } from './harness.js';
import { repoRoot } from '../support/fixture-site.js';

async function remark(fixture: string): Promise<string[]> {
  const path = join(fixturesDir, fixture);
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  const processor = unified().use(remarkParse).use((config as { plugins: PluggableList }).plugins);
  await processor.run(processor.parse(file), file);
  return file.messages.map((m) => `${m.line}:${m.column} ${m.source}:${m.ruleId}`);
}

describe('.remarkrc.mjs (what editors run)', () => {
  it('reports the handbook rules at the same places as handbook check', async () => {
    expect(await remark('no-secrets/not-ok.md')).toEqual([
      '4:19 handbook:no-secrets',
      '5:24 handbook:no-secrets',
      '6:32 handbook:no-secrets',
      '9:12 handbook:no-secrets',
      '9:47 handbook:no-secrets',
      '12:13 handbook:no-secrets',
      '15:1 handbook:no-secrets',
    ]);
  });

  it('runs the recommended preset', async () => {
    expect(await remark('remark-lint/not-ok.md')).toEqual([
      '3:30 remark-lint:no-literal-urls',
      '3:5 remark-lint:no-undefined-references',
      '7:1 remark-lint:no-unused-definitions',
    ]);
  });
});

describe('remark-cli in plain Node (a process of its own, as editors and `npx remark` run it)', () => {
  const remarkCli = (args: string[]) =>
    new Promise<{ code: number | null; output: string }>((resolvePromise) => {
      const child = spawn(process.execPath, [join(repoRoot, 'node_modules/remark-cli/cli.js'), ...args, '--frail', '--no-color'], {
        cwd: repoRoot,
        // Plain Node: none of the test runner's TypeScript hooks.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, HANDBOOK_TODAY: '2026-12-03' },
      });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      child.on('close', (code) => resolvePromise({ code, output }));
    });

  it('passes the handbook docs (`npx remark docs --frail` exits 0)', { timeout: 180_000 }, async () => {
    const { code, output } = await remarkCli(['docs', '--quiet']);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('fails on a doc that breaks a handbook rule, naming the rule', { timeout: 60_000 }, async () => {
    const { code, output } = await remarkCli([join('tests/rules/fixtures/shell-prompt/not-ok.md')]);
    expect(code).toBe(1);
    expect(output).toMatch(/^\s*\d+:\d+-\d+:\d+\s+warning\s+Unexpected `\$ ` prompt .*shell-prompt\s+handbook$/m);
  });
});
