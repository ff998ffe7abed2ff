import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { readFile } from 'node:fs/promises';
import { repoRoot } from '../support/fixture-site.js';

const exec = promisify(execFile);
const header = (title: string) => `---\ntitle: ${title}\nversion: 1.0.0\nlast_updated: 2026-11-01\nstatus: active\nowner: ops\n---\n\n# ${title}\n\n`;

/** .github/hooks/pre-commit in a scratch repository (bin/ linked to this checkout). */
describe('the pre-commit hook', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function repo() {
    dir = await mkdtemp(join(tmpdir(), 'handbook-hook-'));
    const git = (...args: string[]) => exec('git', ['-C', dir, ...args]);
    await git('init', '-q');
    await git('config', 'user.email', 't@example.com');
    await git('config', 'user.name', 'T');
    await symlink(join(repoRoot, 'bin'), join(dir, 'bin'));
    await writeFile(join(dir, '.gitignore'), 'bin\n.handbook/\n');
    await mkdir(join(dir, 'docs'));
    await writeFile(join(dir, 'docs/a.md'), header('A') + 'See [b](./b.md#roll-back).\n');
    await writeFile(join(dir, 'docs/b.md'), header('B') + '## Roll back\n\nUndo.\n');
    await writeFile(join(dir, 'docs/c.md'), header('C') + 'Alone.\n');
    await git('add', '.');
    await git('commit', '-q', '-m', 'docs');
    const hook = () =>
      exec('sh', [join(repoRoot, '.github/hooks/pre-commit')], { cwd: dir, env: { ...process.env, HANDBOOK_TODAY: '2026-11-22', NO_COLOR: '1' } }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    return { git, hook };
  }

  it('checks the staged docs and the links other docs have into them', async () => {
    const { git, hook } = await repo();
    expect((await hook()).code).toBe(0); // nothing staged
    await writeFile(join(dir, 'docs/b.md'), header('B') + '## Roll back now\n\nUndo.\n');
    await git('add', 'docs/b.md');
    const result = await hook();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('docs/a.md\n  11:5  error    Unexpected missing anchor `#roll-back` in `docs/b.md`');
    expect(result.stdout).toContain('in 2 files checked');
  });

  it('checks every doc when a doc is deleted', async () => {
    const { git, hook } = await repo();
    await git('rm', '-q', 'docs/b.md');
    const result = await hook();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('docs/a.md\n  11:5  error    Unexpected link to missing doc `./b.md#roll-back`');
    expect(result.stdout).toContain('in 2 files checked');
  });
});

interface PreCommitHook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial: boolean;
}

/**
 * .pre-commit-hooks.yaml's `handbook-check`, run in a scratch repository as
 * the pre-commit framework runs it: the staged files (its own `git diff
 * --staged` filter) matching `files`, appended to `entry`, with the
 * package's bin (`handbook`) on the PATH, as `language: node` installs it.
 */
describe('the pre-commit framework hook (handbook-check)', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function hookOf(): Promise<PreCommitHook> {
    const hooks = load(await readFile(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as PreCommitHook[];
    expect(hooks.map((h) => h.id)).toEqual(['handbook-check']);
    return hooks[0]!;
  }

  it('runs `handbook check` once, on the staged docs, with the bin of the package', async () => {
    const hook = await hookOf();
    expect({ entry: hook.entry, language: hook.language, pass_filenames: hook.pass_filenames, require_serial: hook.require_serial }).toEqual({ entry: 'handbook check', language: 'node', pass_filenames: true, require_serial: true });
    const bin = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')).bin as Record<string, string>;
    expect(bin[hook.entry.split(' ')[0]!]).toBe('bin/handbook.mjs');
  });

  it('checks the staged docs and the docs linking into them', async () => {
    const hook = await hookOf();
    dir = await mkdtemp(join(tmpdir(), 'handbook-pre-commit-'));
    const work = join(dir, 'repo');
    const path = join(dir, 'bin');
    await mkdir(path);
    await symlink(join(repoRoot, 'bin/handbook.mjs'), join(path, 'handbook'));
    const git = (...args: string[]) => exec('git', ['-C', work, ...args]);
    await mkdir(join(work, 'docs'), { recursive: true });
    await git('init', '-q');
    await git('config', 'user.email', 't@example.com');
    await git('config', 'user.name', 'T');
    await writeFile(join(work, '.gitignore'), '.handbook/\n');
    await writeFile(join(work, 'docs/a.md'), header('A') + 'See [b](./b.md#roll-back).\n');
    await writeFile(join(work, 'docs/b.md'), header('B') + '## Roll back\n\nUndo.\n');
    await writeFile(join(work, 'docs/c.md'), header('C') + 'Alone.\n');
    await writeFile(join(work, 'NOTES.md'), 'Not a doc: [nowhere](./nowhere.md).\n');
    await git('add', '.');
    await git('commit', '-q', '-m', 'docs');

    const run = async () => {
      const { stdout: staged } = await git('diff', '--staged', '--name-only', '--no-ext-diff', '-z', '--diff-filter=ACMRTUXB');
      const files = staged.split('\0').filter((f) => f !== '' && new RegExp(hook.files).test(f));
      if (files.length === 0) return { code: 0, stdout: '', files };
      const [command, ...args] = hook.entry.split(' ');
      return exec(command!, [...args, ...files], { cwd: work, env: { ...process.env, PATH: `${path}:${process.env.PATH}`, HANDBOOK_TODAY: '2026-11-22', NO_COLOR: '1' } }).then(
        ({ stdout }) => ({ code: 0, stdout, files }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout, files }),
      );
    };

    await writeFile(join(work, 'NOTES.md'), 'Still not a doc: [nowhere](./nowhere.md).\n');
    await git('add', 'NOTES.md');
    expect(await run()).toEqual({ code: 0, stdout: '', files: [] });

    await writeFile(join(work, 'docs/b.md'), header('B') + '## Roll back now\n\nUndo.\n');
    await git('add', 'docs/b.md');
    const result = await run();
    expect(result.files).toEqual(['docs/b.md']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(['docs/a.md', '  11:5  error    Unexpected missing anchor `#roll-back` in `docs/b.md`, expected a heading anchor; did you mean `#roll-back-now`?  link-anchor', '', '✖ 1 problem (1 error, 0 warnings) in 2 files checked', ''].join('\n'));
  });
});
