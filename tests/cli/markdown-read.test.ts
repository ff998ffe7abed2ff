import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';

/** A folder with these files, outside the repository. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-markdown-read-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

type Finding = { file: string; line: number; column: number; ruleId: string; message: string };
const lines = (json: string) => (JSON.parse(json) as { diagnostics: Finding[] }).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);

describe('handbook check reads Markdown in the format it is told', () => {
  const docs = {
    'docs/jsx.md': '# JSX\n\n<img src={require("./x.png").default} />\n\n[missing](./nope.md)\n',
    'docs/x.png': 'png',
    'docs/brace.md': '# Brace\n\nA {bare brace\n\n[missing](./gone.md)\n',
  };

  it('with handbook.config.json format mdx: JSX in .md is no link error, a bare { is mdx-syntax and the file\'s links are still checked', async () => {
    const cwd = folder({ ...docs, 'handbook.config.json': JSON.stringify({ format: 'mdx', rules: { 'header-*': 'off' } }) });
    const { code, stdout, stderr } = await runHandbook(['check', '--format', 'json', '--rules', 'link-target,mdx-syntax'], { cwd });
    expect([code, stderr]).toEqual([1, '']);
    expect(lines(stdout)).toEqual(['docs/brace.md:3:14 mdx-syntax', 'docs/brace.md:5:1 link-target', 'docs/jsx.md:5:1 link-target']);
  });

  it('with the default (detect): the same .md files are CommonMark', async () => {
    const cwd = folder({ ...docs, 'handbook.config.json': JSON.stringify({ rules: { 'header-*': 'off' } }) });
    const { stdout } = await runHandbook(['check', '--format', 'json', '--rules', 'link-target,mdx-syntax'], { cwd });
    expect(lines(stdout)).toEqual(['docs/brace.md:5:1 link-target', 'docs/jsx.md:5:1 link-target']);
  });

  it('says in one line when the site config cannot be loaded, and reads Markdown as handbook.config.json says', async () => {
    const cwd = folder({ ...docs, 'docusaurus.config.js': "module.exports = { plugins: [require('handbook-no-such-plugin')] };\n", 'handbook.config.json': JSON.stringify({ format: 'mdx', rules: { 'header-*': 'off' } }) });
    const { stdout, stderr } = await runHandbook(['check', '--format', 'json', '--rules', 'link-target,mdx-syntax'], { cwd });
    expect(stderr).toMatch(/^handbook check: cannot load docusaurus\.config\.js \(Cannot find module 'handbook-no-such-plugin'[^\n]*\); reading Markdown with format `mdx` \(handbook\.config\.json\)\n$/);
    expect(lines(stdout)).toEqual(['docs/brace.md:3:14 mdx-syntax', 'docs/brace.md:5:1 link-target', 'docs/jsx.md:5:1 link-target']);
  });

  it('reads markdown.format from a loadable site config (Docusaurus\'s default mdx)', async () => {
    const cwd = folder({ ...docs, 'docusaurus.config.js': "module.exports = { title: 'T', url: 'https://x.example', baseUrl: '/' };\n", 'handbook.config.json': JSON.stringify({ rules: { 'header-*': 'off' } }) });
    const { stdout, stderr } = await runHandbook(['check', '--format', 'json', '--rules', 'link-target,mdx-syntax'], { cwd });
    expect(stderr).toBe('');
    expect(lines(stdout)).toEqual(['docs/brace.md:3:14 mdx-syntax', 'docs/brace.md:5:1 link-target', 'docs/jsx.md:5:1 link-target']);
  }, 60_000);
});

describe('handbook export and procedures that do not parse', () => {
  it('reports each at its parse error, exports the others and exits 1', async () => {
    const cwd = folder({
      'docs/good.md': '# Good\n\n```bash\necho ok\n```\n',
      'docs/bad.mdx': '# Bad\n\nA {broken\n\n```bash\necho no\n```\n',
      'docs/npm.md': '# Npm\n\n```bash npm2yarn\nnpm install left-pad\n```\n',
    });
    const { code, stdout, stderr } = await runHandbook(['export'], { cwd });
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { docs: { path: string }[] }).docs.map((d) => d.path)).toEqual(['docs/good.md', 'docs/npm.md']);
    expect(stderr).toMatch(/^docs\/bad\.mdx:3:10: Unexpected procedure that does not parse \(Could not parse MDX: [^\n]*\), expected a document the site can build; its steps are not exported \[mdx-syntax\]\n$/);
  });

  it('refuses a docs folder outside --cwd, like check', async () => {
    const cwd = folder({ 'docs/good.md': '# Good\n' });
    const { code, stderr } = await runHandbook(['export', '--docs', '../..'], { cwd });
    expect([code, stderr]).toEqual([2, 'handbook export: --docs must be inside --cwd, got `../..`\n']);
  });
});

describe('npm2yarn', () => {
  it('is Docusaurus meta, not step-unknown-meta', async () => {
    const cwd = folder({ 'docs/npm.md': '# Npm\n\n```bash npm2yarn\nnpm install left-pad\n```\n\n```bash npm2yarm\nnpm install left-pad\n```\n', 'handbook.config.json': JSON.stringify({ rules: { 'header-*': 'off' } }) });
    const { stdout } = await runHandbook(['check', '--format', 'json', '--rules', 'step-unknown-meta'], { cwd });
    expect((JSON.parse(stdout) as { diagnostics: Finding[] }).diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual(['7 Unexpected step meta `npm2yarm`, expected `npm2yarn`']);
  });
});
