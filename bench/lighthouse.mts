/**
 * Lighthouse on the built handbook with Debian's Chromium: serves a build
 * folder (default `build/`, or HANDBOOK_BUILD_DIR) on 127.0.0.1, gzipped as
 * a production static host serves it (`--no-gzip` for the raw bytes), runs
 * Lighthouse (desktop and mobile presets) on a procedure page and the home
 * page `--runs` times each, and prints every run (scores, metrics, the
 * 1-minute load average) and the median performance. Lighthouse's scores
 * move with the machine's load: run it when the load is low.
 *
 * `--build DIR` (repeatable) compares builds: each is served on its own
 * port and the runs are interleaved (run 1 of every page, preset and build,
 * then run 2, ...), so every build sees about the same load. To measure a
 * commit "before", build it in a temporary copy (`git archive <commit> |
 * tar -x -C /tmp/before`, `node_modules` linked, `npx docusaurus build`)
 * and pass both folders.
 *
 * Each run also prints Lighthouse's `benchmarkIndex` of the host (its CPU
 * speed at that moment): the default 4x CPU slowdown is meant for a
 * high-end desktop host (1500-2000); Lighthouse's docs/throttling.md
 * suggests about 2x on a low-end desktop host (1000-1500).
 * `--cpu-slowdown N` passes `--throttling.cpuSlowdownMultiplier=N`.
 *
 * It ends with a Markdown table of the runs (page, preset, build, each
 * score with its benchmarkIndex, median, accessibility), as BENCHMARKS.md
 * records them.
 *
 * Usage: `npx tsx bench/lighthouse.mts [--runs N] [--no-gzip] [--preset desktop|mobile] [--cpu-slowdown N] [--build DIR]... [path...]`
 * Reports: `.cache/lighthouse/<build>-<page>-<preset>-<run>.json`.
 */
import { execFile } from 'node:child_process';
import { readFile, mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { serveStatic } from '../tests/support/static-server.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const out = join(root, '.cache/lighthouse');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '1' },
    'no-gzip': { type: 'boolean', default: false },
    preset: { type: 'string', multiple: true },
    'cpu-slowdown': { type: 'string' },
    build: { type: 'string', multiple: true },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new Error('--runs must be 1 to 9');
const presets = (values.preset ?? ['desktop', 'mobile']) as ('desktop' | 'mobile')[];
const cpuSlowdown = values['cpu-slowdown'] === undefined ? undefined : Number(values['cpu-slowdown']);
if (cpuSlowdown !== undefined && !(cpuSlowdown > 0 && cpuSlowdown <= 20)) throw new Error('--cpu-slowdown must be a number from 0 to 20');
const paths = positionals.length ? positionals : ['/docs/ms5/verify-deployment', '/'];
const buildDirs = (values.build ?? [process.env.HANDBOOK_BUILD_DIR ?? join(root, 'build')]).map((dir) => resolve(dir));
/** A build's name in the output: its folder, with the parent's name when the folder is `build`. */
const nameOf = (dir: string) => (basename(dir) === 'build' && buildDirs.length > 1 ? `${basename(dirname(dir))}/build` : basename(dir));

interface Run {
  performance: number;
  accessibility: number;
  benchmarkIndex: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One row of BENCHMARKS.md's tables: `| page | preset | build | runs (benchmarkIndex) | median | accessibility |`. */
function tableRow(path: string, preset: string, build: string, results: Run[]): string {
  const accessibility = [...new Set(results.map((r) => r.accessibility))];
  return `| \`${path}\` | ${preset} | ${build} | ${results.map((r) => `${r.performance} (${r.benchmarkIndex})`).join(', ')} | **${median(results.map((r) => r.performance))}** | ${accessibility.length === 1 ? `${accessibility[0]} in every run` : accessibility.join(', ')} |`;
}

await mkdir(out, { recursive: true });
const gzip = !values['no-gzip'];
const servers = await Promise.all(buildDirs.map((dir) => serveStatic(dir, { gzip })));
for (const dir of buildDirs) console.log(`${dir} served ${gzip ? 'gzipped' : 'uncompressed'}; ${runs} run(s) per page and preset`);
const results = new Map<string, Run[]>();
const key = (path: string, preset: string, build: string) => JSON.stringify([path, preset, build]);
try {
  for (let i = 1; i <= runs; i++) {
    for (const path of paths) {
      for (const preset of presets) {
        for (const [b, dir] of buildDirs.entries()) {
          const build = nameOf(dir);
          const file = join(out, `${buildDirs.length > 1 ? `${build.replace(/\W+/g, '_')}-` : ''}${path.replace(/\W+/g, '_') || 'home'}-${preset}-${i}.json`);
          const load = loadavg()[0]!.toFixed(1);
          const args = [
            join(root, 'node_modules/lighthouse/cli/index.js'),
            servers[b]!.url + path,
            '--only-categories=performance,accessibility',
            '--output=json',
            `--output-path=${file}`,
            '--quiet',
            '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
            ...(preset === 'desktop' ? ['--preset=desktop'] : []),
            ...(cpuSlowdown === undefined ? [] : [`--throttling.cpuSlowdownMultiplier=${cpuSlowdown}`]),
          ];
          await run(process.execPath, args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, timeout: 300_000 });
          const report = JSON.parse(await readFile(file, 'utf8'));
          const score = (c: string) => Math.round(report.categories[c].score * 100);
          const failing = Object.values(report.audits as Record<string, { id: string; score: number | null; scoreDisplayMode: string }>)
            .filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0 && report.categories.accessibility.auditRefs.some((r: { id: string }) => r.id === a.id))
            .map((a) => a.id);
          const metric = (id: string) => report.audits[id]?.displayValue ?? '-';
          const line = `performance ${score('performance')}, accessibility ${score('accessibility')}; FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}${failing.length ? `; failing: ${failing.join(', ')}` : ''}`;
          const benchmarkIndex = Math.round(report.environment?.benchmarkIndex ?? 0);
          const host = `load ${load}, benchmarkIndex ${benchmarkIndex}${cpuSlowdown === undefined ? '' : `, CPU slowdown ${cpuSlowdown}x`}`;
          console.log(`${buildDirs.length > 1 ? `[${build}] ` : ''}${path} ${preset} run ${i} (${host}, ${new Date().toISOString().slice(11, 16)} UTC): ${line}`);
          const k = key(path, preset, build);
          results.set(k, [...(results.get(k) ?? []), { performance: score('performance'), accessibility: score('accessibility'), benchmarkIndex }]);
        }
      }
    }
  }
  const rows: string[] = [];
  for (const path of paths) {
    for (const preset of presets) {
      for (const dir of buildDirs) {
        const build = nameOf(dir);
        const list = results.get(key(path, preset, build)) ?? [];
        if (runs > 1) console.log(`${buildDirs.length > 1 ? `[${build}] ` : ''}${path} ${preset}: median performance ${median(list.map((r) => r.performance))} (${list.map((r) => r.performance).join(', ')}), accessibility ${list.map((r) => r.accessibility).join(', ')}`);
        rows.push(tableRow(path, preset, build, list));
      }
    }
  }
  // Ready to paste into BENCHMARKS.md.
  console.log(['', '| page | preset | build | runs (benchmarkIndex) | median | accessibility |', '|---|---|---|---|---|---|', ...rows].join('\n'));
} finally {
  await Promise.all(servers.map((server) => server.close()));
}
