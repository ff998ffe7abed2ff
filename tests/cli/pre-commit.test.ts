import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
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
