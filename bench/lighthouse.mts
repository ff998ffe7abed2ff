/**
 * Lighthouse on the built handbook with Debian's Chromium: serves a build
 * folder (default `build/`, or HANDBOOK_BUILD_DIR) on 127.0.0.1, runs
 * Lighthouse (desktop and mobile presets) on a procedure page and the home
 * page, prints the performance and accessibility scores and any failing
 * accessibility audit. Usage: `npx tsx bench/lighthouse.mts [path...]`.
 */
import { execFile } from 'node:child_process';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serveStatic } from '../tests/support/static-server.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const buildDir = process.env.HANDBOOK_BUILD_DIR ?? join(root, 'build');
const out = join(root, '.cache/lighthouse');
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/docs/ms5/verify-deployment', '/'];

await mkdir(out, { recursive: true });
const server = await serveStatic(buildDir);
try {
  for (const path of paths) {
    for (const preset of ['desktop', 'mobile'] as const) {
      const file = join(out, `${path.replace(/\W+/g, '_') || 'home'}-${preset}.json`);
      const args = [
        join(root, 'node_modules/lighthouse/cli/index.js'),
        server.url + path,
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${file}`,
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ];
      await run(process.execPath, args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, timeout: 300_000 });
      const report = JSON.parse(await readFile(file, 'utf8'));
      const score = (c: string) => Math.round(report.categories[c].score * 100);
      const failing = Object.values(report.audits as Record<string, { id: string; score: number | null; scoreDisplayMode: string }>)
        .filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0 && report.categories.accessibility.auditRefs.some((r: { id: string }) => r.id === a.id))
        .map((a) => a.id);
      const metric = (id: string) => report.audits[id]?.displayValue ?? '-';
      console.log(`${path} ${preset}: performance ${score('performance')}, accessibility ${score('accessibility')}; FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}${failing.length ? `; failing: ${failing.join(', ')}` : ''}`);
    }
  }
} finally {
  await server.close();
}
