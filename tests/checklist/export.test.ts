import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/parse.js';
import { createChecklistExport } from '../../core/export.js';
import { run as exportCommand } from '../../scripts/commands/export.js';

const fixture = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/checklist/procedure.md'), 'utf8');

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      stream.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

describe('createChecklistExport', () => {
  const data = createChecklistExport({
    docs: [
      parseDoc({ path: 'docs/ops/rotate.md', text: fixture }),
      parseDoc({ path: 'docs/guide.md', text: '# Guide\n\nNo steps, only `inline code`.\n\n```python\nprint(1)\n```\n' }),
      parseDoc({ path: 'docs/a/01-first.md', text: '---\nslug: /first-steps\n---\n\n# First\n\nSay hello.\n\n```sh\necho hello\n```\n' }),
    ],
  });

  it('lists docs with steps, sorted by path, with routes like Docusaurus', () => {
    expect(data.schemaVersion).toBe(1);
    expect(data.docs.map((d) => [d.path, d.id, d.permalink, d.version, d.title])).toEqual([
      ['docs/a/01-first.md', 'a/first', '/docs/first-steps', null, 'First'],
      ['docs/ops/rotate.md', 'ops/rotate', '/docs/ops/rotate', '2.0.0', 'Rotate the widget database'],
    ]);
  });

  it('exports every step with exact commands, expect and time (null when absent)', () => {
    const doc = data.docs[1]!;
    expect(Object.keys(doc.params)).toEqual(['ENV', 'RELEASE', 'TOKEN']);
    expect(doc.params.TOKEN).toMatchObject({ secret: true, default: null });
    expect(doc.steps).toEqual([
      { id: 'health-sh', title: 'health.sh', section: 'Preflight', lang: 'bash', command: 'curl -fsS https://widgets.${ENV}.internal/health', expect: 'ok', timeMinutes: 2, danger: false, line: 26 },
      {
        id: 'disk-space',
        title: 'Check free disk space',
        section: 'Preflight',
        lang: 'console',
        command: 'df -h /var/lib/widgets',
        expect: 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sdb1       100G   40G   60G  40% /var/lib/widgets',
        timeMinutes: 0.5,
        danger: false,
        line: 30,
      },
      { id: 'deploy-the-release', title: 'Deploy the release', section: 'Rotate', lang: 'sh', command: 'deploy --env "$ENV" --release ${RELEASE} --token "$TOKEN"', expect: 'deployed', timeMinutes: 10, danger: false, line: 40 },
      {
        id: 'drop-the-old-replica',
        title: 'Drop the old replica',
        section: 'Rotate',
        lang: 'bash',
        command: "psql -c 'DROP DATABASE widgets_old;' # <script>alert(1)</script> {x} `date` </code> ${x}",
        expect: null,
        timeMinutes: 5,
        danger: true,
        line: 50,
      },
      { id: 'redeploy-the-previous-release', title: 'Redeploy the previous release', section: 'Rollback', lang: 'bash', command: 'deploy --env "$ENV" --release previous', expect: null, timeMinutes: null, danger: false, line: 64 },
    ]);
  });
});

describe('handbook export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-export-'));
  mkdirSync(join(dir, 'docs/ops'), { recursive: true });
  writeFileSync(join(dir, 'docs/ops/rotate.md'), fixture);
  writeFileSync(join(dir, 'docs/_partial.md'), '```bash\necho partial\n```\n');
  const io = () => ({ stdout: sink(), stderr: sink(), stdin: process.stdin, env: {}, cwd: '/' });

  it('prints the same JSON as the pure function, paths relative to --cwd', async () => {
    const streams = io();
    expect(await exportCommand(['--cwd', dir], streams)).toBe(0);
    const printed = JSON.parse(streams.stdout.text);
    expect(printed).toEqual(createChecklistExport({ docs: [parseDoc({ path: 'docs/ops/rotate.md', text: fixture })] }));
  });

  it('writes --out and refuses a missing folder or unknown option with exit 2', async () => {
    const streams = io();
    expect(await exportCommand(['--cwd', dir, '--out', join(dir, 'out/c.json')], streams)).toBe(0);
    expect(streams.stdout.text).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out/c.json'), 'utf8')).docs).toHaveLength(1);
    const missing = io();
    expect(await exportCommand(['--cwd', join(dir, 'nope')], missing)).toBe(2);
    expect(missing.stderr.text).toBe(`handbook export: docs folder \`docs\` not found in ${join(dir, 'nope')}\n`);
    // --docs is validated as `handbook check` validates it.
    const outside = io();
    expect(await exportCommand(['--cwd', dir, '--docs', '../..'], outside)).toBe(2);
    expect(outside.stderr.text).toBe('handbook export: --docs must be inside --cwd, got `../..`\n');
    const bad = io();
    expect(await exportCommand(['--frobnicate'], bad)).toBe(2);
  });
});
