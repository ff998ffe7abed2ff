import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const site = 'tests/cli/fixtures/check-site';
/** The summary's count of links to routes outside every checked route: none in this fixture, whose docs are served at /docs. */
const noneOutside = { links: 0, routes: {}, checked: ['/docs'] };

/** Runs `handbook <args>` in-process from the repository root with today fixed. */
function handbook(args: string[], options: { env?: NodeJS.ProcessEnv; tty?: boolean; cwd?: string } = {}) {
  return runHandbook(args, { ...options, cwd: options.cwd ?? root });
}

const d = (file: string, line: number, column: number, endLine: number, endColumn: number, severity: 'error' | 'warning', ruleId: string, message: string) => ({
  file,
  line,
  column,
  endLine,
  endColumn,
  severity,
  ruleId,
  message,
});

const expected = [
  d('docs/bad-header.md', 3, 1, 3, 13, 'error', 'header-schema', 'Unexpected `version: 1.0`, expected semver MAJOR.MINOR.PATCH (e.g. `1.0.0`)'),
  d('docs/bad-header.md', 4, 1, 4, 25, 'error', 'header-schema', 'Unexpected `last_updated: 2026-13-01`, expected a real calendar date'),
  d('docs/bad-header.md', 5, 1, 5, 16, 'error', 'header-schema', 'Unexpected `status: retired`, expected `draft`, `active`, `deprecated`'),
  d('docs/bad-header.md', 6, 1, 6, 10, 'error', 'header-schema', 'Unexpected empty `owner`, expected the owning team or person'),
  d('docs/bad-header.md', 7, 1, 7, 13, 'warning', 'header-unknown-key', 'Unexpected front matter key `last_udpated`, expected `last_updated`'),
  d('docs/broken-yaml.md', 3, 1, 3, 1, 'error', 'yaml-syntax', 'Malformed YAML front matter: missed comma between flow collection entries'),
  d('docs/nested/no-header.mdx', 1, 1, 1, 1, 'error', 'header-schema', 'Missing front matter, expected a version header with `title`, `version`, `last_updated`, `status` and `owner`'),
  d(
    'docs/overdue.md',
    4,
    1,
    4,
    25,
    'warning',
    'header-review-overdue',
    'Unexpected review overdue since 2026-07-01 (`last_updated: 2026-01-02`, reviewed every 180d by default), expected a review that bumps `last_updated`',
  ),
];

describe('handbook check --format json', () => {
  it('prints exactly one JSON object with every diagnostic and a summary, paths relative to --cwd', async () => {
    const { code, stdout, stderr } = await handbook(['check', '--cwd', site, '--format', 'json']);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({ diagnostics: expected, summary: { files: 7, errors: 6, warnings: 2, outside: noneOutside } });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(code).toBe(1);
  });

  it('reports only the files given (relative to --cwd), and exits 0 without errors', async () => {
    const { code, stdout } = await handbook(['check', 'docs/good.md', 'docs/overdue.md', '--cwd', site, '--format', 'json']);
    // 3 files: the two given and the doc whose link points into good.md (its referrer is re-checked too).
    expect(JSON.parse(stdout)).toEqual({ diagnostics: [expected[7]], summary: { files: 3, errors: 0, warnings: 1, outside: noneOutside } });
    expect(code).toBe(0);
  });

  it('selects the docs under a folder argument, and resolves files like git -C', async () => {
    const { stdout } = await handbook(['check', 'nested', '--format', 'json', '--cwd', `${site}/docs`, '--docs', '.']);
    expect(JSON.parse(stdout).diagnostics).toEqual([{ ...expected[6], file: 'nested/no-header.mdx' }]);
  });

  it('makes warnings errors with --strict (exit 1)', async () => {
    const { code, stdout } = await handbook(['check', 'docs/overdue.md', '--cwd', site, '--format', 'json', '--strict']);
    expect(JSON.parse(stdout)).toEqual({ diagnostics: [{ ...expected[7], severity: 'error' }], summary: { files: 1, errors: 1, warnings: 0, outside: noneOutside } });
    expect(code).toBe(1);
  });

  it('takes today from HANDBOOK_TODAY', async () => {
    const { stdout } = await handbook(['check', 'docs/overdue.md', '--cwd', site, '--format', 'json'], { env: { HANDBOOK_TODAY: '2026-06-01' } });
    expect(JSON.parse(stdout).diagnostics).toEqual([]);
  });

  it('checks another docs folder with --docs', async () => {
    const { code, stdout } = await handbook(['check', '--cwd', site, '--docs', 'docs/nested', '--format', 'json']);
    expect(JSON.parse(stdout)).toEqual({ diagnostics: [expected[6]], summary: { files: 1, errors: 1, warnings: 0, outside: noneOutside } });
    expect(code).toBe(1);
  });
});

describe('handbook check --format pretty|github|sarif', () => {
  it('groups by file with line:column, severity, message, rule id and a summary; no colour without a TTY', async () => {
    const { stdout } = await handbook(['check', 'docs/bad-header.md', 'docs/good.md', '--cwd', site]);
    expect(stdout).toBe(
      [
        'docs/bad-header.md',
        '  3:1  error    Unexpected `version: 1.0`, expected semver MAJOR.MINOR.PATCH (e.g. `1.0.0`)  header-schema',
        '  4:1  error    Unexpected `last_updated: 2026-13-01`, expected a real calendar date  header-schema',
        '  5:1  error    Unexpected `status: retired`, expected `draft`, `active`, `deprecated`  header-schema',
        '  6:1  error    Unexpected empty `owner`, expected the owning team or person  header-schema',
        '  7:1  warning  Unexpected front matter key `last_udpated`, expected `last_updated`  header-unknown-key',
        '',
        '✖ 5 problems (4 errors, 1 warning) in 3 files checked',
        '',
      ].join('\n'),
    );
    expect((await handbook(['check', 'docs/good.md', '--cwd', site])).stdout).toBe('✔ 2 files checked, no problems\n');
  });

  it('colours on a TTY unless NO_COLOR is set', async () => {
    expect((await handbook(['check', 'docs/overdue.md', '--cwd', site], { tty: true })).stdout).toContain('\u001b[33mwarning\u001b[39m');
    expect((await handbook(['check', 'docs/overdue.md', '--cwd', site], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('prints GitHub workflow commands with paths from where it runs', async () => {
    const { stdout } = await handbook(['check', 'docs/bad-header.md', 'docs/overdue.md', '--cwd', site, '--format', 'github']);
    expect(stdout.split('\n')).toEqual([
      `::error file=${site}/docs/bad-header.md,line=3,col=1,title=header-schema::Unexpected \`version: 1.0\`, expected semver MAJOR.MINOR.PATCH (e.g. \`1.0.0\`)`,
      `::error file=${site}/docs/bad-header.md,line=4,col=1,title=header-schema::Unexpected \`last_updated: 2026-13-01\`, expected a real calendar date`,
      `::error file=${site}/docs/bad-header.md,line=5,col=1,title=header-schema::Unexpected \`status: retired\`, expected \`draft\`, \`active\`, \`deprecated\``,
      `::error file=${site}/docs/bad-header.md,line=6,col=1,title=header-schema::Unexpected empty \`owner\`, expected the owning team or person`,
      `::warning file=${site}/docs/bad-header.md,line=7,col=1,title=header-unknown-key::Unexpected front matter key \`last_udpated\`, expected \`last_updated\``,
      `::warning file=${site}/docs/overdue.md,line=4,col=1,title=header-review-overdue::Unexpected review overdue since 2026-07-01 (\`last_updated: 2026-01-02\`, reviewed every 180d by default), expected a review that bumps \`last_updated\``,
      '',
    ]);
  });

  it('writes SARIF 2.1.0', async () => {
    const { stdout } = await handbook(['check', 'docs/overdue.md', '--cwd', site, '--format', 'sarif']);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('handbook');
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('header-schema');
    expect(log.runs[0].results).toEqual([
      {
        ruleId: 'header-review-overdue',
        ruleIndex: log.runs[0].tool.driver.rules.findIndex((r: { id: string }) => r.id === 'header-review-overdue'),
        level: 'warning',
        message: { text: expected[7]!.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: `${site}/docs/overdue.md`, uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 25 } } }],
      },
    ]);
  });
});

describe('handbook check usage and configuration errors (exit 2, no stack)', () => {
  it.each([
    [['--format', 'xml'], 'unknown --format `xml`, expected one of pretty, json, github, sarif'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['--cwd', 'no/such/dir'], '--cwd `no/such/dir` is not a folder'],
    [['--cwd', site, '--docs', 'missing'], 'docs folder `missing` not found'],
    [['--cwd', site, 'docs/nope.md'], 'no such file: docs/nope.md (file arguments are relative to --cwd)'],
    [['--cwd', site, '--docs', '../..'], '--docs must be inside --cwd'],
    [['--cwd', site, '--base', 'no-such-ref-xyz'], '--base: `no-such-ref-xyz` is not a git commit'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await handbook(['check', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed HANDBOOK_TODAY', async () => {
    const { code, stderr } = await handbook(['check', '--cwd', site], { env: { HANDBOOK_TODAY: '2026-02-30' } });
    expect(code).toBe(2);
    expect(stderr).toBe('handbook check: HANDBOOK_TODAY is `2026-02-30`, expected a date as YYYY-MM-DD\n');
  });

  it('the real binary exits 1 on errors and 2 on usage errors', async () => {
    const run = (args: string[]) =>
      promisify(execFile)('node', ['bin/handbook.mjs', 'check', ...args], { cwd: root, env: { ...process.env, HANDBOOK_TODAY: '2026-11-22', NO_COLOR: '1', HANDBOOK_CACHE_DIR: join(tmpdir(), 'handbook-check-bin-cache') } }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
    expect(await Promise.all([run(['--cwd', site, 'docs/good.md']), run(['--cwd', site]), run(['--cwd', site, '--format'])])).toEqual([0, 1, 2]);
  });
});

describe('handbook check --base REF', () => {
  const repo = mkdtempSync(join(tmpdir(), 'handbook-base-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('requires a version bump in every changed doc; new and unchanged docs pass', async () => {
    const git = (...args: string[]) => promisify(execFile)('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args]);
    cpSync(join(root, site, 'docs/good.md'), join(repo, 'docs/good.md'), { recursive: true });
    cpSync(join(root, site, 'docs/deprecated.md'), join(repo, 'docs/deprecated.md'));
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-q', '-m', 'base');
    // Changed without a bump; a new doc; deprecated.md unchanged.
    writeFileSync(join(repo, 'docs/good.md'), readFileSync(join(repo, 'docs/good.md'), 'utf8') + '\nMore text.\n');
    cpSync(join(root, site, 'docs/overdue.md'), join(repo, 'docs/new.md'));
    const { code, stdout } = await handbook(['check', '--cwd', repo, '--base', 'main', '--format', 'json']);
    expect(JSON.parse(stdout).diagnostics.filter((x: { ruleId: string }) => x.ruleId === 'header-version-bump')).toEqual([
      d('docs/good.md', 3, 1, 3, 15, 'error', 'header-version-bump', 'Unexpected `version: 1.0.0` in changed doc docs/good.md (main has 1.0.0), expected a version greater than 1.0.0'),
    ]);
    expect(code).toBe(1);
  });

  it('finds the changed docs when --cwd is a folder inside the repository', async () => {
    const nested = mkdtempSync(join(tmpdir(), 'handbook-base-nested-'));
    try {
      const git = (...args: string[]) => promisify(execFile)('git', ['-C', nested, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args]);
      cpSync(join(root, site, 'docs/good.md'), join(nested, 'handbook/docs/good.md'));
      cpSync(join(root, site, 'docs/deprecated.md'), join(nested, 'handbook/docs/deprecated.md'));
      await git('init', '-q', '-b', 'main');
      await git('add', '.');
      await git('commit', '-q', '-m', 'base');
      writeFileSync(join(nested, 'handbook/docs/good.md'), readFileSync(join(nested, 'handbook/docs/good.md'), 'utf8') + '\nMore text.\n');
      const { stdout } = await handbook(['check', '--cwd', join(nested, 'handbook'), '--base', 'main', '--format', 'json']);
      expect(JSON.parse(stdout).diagnostics.filter((x: { ruleId: string }) => x.ruleId === 'header-version-bump').map((x: { file: string }) => x.file)).toEqual(['docs/good.md']);
    } finally {
      rmSync(nested, { recursive: true, force: true });
    }
  });
});
