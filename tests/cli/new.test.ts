import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';
import { titleFromPath } from '../../scripts/new/templates.js';

/** Runs `handbook <args>` in-process in `cwd` with today fixed. */
const handbook = (args: string[], cwd: string) => runHandbook(args, { cwd });

const dir = mkdtempSync(join(tmpdir(), 'handbook-new-'));
mkdirSync(join(dir, 'docs'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('handbook new', () => {
  for (const type of ['runbook', 'procedure', 'checklist', 'guide']) {
    it(`creates a ${type} that passes handbook check --strict as created`, async () => {
      const path = `docs/payments/${type}-example.md`;
      const created = await handbook(['new', type, path, '--owner', 'payments-oncall', '--title', `Example ${type}`], dir);
      expect(created).toMatchObject({ code: 0, stderr: '' });
      const text = readFileSync(join(dir, path), 'utf8');
      expect(text).toMatch(/^---\ntitle: Example \w+\nversion: 0\.1\.0\nlast_updated: 2026-11-22\nstatus: draft\nowner: payments-oncall\n/);
      expect(text).toContain(`type: ${type}\nsystem: payments\n`);
      expect(text).toContain('| 0.1.0 | 2026-11-22 | First draft. |');
      const checked = await handbook(['check', path, '--strict', '--format', 'json', '--no-cache'], dir);
      expect(JSON.parse(checked.stdout).diagnostics).toEqual([]);
      expect(checked.code).toBe(0);
    });
  }

  it('gives a runbook its four sections and a procedure verification and rollback', async () => {
    const runbook = readFileSync(join(dir, 'docs/payments/runbook-example.md'), 'utf8');
    expect(runbook.match(/^## .*/gm)).toEqual(['## Symptoms', '## Diagnosis', '## Resolution', '## Escalation', '## Version history']);
    const procedure = readFileSync(join(dir, 'docs/payments/procedure-example.md'), 'utf8');
    expect(procedure.match(/^## .*/gm)).toEqual(['## Before you start', '## Steps', '## Verification', '## Rollback', '## Version history']);
  });

  it('takes the title from the file name and the owner from a document beside it', async () => {
    mkdirSync(join(dir, 'docs/ledger'));
    writeFileSync(join(dir, 'docs/ledger/a.md'), '---\ntitle: A\nowner: ledger-team\n---\n\n# A\n');
    expect((await handbook(['new', 'guide', 'docs/ledger/02-month-end-close.md'], dir)).code).toBe(0);
    const text = readFileSync(join(dir, 'docs/ledger/02-month-end-close.md'), 'utf8');
    expect(text).toContain('title: Month end close\n');
    expect(text).toContain('owner: ledger-team\n');
    expect(text).toContain('system: ledger\n');
    expect(titleFromPath('docs/x/disk_full.mdx')).toBe('Disk full');
  });

  it('quotes a title YAML would misread', async () => {
    expect((await handbook(['new', 'guide', 'docs/q.md', '--title', 'Restore: the last resort'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'docs/q.md'), 'utf8')).toContain('title: "Restore: the last resort"\n');
    expect((await handbook(['check', 'docs/q.md', '--strict', '--no-cache'], dir)).code).toBe(0);
  });

  it('refuses an existing file, an unknown type and a non-Markdown path with exit 2', async () => {
    expect(await handbook(['new', 'guide', 'docs/q.md'], dir)).toEqual({ code: 2, stdout: '', stderr: 'handbook new: docs/q.md already exists, expected a new file\n' });
    expect(await handbook(['new', 'runbok', 'docs/r.md'], dir)).toEqual({ code: 2, stdout: '', stderr: 'handbook new: unexpected type `runbok`, expected one of runbook, procedure, checklist, guide\n' });
    expect(await handbook(['new', 'guide', 'docs/r.txt'], dir)).toEqual({ code: 2, stdout: '', stderr: 'handbook new: unexpected path `docs/r.txt`, expected a .md or .mdx file\n' });
    expect((await handbook(['new', 'guide'], dir)).code).toBe(2);
    expect((await handbook(['new', '--help'], dir)).stdout).toContain('Usage: handbook new');
  });
});
