import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocusaurusConfig } from '@docusaurus/types';

/** The names of a Docusaurus site's config file, the ones Docusaurus looks for, in its order. */
export const SITE_CONFIG_FILES = ['docusaurus.config.ts', 'docusaurus.config.mts', 'docusaurus.config.cts', 'docusaurus.config.js', 'docusaurus.config.mjs', 'docusaurus.config.cjs'];

/** The name of the site's config file in `cwd`, or null when it is not a Docusaurus site. */
export function siteConfigFileOf(cwd: string): string | null {
  return SITE_CONFIG_FILES.find((name) => existsSync(join(cwd, name))) ?? null;
}

const loaded = new Map<string, Promise<DocusaurusConfig>>();

/**
 * A Docusaurus site's config through Docusaurus's own loader, once per
 * site and config file per process: loading imports every plugin the config
 * names (seconds), and the check reads three facts from it (the Markdown
 * options, the folders of docs, the site URL). Each of those is also kept
 * in its own small file cache ({@link readCachedFact}), so most runs load nothing.
 */
export function siteConfigOf(siteDir: string, configFile: string): Promise<DocusaurusConfig> {
  const key = `${siteDir}\0${configFile}`;
  let config = loaded.get(key);
  if (!config) {
    config = (async () => {
      const { loadSiteConfig } = (await import('@docusaurus/core/lib/server/config.js')) as typeof import('@docusaurus/core/lib/server/config.js');
      return (await loadSiteConfig({ siteDir, customConfigFilePath: configFile })).siteConfig;
    })();
    loaded.set(key, config);
  }
  return config;
}

/**
 * A fact read from a site's config, kept in `cacheDir/<name>` under `key`
 * (a hash of the files it was read from): the value, or undefined when there
 * is no cache, it is unreadable or it was written for another key.
 */
export function readCachedFact<T>(cacheDir: string | null, name: string, key: string): T | undefined {
  if (!cacheDir) return undefined;
  try {
    const cached = JSON.parse(readFileSync(join(cacheDir, name), 'utf8')) as { key?: string; value?: T };
    return cached.key === key ? cached.value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a fact for {@link readCachedFact}; an unwritable cache only costs the next run the config load. */
export function writeCachedFact(cacheDir: string | null, name: string, key: string, value: unknown): void {
  if (!cacheDir) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, name), JSON.stringify({ key, value }) + '\n');
  } catch {
    // Read-only checkout.
  }
}
