import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkChecklist from '../../plugins/checklist/remark.js';

const fixture = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/checklist/procedure.md'), 'utf8');

/** Writes the doc under a temporary `docs/` folder (the plugin reads the file as written) and compiles it like Docusaurus. */
async function compileDoc(relativePath: string, text: string, format: 'md' | 'mdx' = 'md'): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'handbook-remark-'));
  const path = join(root, 'docs', relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const { default: remarkFrontmatter } = await import('remark-frontmatter');
  const result = await compile({ value: text, path }, { format, remarkPlugins: [remarkFrontmatter, remarkChecklist], development: false });
  return String(result);
}

/** The string attributes of each `_jsx(_components.Name, {...})` call, evaluated. */
function elements(js: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of js.matchAll(new RegExp(`_jsx\\(${name}, (\\{[\\s\\S]*?\\n\\s*\\})\\)`, 'g'))) {
    // eslint-disable-next-line no-new-func
    found.push(new Function(`return ${match[1]}`)() as Record<string, string>);
  }
  return found;
}

describe('remark checklist plugin', () => {
  it('turns each step into a ChecklistStep with plain string attributes', async () => {
    const js = await compileDoc('ops/rotate.md', fixture);
    const steps = elements(js, 'ChecklistStep');
    expect(steps.map((s) => s.id)).toEqual(['health-sh', 'disk-space', 'deploy-the-release', 'drop-the-old-replica', 'redeploy-the-previous-release']);
    expect(steps[0]).toMatchObject({ doc: 'ops/rotate', version: '2.0.0', title: 'health.sh', section: 'Preflight', lang: 'bash', expect: 'ok', minutes: '2', meta: 'title="health.sh"', params: 'ENV' });
    expect(steps[1]).toMatchObject({ lang: 'console', command: 'df -h /var/lib/widgets', code: expect.stringContaining('$ df -h /var/lib/widgets\nFilesystem') });
    expect(steps[2]).toMatchObject({ expect: 'deployed', params: 'ENV RELEASE TOKEN' });
    expect(steps[3]).toMatchObject({ danger: 'true', command: "psql -c 'DROP DATABASE widgets_old;' # <script>alert(1)</script> {x} `date` </code> ${x}" });
    expect(steps[4]).not.toHaveProperty('danger');
    // The `text` block after "Deploy the release" is shown inside the step, not twice.
    expect(js).not.toContain('"deployed\\n"');
    // `skip` stays a plain code block.
    expect(js).toContain('echo \\"not a step\\"');
    // Nothing from a command reaches the page as markup.
    expect(js).not.toMatch(/_jsx\("script"/);
  });

  it('adds the doc panel after the title and a summary under each h2 with steps', async () => {
    const js = await compileDoc('ops/rotate.md', fixture);
    const [panel] = elements(js, 'ChecklistDoc');
    expect(panel).toMatchObject({ doc: 'ops/rotate', version: '2.0.0', title: 'Rotate the widget database', permalink: '/docs/ops/rotate' });
    expect(JSON.parse(panel!.params!).map((p: { name: string }) => p.name)).toEqual(['ENV', 'RELEASE', 'TOKEN']);
    expect(JSON.parse(panel!.steps!)).toHaveLength(5);
    expect(js.indexOf('ChecklistDoc, {')).toBeGreaterThan(js.indexOf('"Rotate the widget database"'));
    const sections = elements(js, 'ChecklistSection');
    expect(sections.map((s) => [s.section, JSON.parse(s.steps!)])).toEqual([
      ['Preflight', [['health-sh', 2], ['disk-space', 0.5]]],
      ['Rotate', [['deploy-the-release', 10], ['drop-the-old-replica', 5]]],
      ['Rollback', [['redeploy-the-previous-release', null]]],
    ]);
  });

  it('keys a doc without a version by a hash of its steps, and leaves docs without steps alone', async () => {
    const a = elements(await compileDoc('a.md', '# A\n\nSay hi.\n\n```bash\necho hi\n```\n'), 'ChecklistDoc')[0]!;
    const b = elements(await compileDoc('a.md', '# A\n\nSay hi.\n\n```bash\necho hello\n```\n'), 'ChecklistDoc')[0]!;
    expect(a.version).toMatch(/^h[0-9a-z]+$/);
    expect(a.version).not.toBe(b.version);
    const plain = await compileDoc('b.md', '# B\n\n```python\nprint(1)\n```\n\n```bash skip\necho no\n```\n');
    expect(plain).not.toContain('Checklist');
  });

  it('works in MDX, with steps inside JSX', async () => {
    const js = await compileDoc('c.mdx', '# C\n\n<details>\n<summary>More</summary>\n\nRun it.\n\n```bash\necho {inside}\n```\n\n</details>\n', 'mdx');
    expect(elements(js, 'ChecklistStep').map((s) => [s.title, s.command])).toEqual([['Run it', 'echo {inside}']]);
  });
});
