import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import type { Code, Nodes, Root } from 'mdast';
import { parseDoc } from '../../core/parse.js';
import { knownModel, rememberModel } from '../../lib/models.js';
import remarkChecklist, { CHECKLIST_ELEMENTS, type ChecklistNode, type ChecklistStepData } from '../../plugins/checklist/remark.js';

const fixture = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/checklist/procedure.md'), 'utf8');

/**
 * Writes the doc under a temporary `docs/` folder (the plugin reads the file
 * as written), compiles it like Docusaurus and returns the JavaScript and the
 * tree as the plugin left it.
 */
async function compileDoc(relativePath: string, text: string, format: 'md' | 'mdx' = 'md'): Promise<{ js: string; tree: Root }> {
  const root = mkdtempSync(join(tmpdir(), 'handbook-remark-'));
  const path = join(root, 'docs', relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const { default: remarkFrontmatter } = await import('remark-frontmatter');
  let tree: Root | undefined;
  const capture = () => (t: Root) => {
    tree = structuredClone(t);
  };
  const result = await compile({ value: text, path }, { format, remarkPlugins: [remarkFrontmatter, remarkChecklist, capture], development: false });
  return { js: String(result), tree: tree! };
}

const { doc: DOC, panel: PANEL, section: SECTION, step: STEP } = CHECKLIST_ELEMENTS;

/** Every checklist element of that name in the tree, in document order. */
function elements(tree: Nodes | ChecklistNode, name: string): ChecklistNode[] {
  const found: ChecklistNode[] = [];
  const walk = (node: Nodes | ChecklistNode): void => {
    if (node.type === 'checklistElement' && node.data.hName === name) found.push(node);
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return found;
}

/** An element's properties; every one must be a plain string. */
function attributes(node: ChecklistNode): Record<string, string> {
  for (const value of Object.values(node.data.hProperties)) expect(typeof value).toBe('string');
  return node.data.hProperties;
}

function stepsOf(tree: Root): ChecklistStepData[] {
  return JSON.parse(attributes(elements(tree, DOC)[0]!).steps!) as ChecklistStepData[];
}

/** The code block inside each step element, and the step's position property. */
function stepBlocks(tree: Root): { index: string; code: Code }[] {
  return elements(tree, STEP).map((step) => {
    expect(step.children).toHaveLength(1);
    return { index: attributes(step).index!, code: step.children[0] as unknown as Code };
  });
}

describe('remark checklist plugin', () => {
  it('wraps each step block in a step element and gives its data to the doc once, as JSON', async () => {
    const { js, tree } = await compileDoc('ops/rotate.md', fixture);
    const steps = stepsOf(tree);
    expect(steps.map((s) => s.id)).toEqual(['health-sh', 'disk-space', 'deploy-the-release', 'drop-the-old-replica', 'redeploy-the-previous-release']);
    // Null, false and empty fields are left out.
    expect(steps[0]).toEqual({ id: 'health-sh', title: 'health.sh', section: 'Preflight', minutes: 2, params: ['ENV'], expect: 'ok' });
    // A console transcript of a command and its output: the command as a shell block, the output as expected output.
    expect(steps[1]).toEqual({ id: 'disk-space', title: 'Check free disk space', section: 'Preflight', minutes: 0.5, expect: expect.stringMatching(/^Filesystem .*\n\/dev\/sdb1 .*\/var\/lib\/widgets$/) });
    // Titles that are the sentence above the block (written as `title="..."` too) are marked: the page shows them once.
    expect(steps[2]).toMatchObject({ titleInText: true, expect: 'deployed', params: ['ENV', 'RELEASE', 'TOKEN'] });
    expect(steps[3]).toMatchObject({ titleInText: true, danger: true, section: 'Rotate', minutes: 5 });
    expect(steps[4]).toEqual({ id: 'redeploy-the-previous-release', title: 'Redeploy the previous release', titleInText: true, section: 'Rollback', params: ['ENV'] });
    const blocks = stepBlocks(tree);
    expect(blocks.map((b) => b.index)).toEqual(['0', '1', '2', '3', '4']);
    // The step shows its title: its code block has no title bar of its own.
    expect(blocks.map((b) => [b.code.type, b.code.lang, b.code.meta])).toEqual([
      ['code', 'bash', null],
      ['code', 'bash', null],
      ['code', 'bash', null],
      ['code', 'bash', null],
      ['code', 'bash', null],
    ]);
    expect(blocks[1]!.code.value).toBe('df -h /var/lib/widgets');
    expect(blocks[3]!.code.value).toBe("psql -c 'DROP DATABASE widgets_old;' # <script>alert(1)</script> {x} `date` </code> ${x}");
    // The command is the code block's text only: no copy of it in the data.
    expect(steps.every((s) => s.command === undefined)).toBe(true);
    expect(js.split('DROP DATABASE widgets_old').length - 1).toBe(1);
    // The `text` block after "Deploy the release" is shown inside the step, not twice.
    expect(js).not.toContain('"deployed\\n"');
    // `skip` stays a plain code block.
    expect(js).toContain('echo \\"not a step\\"');
    // Nothing from a command reaches the page as markup.
    expect(js).not.toMatch(/_jsx\("script"/);
    // The elements are rendered by the components of MDXComponents.
    expect(js).toContain(`_jsx(_components.${STEP}, {`);
    expect(js).toContain('"psql -c \'DROP DATABASE widgets_old;\' # <script>alert(1)</script> {x} `date` </code> ${x}\\n"');
  });

  it("names the doc by the id and permalink Docusaurus gives it (number prefixes, slug), as the export does", async () => {
    const { tree } = await compileDoc('01-ops/02-rotate.md', fixture.replace(/^---\n/, '---\nslug: /rotate-widgets\n'));
    expect(attributes(elements(tree, DOC)[0]!)).toMatchObject({ doc: 'ops/rotate', permalink: '/docs/rotate-widgets' });
  });

  it('wraps the content in the doc element, with the panel after the title and a summary under each h2 with steps', async () => {
    const { js, tree } = await compileDoc('ops/rotate.md', fixture);
    const docs = elements(tree, DOC);
    expect(docs).toHaveLength(1);
    expect(tree.children.map((n) => n.type)).toEqual(['yaml', 'checklistElement']);
    expect(tree.children[1]).toBe(docs[0]);
    const doc = attributes(docs[0]!);
    expect(doc).toMatchObject({ doc: 'ops/rotate', version: '2.0.0', title: 'Rotate the widget database', permalink: '/docs/ops/rotate' });
    expect(JSON.parse(doc.params!)).toEqual([
      { name: 'ENV', description: 'Target environment', default: 'staging', enum: ['staging', 'production'] },
      { name: 'RELEASE', description: 'Release tag, like v1.2.3', default: 'v1.0.0', pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+$' },
      { name: 'TOKEN', description: 'API token of the operator', secret: true },
    ]);
    const content = docs[0]!.children.map((n) => ((n as unknown as ChecklistNode).type === 'checklistElement' ? (n as unknown as ChecklistNode).data.hName : n.type));
    expect(content.slice(0, 3)).toEqual(['heading', PANEL, 'paragraph']);
    expect(js.indexOf(`_components.${PANEL}, {`)).toBeGreaterThan(js.indexOf('"Rotate the widget database"'));
    expect(elements(tree, SECTION).map((s) => attributes(s))).toEqual([
      { section: 'Preflight', steps: '0 1' },
      { section: 'Rotate', steps: '2 3' },
      { section: 'Rollback', steps: '4' },
    ]);
  });

  it('keeps an interleaved console transcript as written, with the command to copy in the data', async () => {
    const text = '# T\n\nCheck both.\n\n```console\n$ echo a\na\n$ echo b\nb\n```\n';
    const { tree } = await compileDoc('t.md', text);
    const [block] = stepBlocks(tree);
    expect([block!.code.lang, block!.code.value]).toEqual(['shell-session', '$ echo a\na\n$ echo b\nb']);
    expect(stepsOf(tree)[0]).toMatchObject({ title: 'Check both', command: 'echo a\necho b' });
    expect(stepsOf(tree)[0]).not.toHaveProperty('expect');
  });

  it('keys a doc without a version by a hash of its steps, and leaves docs without steps alone', async () => {
    const a = attributes(elements((await compileDoc('a.md', '# A\n\nSay hi.\n\n```bash\necho hi\n```\n')).tree, DOC)[0]!);
    const b = attributes(elements((await compileDoc('a.md', '# A\n\nSay hi.\n\n```bash\necho hello\n```\n')).tree, DOC)[0]!);
    expect(a.version).toMatch(/^h[0-9a-z]+$/);
    expect(a.version).not.toBe(b.version);
    const plain = await compileDoc('b.md', '# B\n\n```python\nprint(1)\n```\n\n```bash skip\necho no\n```\n');
    expect(plain.js).not.toMatch(/checklist/i);
  });

  it('works in MDX, with steps inside JSX and ESM kept at the top level', async () => {
    const { js, tree } = await compileDoc('c.mdx', 'import X from "./x";\n\n# C\n\n<details>\n<summary>More</summary>\n\nRun it.\n\n```bash\necho {inside}\n```\n\n</details>\n', 'mdx');
    expect(stepsOf(tree).map((s) => s.title)).toEqual(['Run it']);
    expect(stepBlocks(tree).map((b) => b.code.value)).toEqual(['echo {inside}']);
    expect(tree.children.map((n) => n.type)).toEqual(['mdxjsEsm', 'checklistElement']);
    expect(js).toContain('import X from "./x"');
  });
});

describe('the page reads the model the build loaded', () => {
  it('takes a known model without its parse tree (one the build read from the cache) instead of parsing the doc again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'handbook-remark-known-'));
    const file = join(root, 'docs', 'ops', 'known.md');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, fixture);
    const job = { file, path: 'docs/ops/known.md', text: fixture };
    const cached = parseDoc(job);
    Reflect.deleteProperty(cached, 'tree');
    rememberModel(job, cached);
    const { default: remarkFrontmatter } = await import('remark-frontmatter');
    const js = String(await compile({ value: fixture, path: file }, { format: 'md', remarkPlugins: [remarkFrontmatter, remarkChecklist], development: false }));
    expect(js).toContain(`_jsx(_components.${STEP}, {`);
    // Not parsed again: the model this process knows is still the cached one.
    expect(knownModel(job)).toBe(cached);
  });
});
