/**
 * The two budgets of the executable checklists (issue 4), measured on
 * fixture sites under .cache/fixture-sites:
 *
 * 1. Build time: a corpus of N procedure docs (default 1,000, each with
 *    params, three sections and seven steps) built with Rspack
 *    (`future.faster`), with and without the checklist remark plugin;
 *    everything else equal. Budget: at most +10 %.
 * 2. Page weight: the JavaScript Chromium downloads for one procedure page,
 *    gzipped, with and without the plugin. Budget: at most +15 KB.
 *
 * Every build is from cold: `.docusaurus/` and `build/` removed, and Rspack's
 * persistent cache off (`DOCUSAURUS_NO_PERSISTENT_CACHE=1`), so each build
 * compiles every doc through the remark plugins.
 *
 * `--before DIR` adds a third side, built the same way from an older version
 * of the feature: DIR (inside the repository, so packages resolve) holds its
 * `plugins/checklist`, `src/` and `core/`, e.g.
 * `git archive <commit> plugins/checklist src core | tar -x -C .cache/before`.
 *
 * Usage: npx tsx bench/checklist.mts [--docs N] [--rounds R] [--before DIR]
 * Prints one JSON object; results are recorded in BENCHMARKS.md.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../tests/support/fixture-site.js';
import { serveStatic } from '../tests/support/static-server.js';
import { launchBrowser } from '../tests/support/browser.js';
import { build, median } from './site-build.js';

function procedure(i: number): string {
  const n = String(i).padStart(4, '0');
  return `---
title: Rotate service ${n}
version: 1.${i % 7}.0
type: procedure
params:
  ENV:
    description: Target environment
    enum: [staging, production]
    default: staging
  RELEASE:
    description: Release tag
    pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+$'
---

# Rotate service ${n}

Rotate the credentials of service ${n} without downtime. Keep the [overview](#preflight) open and post each step in the incident channel.

## Preflight

Check that the service is healthy.

\`\`\`bash time=1m expect="ok"
curl -fsS "https://svc-${n}.\${ENV}.internal/health"
\`\`\`

\`\`\`console title="Check free disk space" time=30s
$ df -h /var/lib/svc-${n}
Filesystem      Size  Used Avail Use% Mounted on
/dev/sdb1       100G   40G   60G  40% /var/lib/svc-${n}
\`\`\`

| Check | Expected |
|---|---|
| health | \`ok\` |
| disk | below 80% |

## Rotate

Deploy the release.

\`\`\`sh time=10m
deploy --env "$ENV" --release \${RELEASE} --service svc-${n}
\`\`\`

\`\`\`text
deployed
\`\`\`

Restart the workers one by one and watch the error rate on the dashboard between restarts.

\`\`\`bash title="restart.sh" {2} time=5m
for w in 1 2 3; do
  systemctl restart svc-${n}-worker@$w
  sleep 30
done
\`\`\`

Drop the old credentials.

\`\`\`bash danger time=2m
vault lease revoke -prefix "database/creds/svc-${n}-old"
\`\`\`

## Rollback

Redeploy the previous release.

\`\`\`bash
deploy --env "$ENV" --release previous --service svc-${n}
\`\`\`

Confirm the old version answers.

\`\`\`bash expect="/v[0-9]+/"
curl -fsS "https://svc-${n}.\${ENV}.internal/version"
\`\`\`
`;
}

/** Where the feature's code comes from: this checkout, or an older one (`--before`); null for plain Docusaurus. */
type FeatureRoot = string | null;

function config(root: FeatureRoot): string {
  const withPlugin = root !== null;
  const plugin = JSON.stringify(join(root ?? repoRoot, 'plugins/checklist/index.ts'));
  return `
module.exports = {
  title: 'Bench', url: 'https://bench.internal', baseUrl: '/',
  onBrokenLinks: 'warn', onBrokenAnchors: 'warn',
  future: { v4: true, faster: true },
  markdown: { format: 'detect', mdx1Compat: { comments: true, admonitions: true, headingIds: true }, hooks: { onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn' } },
  presets: [['classic', { docs: { routeBasePath: '/docs', sidebarPath: false${withPlugin ? `, remarkPlugins: [require(${plugin}).remarkChecklist]` : ''} }, blog: false, theme: {} }]],
  themeConfig: { prism: { additionalLanguages: ['bash', 'shell-session'] } },
};
`;
}

async function writeSite(name: string, docs: number, root: FeatureRoot): Promise<string> {
  const siteDir = join(repoRoot, '.cache', 'fixture-sites', name);
  await rm(siteDir, { recursive: true, force: true });
  const files: Record<string, string> = {
    'docusaurus.config.js': config(root),
    'package.json': JSON.stringify({ name, private: true, browserslist: ['>0.5%', 'not dead', 'not op_mini all'] }),
    'static/favicon.ico': '',
  };
  // The whole feature against plain Docusaurus: the plugin and the components it renders.
  if (root !== null) files['src/theme/MDXComponents.tsx'] = `export { default } from ${JSON.stringify(join(root, 'src/theme/MDXComponents'))};\n`;
  for (let i = 0; i < docs; i++) files[`docs/svc-${String(Math.floor(i / 100)).padStart(2, '0')}/rotate-${String(i).padStart(4, '0')}.md`] = procedure(i);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(siteDir, path)), { recursive: true });
    await writeFile(join(siteDir, path), text);
  }
  return siteDir;
}

/** Gzipped bytes of every script Chromium downloads for one page, until the network is idle. */
async function pageScripts(buildDir: string, route: string): Promise<{ files: number; gzipBytes: number }> {
  const server = await serveStatic(buildDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body());
    });
    await page.goto(server.url + route, { waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-has-hydrated="true"]');
    const buffers = await Promise.all(bodies);
    return { files: buffers.length, gzipBytes: buffers.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) };
  } finally {
    await browser.close();
    await server.close();
  }
}

type Side = 'off' | 'on' | 'before';
type Times = { wall: number; cpu: number }[];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '2' }, before: { type: 'string' } } });
  const docs = Number(values.docs);
  const rounds = Number(values.rounds);
  const sites: Partial<Record<Side, string>> = {
    off: await writeSite('bench-checklist-off', docs, null),
    on: await writeSite('bench-checklist-on', docs, repoRoot),
  };
  if (values.before) sites.before = await writeSite('bench-checklist-before', docs, resolve(values.before));
  const sides = Object.keys(sites) as Side[];
  const times: Partial<Record<Side, Times>> = Object.fromEntries(sides.map((side) => [side, []]));
  const load: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Rotate the order so drift in machine load hits every side alike.
    const order = sides.map((_, i) => sides[(i + r) % sides.length]!);
    for (const side of order) {
      const t = await build(sites[side]!);
      load.push(Math.round(loadavg()[0]! * 10) / 10);
      times[side]!.push({ wall: Math.round(t.wall * 10) / 10, cpu: Math.round(t.cpu * 10) / 10 });
      process.stderr.write(`round ${r + 1} ${side}: ${t.wall.toFixed(1)} s wall, ${t.cpu.toFixed(1)} s CPU, load ${load.at(-1)}\n`);
    }
  }
  const percent = (ratio: number) => Math.round((ratio - 1) * 1000) / 10;
  const overhead = (side: Side, key: 'wall' | 'cpu') => percent(median(times[side]!.map((t) => t[key])) / median(times.off!.map((t) => t[key])));
  // Round r's side/off CPU ratio, in the order the rounds ran.
  const pairs = (side: Side) => times[side]!.map((t, r) => percent(t.cpu / times.off![r]!.cpu));
  const route = '/docs/svc-00/rotate-0000';
  const jsOff = await pageScripts(join(sites.off!, 'build'), route);
  const jsOn = await pageScripts(join(sites.on!, 'build'), route);
  const html = await readFile(join(sites.on!, 'build', route, 'index.html'), 'utf8');
  const result = {
    docs,
    rounds,
    buildSeconds: times,
    buildOverheadPercent: { cpu: overhead('on', 'cpu'), wall: overhead('on', 'wall') },
    pairsCpuPercent: pairs('on'),
    // The median of the rounds' ratios: each round's builds ran back to back, so
    // this one is not moved by drift in the machine's load over the run.
    pairsMedianCpuPercent: median(pairs('on')),
    ...(sites.before
      ? { before: { buildOverheadPercent: { cpu: overhead('before', 'cpu'), wall: overhead('before', 'wall') }, pairsCpuPercent: pairs('before'), pairsMedianCpuPercent: median(pairs('before')) } }
      : {}),
    loadAverageAfterEachBuild: load,
    pageScripts: { off: jsOff, on: jsOn },
    addedGzipKB: Math.round(((jsOn.gzipBytes - jsOff.gzipBytes) / 1024) * 10) / 10,
    stepsOnPage: (html.match(/data-checklist-step=/g) ?? []).length,
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

await main();
