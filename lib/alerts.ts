import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULT_ALERT_GLOBS, parseAlertFile, type AlertInput } from '../core/alerts/index.js';
import { readCachedFact, siteConfigFileOf, siteConfigOf, writeCachedFact } from './site-config.js';

/**
 * The loading side of alerts as code: finds the alert files (`alerts`
 * globs, default `alerts/**` YAML), reads and parses them with the core,
 * and finds the site URL their runbook URLs are read against. The one
 * module with effects for alerts; `loadCheckInput` calls it.
 */

export interface LoadAlertInputOptions {
  /** Absolute folder the globs and paths are relative to. */
  cwd: string;
  /** Globs of the alert files, relative to `cwd` (default {@link DEFAULT_ALERT_GLOBS}). */
  globs?: readonly string[];
  /**
   * The site's URL with its base URL (`https://handbook.internal/`); when
   * absent it is read with {@link siteUrlOf}, and only if some runbook URL
   * is a full URL (a site-absolute `/docs/...` path needs none).
   */
  siteUrl?: string | null;
  /** Where {@link siteUrlOf} keeps what it read from the Docusaurus config; null: no cache. */
  cacheDir?: string | null;
  env?: NodeJS.ProcessEnv;
}

/** The alert files under `cwd`, parsed, and the site URL. */
export async function loadAlertInput(options: LoadAlertInputOptions): Promise<AlertInput> {
  const { cwd } = options;
  const paths = (await glob([...(options.globs ?? DEFAULT_ALERT_GLOBS)], { cwd, ignore: ['**/node_modules/**'], dot: false })).sort();
  const files = await Promise.all(paths.map(async (path) => parseAlertFile({ path, text: await readFile(resolve(cwd, path), 'utf8') })));
  const needsSiteUrl = files.some((file) => file.alerts.some((alert) => alert.runbookUrl !== null && /^https?:\/\//i.test(alert.runbookUrl)));
  const siteUrl = options.siteUrl !== undefined ? options.siteUrl : needsSiteUrl ? await siteUrlOf({ cwd, cacheDir: options.cacheDir ?? null, env: options.env }) : null;
  return { files, siteUrl };
}


/**
 * The site URL runbook URLs start with: `HANDBOOK_SITE_URL` when set, else
 * the Docusaurus config's `url` + `baseUrl`, read by Docusaurus's own config
 * loader (`loadSiteConfig`), or null without a config. Loading the config
 * imports every plugin it names (seconds), so the answer is kept in the
 * cache keyed by the config file's content: a `url` computed from the
 * environment is read again only when the file changes (set
 * `HANDBOOK_SITE_URL` or pass `--no-cache` then).
 */
export async function siteUrlOf({ cwd, cacheDir, env = process.env }: { cwd: string; cacheDir: string | null; env?: NodeJS.ProcessEnv }): Promise<string | null> {
  if (env.HANDBOOK_SITE_URL) return withSlash(env.HANDBOOK_SITE_URL);
  const name = siteConfigFileOf(cwd);
  if (!name) return null;
  const config = join(cwd, name);
  const hash = createHash('sha1').update(readFileSync(config)).digest('hex');
  const cached = readCachedFact<string>(cacheDir, 'site-url.json', hash);
  if (typeof cached === 'string') return cached;
  const siteConfig = await siteConfigOf(cwd, config);
  const siteUrl = withSlash(siteConfig.url.replace(/\/+$/, '') + siteConfig.baseUrl);
  writeCachedFact(cacheDir, 'site-url.json', hash, siteUrl);
  return siteUrl;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : url + '/';
}
