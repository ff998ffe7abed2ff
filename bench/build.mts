/**
 * What the handbook's plugins add to `docusaurus build` (issue 19: at most
 * 10 % on 1,000 docs), on the handbook's own docs replicated with
 * variations (bench/replicate.ts, no link broken on purpose), in two
 * fixture sites under .cache/fixture-sites that differ only in the
 * handbook's parts:
 *
 * - `plain`: Docusaurus's classic preset with the same docs, Markdown
 *   options, tags file, Mermaid theme and Prism languages;
 * - `handbook`: the docs plugin wrapped (plugins/docs) with the handbook's
 *   remark plugins (checklists, code tokens, alerts), the checklist export,
 *   the check (every default rule, shell syntax included), the site data and
 *   its pages, the Prism plugin, and the theme the checklists render with
 *   (the repository's src/, linked).
 *
 * Every build is from cold (bench/site-build.ts). Rounds alternate the order.
 *
 * `--omit` leaves parts out of the `handbook` side to see what each costs:
 * `check`, `site-data`, `export`, `prism` (the plugin), `checklist`,
 * `tokens`, `alerts` (the remark plugins) and `theme` (src/).
 *
 * `--after-check` runs `handbook check` on the site before each handbook
 * build, untimed, as a CI job does before it builds: the build's plugins
 * then find every doc parsed and checked in `.handbook/cache`.
 *
 * Usage: npx tsx bench/build.mts [--docs 1000] [--rounds 2] [--omit check,tokens] [--after-check]
 * Prints one JSON object; results are recorded in BENCHMARKS.md.
 */
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { repoRoot } from '../tests/support/fixture-site.js';
import { replicateCorpus } from './replicate.js';
import { build, median } from './site-build.js';

type Side = 'plain' | 'handbook';

const run = promisify(execFile);

const markdown = `{ format: 'detect', mermaid: true, mdx1Compat: { comments: true, admonitions: true, headingIds: true }, hooks: { onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn' } }`;
const docsOptions = `path: 'docs', routeBasePath: '/docs', tags: 'tags.yml', onInlineTags: 'warn'`;
const common = `
  title: 'Bench', url: 'https://bench.internal', baseUrl: '/',
  onBrokenLinks: 'warn', onBrokenAnchors: 'warn',
  future: { v4: true, faster: true },
  markdown: ${markdown},
  themes: ['@docusaurus/theme-mermaid'],
  themeConfig: { prism: { additionalLanguages: ['bash', 'shell-session', 'sql', 'yaml', 'json'] } },`;

const PARTS = ['check', 'site-data', 'export', 'prism', 'checklist', 'tokens', 'alerts', 'theme'] as const;
type Part = (typeof PARTS)[number];

function config(side: Side, omit: ReadonlySet<Part>): string {
  if (side === 'plain') {
    return `export default {${common}
  presets: [['classic', { docs: { ${docsOptions} }, blog: false, theme: {} }]],
};
`;
  }
  const from = (path: string) => JSON.stringify(join(repoRoot, path));
  const has = (part: Part) => !omit.has(part);
  const remark = [has('checklist') && 'remarkChecklist', has('tokens') && 'remarkCodeTokens', has('alerts') && 'remarkAlerts'].filter(Boolean);
  const plugins = [has('export') && 'checklistExport', has('check') && 'handbookCheck', has('site-data') && 'siteData', has('prism') && 'prism'].filter(Boolean);
  return `import { remarkAlerts } from ${from('plugins/alerts/index')};
import checklistExport, { remarkChecklist } from ${from('plugins/checklist/index')};
import handbookCheck from ${from('plugins/check/index')};
import handbookDocs from ${from('plugins/docs/index')};
import prism, { remarkCodeTokens } from ${from('plugins/prism/index')};
import siteData from ${from('plugins/site-data/index')};

export default {${common}
  plugins: [
    [handbookDocs, { ${docsOptions}, remarkPlugins: [${remark.join(', ')}] }],
    ${plugins.map((plugin) => `${plugin},`).join(' ')}
  ],
  presets: [['classic', { docs: false, blog: false, theme: {} }]],
};
`;
}

async function writeSite(side: Side, corpus: string, omit: ReadonlySet<Part>): Promise<string> {
  const siteDir = join(repoRoot, '.cache', 'fixture-sites', `bench-build-${side}`);
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(join(siteDir, 'static'), { recursive: true });
  await writeFile(join(siteDir, 'docusaurus.config.ts'), config(side, omit));
  await writeFile(join(siteDir, 'package.json'), JSON.stringify({ name: `bench-build-${side}`, private: true, browserslist: ['>0.5%', 'not dead', 'not op_mini all'] }));
  await writeFile(join(siteDir, 'static', 'favicon.ico'), '');
  // The same docs (and the repository files they link to) on both sides.
  await cp(join(corpus, 'docs'), join(siteDir, 'docs'), { recursive: true });
  if (side === 'handbook' && !omit.has('theme')) await symlink(join(repoRoot, 'src'), join(siteDir, 'src'));
  return siteDir;
}

/** `handbook check` of the site, every rule, as CI runs it before the build (its findings do not matter here). */
async function checkSite(siteDir: string): Promise<void> {
  await run(process.execPath, [join(repoRoot, 'bin', 'handbook.mjs'), 'check', '--cwd', siteDir, '--format', 'json'], { maxBuffer: 256 * 1024 * 1024 }).catch((error: { code?: number }) => {
    if (error.code !== 1) throw error;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '2' }, omit: { type: 'string', default: '' }, 'after-check': { type: 'boolean', default: false } } });
  const omit = new Set(values.omit.split(',').filter(Boolean)) as Set<Part>;
  const unknown = [...omit].filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`--omit: unknown part(s) ${unknown.join(', ')}, expected some of ${PARTS.join(', ')}`);
  const docs = Number(values.docs);
  const rounds = Number(values.rounds);
  const corpus = join(repoRoot, '.cache', 'fixture-sites', 'bench-build-corpus');
  await rm(corpus, { recursive: true, force: true });
  const manifest = await replicateCorpus({ dir: corpus, docs, brokenRate: 0 });
  const sides: Side[] = ['plain', 'handbook'];
  const sites = { plain: await writeSite('plain', corpus, omit), handbook: await writeSite('handbook', corpus, omit) };
  const times: Record<Side, { wall: number; cpu: number }[]> = { plain: [], handbook: [] };
  const load: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
      const before = side === 'handbook' && values['after-check'] ? () => checkSite(sites.handbook) : undefined;
      const t = await build(sites[side], before ? { before } : {});
      load.push(Math.round(loadavg()[0]! * 10) / 10);
      times[side].push({ wall: Math.round(t.wall * 10) / 10, cpu: Math.round(t.cpu * 10) / 10 });
      process.stderr.write(`round ${r + 1} ${side}: ${t.wall.toFixed(1)} s wall, ${t.cpu.toFixed(1)} s CPU, load ${load.at(-1)}\n`);
    }
  }
  const percent = (ratio: number) => Math.round((ratio - 1) * 1000) / 10;
  const overhead = (key: 'wall' | 'cpu') => percent(median(times.handbook.map((t) => t[key])) / median(times.plain.map((t) => t[key])));
  const pairs = times.handbook.map((t, r) => percent(t.cpu / times.plain[r]!.cpu));
  process.stdout.write(
    JSON.stringify({ docs: manifest.docs, rounds, omit: [...omit], afterCheck: values['after-check'], buildSeconds: times, overheadPercent: { wall: overhead('wall'), cpu: overhead('cpu') }, pairsCpuPercent: pairs, pairsMedianCpuPercent: median(pairs), loadAverageAfterEachBuild: load }, null, 2) + '\n',
  );
}

await main();
