import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';

/**
 * `handbook run`, `handbook parse`, `handbook export` and `handbook check`
 * read a document the same way, the site's build's (lib/site-reading.ts):
 * a `<details>` with a fence right after it (no blank line) is a JSX element
 * holding a code block in MDX (Docusaurus's default `markdown.format`), and
 * an HTML block swallowing the fence in CommonMark (`format: 'detect'`, `.md`).
 */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-site-reading-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const details = '# Details\n\n<details>\n```bash\necho hi\n```\n</details>\n';
const siteConfig = (markdown = '') => `module.exports = { title: 'x', url: 'https://x.test', baseUrl: '/', ${markdown}presets: [['classic', { docs: {}, blog: false }]] };\n`;

/** The step ids of `handbook run --dry-run`'s plan table. */
const planIds = (stdout: string) => [...stdout.matchAll(/^ {2}\d+ {2}(\S+)/gm)].map((m) => m[1]);
const exportedSteps = (stdout: string) => (JSON.parse(stdout) as { docs: { path: string; steps: { id: string }[] }[] }).docs.map((d) => [d.path, d.steps.map((s) => s.id)]);
const codeBlocks = (stdout: string) => (JSON.parse(stdout) as { codeBlocks: { lang: string; value: string }[] }).codeBlocks.map((b) => [b.lang, b.value]);

describe('a site with Docusaurus\'s default markdown.format (mdx)', () => {
  const cwd = folder({ 'docusaurus.config.js': siteConfig(), 'docs/details.md': details });

  it('handbook run shows the step the page and the export show', async () => {
    const run = await runHandbook(['run', '--dry-run', 'docs/details.md'], { cwd });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Plan: Details (docs/details.md)',
        '',
        '  #  id      time    step',
        '  1  step-1  ?       Step 1',
        '',
        'Total: 1 step (no time estimates)',
        '',
        '[1/1] step-1: Step 1  (bash, line 4)',
        '    echo hi',
        '',
        'Dry run: nothing was run.',
        '',
      ].join('\n'),
    });
    const exported = await runHandbook(['export'], { cwd });
    expect([exported.code, exported.stderr]).toEqual([0, '']);
    expect(exportedSteps(exported.stdout)).toEqual([['docs/details.md', planIds(run.stdout)]]);
    // By doc id and by permalink: the same doc, the same plan.
    expect((await runHandbook(['run', '--dry-run', 'details'], { cwd })).stdout).toBe(run.stdout);
    expect((await runHandbook(['run', '--dry-run', '/docs/details/'], { cwd })).stdout).toBe(run.stdout);
  }, 60_000);

  it('handbook parse lists the code block', async () => {
    const parsed = await runHandbook(['parse', 'docs/details.md'], { cwd });
    expect([parsed.code, parsed.stderr]).toEqual([0, '']);
    expect(JSON.parse(parsed.stdout).format).toBe('mdx');
    expect(codeBlocks(parsed.stdout)).toEqual([['bash', 'echo hi']]);
  }, 60_000);
});

describe('a site with markdown.format detect', () => {
  const cwd = folder({ 'docusaurus.config.js': siteConfig("markdown: { format: 'detect' }, "), 'docs/details.md': details });

  it('reads the .md file as CommonMark in run, parse and export alike: no step', async () => {
    const run = await runHandbook(['run', '--dry-run', 'docs/details.md'], { cwd });
    expect(run).toEqual({ code: 0, stderr: '', stdout: 'Plan: Details (docs/details.md)\n\n  #  id  time    step\n  (the doc has no steps)\n\nTotal: 0 steps (no time estimates)\n\nDry run: nothing was run.\n' });
    expect(planIds(run.stdout)).toEqual([]);
    const parsed = await runHandbook(['parse', 'docs/details.md'], { cwd });
    expect([parsed.code, parsed.stderr, JSON.parse(parsed.stdout).format, codeBlocks(parsed.stdout)]).toEqual([0, '', 'md', []]);
    const exported = await runHandbook(['export'], { cwd });
    expect([exported.code, exported.stderr, exportedSteps(exported.stdout)]).toEqual([0, '', []]);
  }, 60_000);
});

describe('handbook run finds a doc in the docs folder and at the route of handbook.config.json', () => {
  const restart = '---\ntitle: Restart\nversion: 1.0.0\n---\n\n# Restart\n\n```bash\necho restarted\n```\n';
  const cwd = folder({ 'handbook.config.json': JSON.stringify({ docs: 'handbook', routeBasePath: '/ops' }), 'handbook/db/restart.md': restart });

  it.each([['the doc id', 'db/restart'], ['the permalink', '/ops/db/restart'], ['the permalink without slashes', 'ops/db/restart/'], ['the path', 'handbook/db/restart.md']])('by %s', async (_what, ref) => {
    const run = await runHandbook(['run', '--dry-run', ref], { cwd });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n')[0]).toBe('Plan: Restart (handbook/db/restart.md, version 1.0.0)');
    expect(planIds(run.stdout)).toEqual(['step-1']);
  });

  it('not under docs/ and its default route', async () => {
    for (const ref of ['docs/db/restart', 'restart']) {
      expect(await runHandbook(['run', '--dry-run', ref], { cwd })).toEqual({
        code: 2,
        stdout: '',
        stderr: `handbook run: cannot find the doc \`${ref}\` in ${cwd}: expected a file path relative to it, or a doc id under handbook/\n`,
      });
    }
  });

  it('logs the doc id the export gives it', async () => {
    const run = await runHandbook(['run', '--yes', '/ops/db/restart', '--log', 'run.json'], { cwd });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const log = JSON.parse(readFileSync(join(cwd, 'run.json'), 'utf8')) as { doc: { path: string; id: string } };
    const exported = JSON.parse((await runHandbook(['export'], { cwd })).stdout) as { docs: { path: string; id: string; permalink: string }[] };
    expect(exported.docs.map((d) => [d.path, d.id, d.permalink])).toEqual([['handbook/db/restart.md', 'db/restart', '/ops/db/restart']]);
    expect([log.doc.path, log.doc.id]).toEqual(['handbook/db/restart.md', 'db/restart']);
  });
});

describe('a site without handbook.config.json, its docs plugin at handbook/ and /ops', () => {
  const restart = '---\ntitle: Restart\n---\n# Restart\n\nRestart the service.\n\n```bash\nsystemctl restart app\n```\n';
  const cwd = folder({
    'docusaurus.config.js': `module.exports = { title: 'x', url: 'https://x.test', baseUrl: '/', presets: [['classic', { docs: { path: 'handbook', routeBasePath: 'ops' }, blog: false }]] };\n`,
    'handbook/db/restart.md': restart,
  });

  it('export, run and check find the docs where the site does', async () => {
    const exported = await runHandbook(['export'], { cwd });
    expect([exported.code, exported.stderr]).toEqual([0, '']);
    const docs = (JSON.parse(exported.stdout) as { docs: { path: string; permalink: string; steps: { id: string }[] }[] }).docs;
    expect(docs.map((d) => [d.path, d.permalink, d.steps.map((s) => s.id)])).toEqual([['handbook/db/restart.md', '/ops/db/restart', ['restart-the-service']]]);
    const run = await runHandbook(['run', '--dry-run', 'db/restart'], { cwd });
    expect([run.code, run.stderr, planIds(run.stdout)]).toEqual([0, '', ['restart-the-service']]);
    const check = await runHandbook(['check', '--rules', 'link-target', '--format', 'json'], { cwd });
    expect(JSON.parse(check.stdout).summary.files).toBe(1);
  }, 60_000);
});

describe('a config that cannot be loaded', () => {
  it('is said in the one line handbook check says, and the doc is read with handbook.config.json\'s format', async () => {
    const cwd = folder({ 'docusaurus.config.js': "module.exports = { plugins: [require('handbook-no-such-plugin')] };\n", 'handbook.config.json': JSON.stringify({ format: 'mdx', rules: { 'header-*': 'off' } }), 'docs/details.md': details });
    const check = await runHandbook(['check', '--format', 'json', '--rules', 'link-target'], { cwd });
    expect(check.stderr).toMatch(/^handbook check: cannot load docusaurus\.config\.js \(Cannot find module 'handbook-no-such-plugin'[^\n]*\); reading Markdown with format `mdx` \(handbook\.config\.json\)\n$/);
    const notice = check.stderr.slice('handbook check: '.length);
    const run = await runHandbook(['run', '--dry-run', 'docs/details.md'], { cwd });
    expect([run.code, run.stderr, planIds(run.stdout)]).toEqual([0, `handbook run: ${notice}`, ['step-1']]);
    const parsed = await runHandbook(['parse', 'docs/details.md'], { cwd });
    expect([parsed.code, parsed.stderr, codeBlocks(parsed.stdout)]).toEqual([0, `handbook parse: ${notice}`, [['bash', 'echo hi']]]);
  }, 60_000);

  it('refuses an invalid handbook.config.json with exit 2 and the message handbook check gives', async () => {
    const cwd = folder({ 'handbook.config.json': '{"docs": "docs",}', 'docs/details.md': details });
    const message = 'handbook.config.json:1:17: Unexpected `}`, expected a key in double quotes\n';
    expect(await runHandbook(['check'], { cwd })).toEqual({ code: 2, stdout: '', stderr: `handbook check: ${message}` });
    expect(await runHandbook(['run', '--dry-run', 'docs/details.md'], { cwd })).toEqual({ code: 2, stdout: '', stderr: `handbook run: ${message}` });
    expect(await runHandbook(['parse', 'docs/details.md'], { cwd })).toEqual({ code: 2, stdout: '', stderr: `handbook parse: ${message}` });
  });
});
