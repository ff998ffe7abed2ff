import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createSiteIndex, type SiteIndex } from '../../core/site/index.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { launchBrowser } from './browser.js';
import { repoRoot } from './fixture-site.js';
import { serveStatic } from './static-server.js';

/** The handbook's own build (`npm run build` first), or `HANDBOOK_BUILD_DIR`. */
export const buildDir = process.env.HANDBOOK_BUILD_DIR ?? join(repoRoot, 'build');
/** Where the browser tests leave their screenshots, to be looked at. */
export const shots = join(repoRoot, '.cache/screenshots');

/**
 * What the browser tests of the handbook's own site share: the build served
 * on a local port, Chromium, and the site index the build's plugins made
 * (alert runbook URLs read against docusaurus.config.ts's url + baseUrl,
 * as the build reads them).
 */
export async function startHandbookBuild(): Promise<{ server: Awaited<ReturnType<typeof serveStatic>>; browser: Browser; index: SiteIndex }> {
  if (!existsSync(join(buildDir, 'index.html'))) throw new Error('No build/ found: run `npm run build` before the browser tests.');
  mkdirSync(shots, { recursive: true });
  const index = createSiteIndex(await loadCheckInput({ cwd: repoRoot, alerts: { siteUrl: 'https://handbook.internal/' } }));
  return { server: await serveStatic(buildDir), browser: await launchBrowser(), index };
}
