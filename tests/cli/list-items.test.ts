import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';

/**
 * Headings, definitions and fences inside list items are ordinary
 * CommonMark: check, export and run must find them as the build does
 * (a line scanner that skipped list items once reported valid anchors as
 * missing and lost the steps written in numbered lists).
 */
const doc = `---
title: Nested
params:
  TARGET:
    description: host
    default: db-1
---

# Nested

1. ## Setup

   \`\`\`bash title="Stop the writer" id=stop-writer
   echo stopping "\${TARGET}"
   \`\`\`

- ## Inner heading

  - [ref]: ./missing.md
  - \`\`\`bash id=nested-deeper
    echo deeper
    \`\`\`

2. [setup](#setup), [inner](#inner-heading), [broken](#nowhere) and [the other](./other.md#deep-item).

[ref]

* [good]: ./other.md
`;

const other = `---
title: Other
---

# Other

- ### Deep item

[back](./nested.md#setup) [good]

[good]: ./nested.md
`;

const root = mkdtempSync(join(tmpdir(), 'handbook-lists-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [path, text] of Object.entries({ 'docs/nested.md': doc, 'docs/other.md': other })) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('constructs inside list items', () => {
  it('check: list-nested headings are anchors, a broken definition in a list item is reported', async () => {
    const { code, stdout } = await runHandbook(['check', '--format', 'json', '--rules', 'link-target,link-anchor', '--no-cache'], { cwd: root });
    expect(code).toBe(1);
    const found = (JSON.parse(stdout) as { diagnostics: { file: string; line: number; ruleId: string; message: string }[] }).diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`);
    expect(found).toEqual(['docs/nested.md:19 link-target', 'docs/nested.md:24 link-anchor']);
  });

  it('export: the steps in list items, with their sections', async () => {
    const { code, stdout } = await runHandbook(['export'], { cwd: root });
    expect(code).toBe(0);
    const exported = JSON.parse(stdout) as { docs: { path: string; steps: { id: string; section: string | null; line: number }[] }[] };
    expect(exported.docs.map((d) => d.path)).toEqual(['docs/nested.md']);
    expect(exported.docs[0]!.steps.map((s) => [s.id, s.section, s.line])).toEqual([
      ['stop-writer', 'Setup', 13],
      ['nested-deeper', 'Inner heading', 20],
    ]);
  });

  it('run: the same steps, by id', async () => {
    const { code, stdout } = await runHandbook(['run', 'docs/nested.md', '--dry-run', '--only', 'nested-deeper'], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toContain('nested-deeper');
    expect(stdout).toContain('echo deeper');
    expect(stdout).not.toContain('echo stopping');
  });
});
