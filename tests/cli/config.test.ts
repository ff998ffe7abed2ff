import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHandbook } from '../support/cli.js';

const doc = '# No header\n\nPlain text.\n';

/** `handbook check` with handbook.config.json: found at the root, named with --config, overridden by flags, refused when wrong. */
describe('handbook check and its config file', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function folder(files: Record<string, string>) {
    dir = await mkdtemp(join(tmpdir(), 'handbook-config-cli-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  }

  it('prints the resolved configuration, the flags over the file', async () => {
    const cwd = await folder({ 'handbook.config.json': '{"docs": "runbooks", "rules": {"header-*": "off"}, "alerts": ["alerts/*.yml"]}', 'runbooks/a.md': doc });
    const printed = await runHandbook(['check', '--print-config'], { cwd });
    expect(printed).toEqual({
      code: 0,
      stderr: '',
      stdout: JSON.stringify({ file: 'handbook.config.json', docs: 'runbooks', routeBasePath: '/docs', format: 'detect', siteUrl: null, rules: { 'header-*': 'off' }, alerts: ['alerts/*.yml'] }, null, 2) + '\n',
    });
    expect(JSON.parse((await runHandbook(['check', '--print-config', '--docs', './other/'], { cwd })).stdout)).toMatchObject({ docs: 'other' });
  });

  it('applies the rules of the file it finds, or of --config FILE', async () => {
    const cwd = await folder({ 'docs/a.md': doc, 'ci/quiet.json': '{"rules": {"header-*": "off", "structure-*": "off"}}' });
    const loud = await runHandbook(['check', '--format', 'json'], { cwd });
    expect(loud.code).toBe(1);
    expect(JSON.parse(loud.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['header-schema']);
    expect(await runHandbook(['check', '--format', 'json', '--config', 'ci/quiet.json'], { cwd })).toEqual({
      code: 0,
      stderr: '',
      stdout: JSON.stringify({ diagnostics: [], summary: { files: 1, errors: 0, warnings: 0, outside: { links: 0, routes: {}, checked: ["/docs"] } } }) + '\n',
    });
    await writeFile(join(cwd, 'handbook.config.json'), '{"rules": {"header-schema": "warning"}}');
    const warned = await runHandbook(['check', '--format', 'json'], { cwd });
    expect(warned.code).toBe(0);
    expect(JSON.parse(warned.stdout).diagnostics.map((d: { ruleId: string; severity: string }) => `${d.ruleId} ${d.severity}`)).toEqual(['header-schema warning']);
  });

  it('gives handbook export the docs folder and route of the file', async () => {
    const cwd = await folder({ 'handbook.config.json': '{"docs": "runbooks", "routeBasePath": "ops"}', 'runbooks/db/restart.md': '# Restart\n\n```bash\nsystemctl restart db\n```\n' });
    const exported = await runHandbook(['export'], { cwd });
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).docs.map((d: { path: string; id: string; permalink: string }) => [d.path, d.id, d.permalink])).toEqual([['runbooks/db/restart.md', 'db/restart', '/ops/db/restart']]);
  });

  it.each([
    ['an unknown key', '{\n  "doc": "runbooks"\n}\n', 'handbook.config.json:2:3: Unexpected key `doc`, expected one of `$schema`, `docs`, `routeBasePath`, `format`, `siteUrl`, `rules`, `alerts` (did you mean `docs`?)'],
    ['a bad severity', '{"rules": {"link-anchor": "warn"}}', 'handbook.config.json:1:27: Unexpected `"warn"`, expected one of `"off"`, `"warning"`, `"error"`'],
    ['an unknown rule', '{"rules": {"link-anchors": "off"}}', 'handbook.config.json:1:12: Unexpected rule id `link-anchors`, expected a rule of `handbook check` (did you mean `link-anchor`?)'],
    ['a bad glob', '{"alerts": ["alerts/[a-z.yml"]}', 'handbook.config.json:1:13: Unexpected `"alerts/[a-z.yml"`, expected a glob with balanced `{}` and `[]` (`]` missing)'],
    ['malformed JSON', '{"docs": "docs",}', 'handbook.config.json:1:17: Unexpected `}`, expected a key in double quotes'],
  ])('refuses %s with exit 2, the file, line and column and what was expected', async (_what, text, message) => {
    const cwd = await folder({ 'handbook.config.json': text, 'docs/a.md': doc });
    expect(await runHandbook(['check'], { cwd })).toEqual({ code: 2, stdout: '', stderr: `handbook check: ${message}\n` });
  });
});
