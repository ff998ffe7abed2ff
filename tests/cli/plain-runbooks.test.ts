import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';
import { repoRoot } from '../support/fixture-site.js';

/**
 * A plain runbook repository (tests/cli/fixtures/plain-runbooks): Markdown
 * without front matter in `runbooks/`, no Docusaurus, a handbook.config.json
 * turning `header-*` off. Its docs link to each other, to headings (GitHub's
 * slugs), and to repository files outside the docs folder.
 */
const fixture = join(repoRoot, 'tests/cli/fixtures/plain-runbooks');

describe('handbook check on a plain runbook repository', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports exactly its broken links and anchors; links to repository files outside the docs folder resolve', async () => {
    const result = await runHandbook(['check', '--format', 'json'], { cwd: fixture });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      diagnostics: [
        { file: 'runbooks/db/failover.md', line: 16, column: 6, endLine: 16, endColumn: 42, severity: 'error', ruleId: 'link-anchor', message: 'Unexpected missing anchor `#roll-forward` in this doc, expected a heading anchor' },
        {
          file: 'runbooks/db/failover.md',
          line: 16,
          column: 47,
          endLine: 16,
          endColumn: 94,
          severity: 'error',
          ruleId: 'link-anchor',
          message: 'Unexpected missing anchor `#flush-everything` in `runbooks/cache-flush.md`, expected a heading anchor',
        },
        { file: 'runbooks/db/failover.md', line: 17, column: 6, endLine: 17, endColumn: 44, severity: 'error', ruleId: 'link-target', message: 'Unexpected link to missing doc `../../GUIDE.md` (`GUIDE.md`), expected an existing doc' },
      ],
      summary: { files: 3, errors: 3, warnings: 0, outside: { links: 0, routes: {}, checked: ['/runbooks'] } },
    });
  });

  it('still checks steps, shell and secrets there', async () => {
    dir = await mkdtemp(join(tmpdir(), 'handbook-plain-'));
    await cp(fixture, dir, { recursive: true });
    await writeFile(
      join(dir, 'runbooks/rotate.md'),
      ['# Rotate the key', '', '```bash', 'if true; then echo open', '```', '', '```bash', 'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzzz', '```', ''].join('\n'),
    );
    const result = await runHandbook(['check', '--format', 'json', 'runbooks/rotate.md'], { cwd: dir });
    const found = (JSON.parse(result.stdout) as { diagnostics: { line: number; ruleId: string; severity: string }[] }).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`);
    expect(found).toEqual(['4 shell-syntax error', '8 no-secrets error']);
  });
});
