import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { PluginOptions, VersionMetadata } from '@docusaurus/plugin-content-docs';
import type { DocusaurusConfig } from '@docusaurus/types';
import type { DocsFolder } from '../core/index.js';
import { CheckConfigError } from './corpus.js';
import { readCachedFact, siteConfigFileOf, siteConfigOf, writeCachedFact } from './site-config.js';

/**
 * The folders of docs a Docusaurus site builds: every version of every docs
 * plugin instance, read by the docs plugin's own functions (its
 * `validateOptions`, then `readVersionsMetadata`: `versions.json`,
 * `versioned_docs/version-X/`, `lastVersion`, `onlyIncludeVersions`,
 * `includeCurrentVersion`, per-version `path`), so links to `/docs/next/...`
 * or `/community/...` resolve. The current version of each instance is
 * checked with every rule; a past version (a frozen copy Docusaurus still
 * builds, whose broken links still break the build) with the link rules.
 */

type NumberPrefixParser = (name: string) => { filename: string; numberPrefix?: number };

/** A folder of docs with what the loader needs besides the core's facts: which files are pages, how number prefixes are read. */
export interface SiteDocsFolder extends DocsFolder {
  /** The instance's `include` and `exclude` globs (which files are pages). */
  include: string[];
  exclude: string[];
  /** The instance's own number prefix parser, when it is neither Docusaurus's default nor disabled. */
  parser?: NumberPrefixParser;
}

interface VersionFunctions {
  readVersionsMetadata(args: { context: unknown; options: PluginOptions }): Promise<VersionMetadata[]>;
  DefaultNumberPrefixParser: NumberPrefixParser;
  DisabledNumberPrefixParser: NumberPrefixParser;
}

/**
 * lib/docusaurus.ts, which imports the docs plugin (its options schema) and
 * with it much of Docusaurus: loaded only on the paths that read a site's
 * config or versions, not by every run of the CLI.
 */
const docusaurusOptions = () => import('./docusaurus.js');

function versionFunctions(): VersionFunctions {
  const require = createRequire(import.meta.url);
  return {
    ...(require('@docusaurus/plugin-content-docs/lib/versions/version.js') as Pick<VersionFunctions, 'readVersionsMetadata'>),
    ...(require('@docusaurus/plugin-content-docs/lib/numberPrefix.js') as Pick<VersionFunctions, 'DefaultNumberPrefixParser' | 'DisabledNumberPrefixParser'>),
  };
}

/**
 * The folders of docs of the docs plugin instances with these (validated)
 * options, in a site at `siteDir`: Docusaurus's own `readVersionsMetadata`
 * gives each version's folder and route. Routes are computed without the
 * site's `baseUrl` (links in docs are written without it).
 */
export async function docsFoldersOf(siteDir: string, instances: readonly PluginOptions[]): Promise<SiteDocsFolder[]> {
  const fns = versionFunctions();
  const context = { siteDir, baseUrl: '/', localizationDir: join(siteDir, 'i18n', 'en'), i18n: { currentLocale: 'en', defaultLocale: 'en', locales: ['en'], localeConfigs: { en: { translate: false } } } };
  const folders: SiteDocsFolder[] = [];
  for (const options of instances) {
    // The sidebars are not read: a missing sidebar file is the build's to report.
    const versions = await fns.readVersionsMetadata({ context, options: { ...options, sidebarPath: false } });
    const parser = options.numberPrefixParser as NumberPrefixParser;
    const numberPrefixParser = parser === fns.DefaultNumberPrefixParser ? 'default' : parser === fns.DisabledNumberPrefixParser ? 'disabled' : 'custom';
    for (const version of versions) {
      folders.push({
        instance: options.id,
        version: version.versionName,
        dir: relative(siteDir, version.contentPath).split('\\').join('/') || '.',
        path: version.path,
        numberPrefixParser,
        checked: version.versionName === 'current' ? 'all' : 'links',
        include: options.include,
        exclude: options.exclude,
        ...(numberPrefixParser === 'custom' ? { parser } : {}),
      });
    }
  }
  return folders;
}

/**
 * Routes other plugins of the site serve, which no docs folder has: the
 * blog's `routeBasePath` (classic preset or blog plugin), and each
 * top-level file or folder of the pages plugin's `src/pages`
 * (`/about`, `/showcase`). Links there are outside the check.
 */
export function otherRoutesOfSite({ siteDir, siteConfig }: { siteDir: string; siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets'> }): string[] {
  const routes = new Set<string>();
  const route = (base: unknown, fallback: string) => '/' + String(typeof base === 'string' ? base : fallback).replace(/^\/+|\/+$/g, '');
  let pages = false;
  for (const entry of siteConfig.presets as unknown[]) {
    const [preset, options] = (Array.isArray(entry) ? entry : [entry, {}]) as [unknown, Record<string, unknown> | undefined];
    if (preset !== 'classic' && preset !== '@docusaurus/preset-classic') continue;
    const blog = options?.blog as Record<string, unknown> | false | undefined;
    if (blog !== false) routes.add(route(blog?.routeBasePath, 'blog'));
    if (options?.pages !== false) pages = true;
  }
  for (const entry of siteConfig.plugins as unknown[]) {
    const [plugin, options] = (Array.isArray(entry) ? entry : [entry, {}]) as [unknown, Record<string, unknown> | undefined];
    if (plugin === '@docusaurus/plugin-content-blog' || plugin === 'content-blog') routes.add(route(options?.routeBasePath, 'blog'));
    if (plugin === '@docusaurus/plugin-content-pages' || plugin === 'content-pages') pages = true;
  }
  if (pages && existsSync(join(siteDir, 'src/pages'))) {
    for (const name of readdirSync(join(siteDir, 'src/pages'))) {
      const base = name.replace(/\.(js|jsx|ts|tsx|md|mdx)$/, '');
      if (base !== 'index' && !base.startsWith('_')) routes.add('/' + base);
    }
  }
  return [...routes].filter((r) => r !== '/').sort();
}

/** The folders of docs of a loaded site config (the build plugins have it from Docusaurus). */
export async function docsFoldersOfSite({ siteDir, siteConfig }: { siteDir: string; siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets'> }): Promise<SiteDocsFolder[]> {
  const { docsPluginOptionsOf } = await docusaurusOptions();
  return docsFoldersOf(siteDir, docsPluginOptionsOf(siteConfig));
}

/** The folders of docs of a site without a Docusaurus config that can be loaded: one docs folder at `routeBasePath`, with the versions `versions.json` beside it names. */
export async function docsFoldersWithout({ siteDir, docsDir, routeBasePath }: { siteDir: string; docsDir: string; routeBasePath: string }): Promise<SiteDocsFolder[]> {
  const { docsPluginOptionsOf } = await docusaurusOptions();
  const options = docsPluginOptionsOf({ plugins: [['@docusaurus/plugin-content-docs', { path: docsDir, routeBasePath }]], presets: [] });
  return docsFoldersOf(siteDir, options);
}


/** What {@link loadDocsFolders} found: the folders, or why the site config could not be read. */
export type LoadedDocsFolders = { folders: SiteDocsFolder[]; otherRoutes: string[]; from: 'docusaurus' } | { folders: null; from: 'none' } | { folders: null; from: 'error'; message: string };

/**
 * The folders of docs of the Docusaurus site at `cwd`, read from its config
 * through Docusaurus's own loader (`loadSiteConfig`). Loading a config
 * imports every plugin it names (seconds), so the folders are kept in the
 * cache keyed by the config file and every `*versions.json` beside it (a
 * site whose number prefix parser is a function of its own is read every
 * time). Null without a config; the reason when it cannot be loaded (its
 * plugins not installed): the caller says so and goes on without it.
 */
export async function loadDocsFolders({ cwd, cacheDir }: { cwd: string; cacheDir: string | null }): Promise<LoadedDocsFolders> {
  const name = siteConfigFileOf(cwd);
  if (!name) return { folders: null, from: 'none' };
  const config = join(cwd, name);
  const hash = createHash('sha1').update(readFileSync(config));
  for (const file of readdirSync(cwd).filter((n) => n.endsWith('versions.json')).sort()) hash.update(file).update(readFileSync(join(cwd, file)));
  const key = hash.digest('hex');
  const cached = readCachedFact<{ folders?: SiteDocsFolder[]; otherRoutes?: string[] }>(cacheDir, 'docs-folders.json', key);
  if (cached && Array.isArray(cached.folders) && Array.isArray(cached.otherRoutes)) return { folders: cached.folders, otherRoutes: cached.otherRoutes, from: 'docusaurus' };
  let folders: SiteDocsFolder[];
  let otherRoutes: string[];
  try {
    const siteConfig = await siteConfigOf(cwd, config);
    folders = await docsFoldersOfSite({ siteDir: cwd, siteConfig });
    otherRoutes = otherRoutesOfSite({ siteDir: cwd, siteConfig });
  } catch (error) {
    const message = (error as Error).message.split('\n').find((line) => line.trim() !== '') ?? String(error);
    return { folders: null, from: 'error', message: `${relative(cwd, config)} could not be loaded (${message.trim()})` };
  }
  // A number prefix parser of the site's own is a function: not kept.
  if (folders.every((f) => f.parser === undefined)) writeCachedFact(cacheDir, 'docs-folders.json', key, { folders, otherRoutes });
  return { folders, otherRoutes, from: 'docusaurus' };
}

/**
 * The folders of docs `handbook check` reads at `cwd`: when `--docs` or
 * handbook.config.json name the docs folder, that folder at its
 * `routeBasePath` (and the versions a `versions.json` beside it names);
 * else the Docusaurus site's own, read from its config
 * ({@link loadDocsFolders}); when that config cannot be loaded, the docs
 * folder again, with a warning of one line. The primary folder (the
 * default instance's current docs) gives `docsDir` and `routeBasePath`.
 */
export async function siteDocsFoldersFor({
  cwd,
  cacheDir,
  docsDir,
  routeBasePath,
  fromHandbookConfig,
  siteConfig,
}: {
  cwd: string;
  cacheDir: string | null;
  docsDir: string;
  routeBasePath: string;
  fromHandbookConfig: boolean;
  /** The site's config as Docusaurus loaded it (the build's plugins have it): read instead of loading the config file. */
  siteConfig?: Pick<DocusaurusConfig, 'plugins' | 'presets'>;
}): Promise<{ folders?: SiteDocsFolder[]; otherRoutes?: string[]; docsDir: string; routeBasePath: string; warning?: string }> {
  let warning: string | undefined;
  if (!fromHandbookConfig) {
    const loaded: LoadedDocsFolders = siteConfig
      ? { folders: await docsFoldersOfSite({ siteDir: cwd, siteConfig }), otherRoutes: otherRoutesOfSite({ siteDir: cwd, siteConfig }), from: 'docusaurus' }
      : await loadDocsFolders({ cwd, cacheDir });
    if (loaded.from === 'docusaurus' && loaded.folders.length > 0) {
      const primary = loaded.folders.find((f) => f.instance === 'default' && f.version === 'current') ?? loaded.folders.find((f) => f.version === 'current') ?? loaded.folders[0]!;
      return { folders: loaded.folders, otherRoutes: loaded.otherRoutes, docsDir: primary.dir, routeBasePath: primary.path };
    }
    if (loaded.from === 'error') warning = `${loaded.message}: checking ${docsDir}/ at ${routeBasePath} (say where the docs are in handbook.config.json: docs, routeBasePath)`;
  }
  // Versions only when a versions file is there: reading them loads Docusaurus's modules (a third of a second).
  const versioned = existsSync(cwd) && readdirSync(cwd).some((name) => name.endsWith('versions.json'));
  if (!versioned) return { docsDir, routeBasePath, ...(warning ? { warning } : {}) };
  let folders: SiteDocsFolder[];
  try {
    folders = await docsFoldersWithout({ siteDir: cwd, docsDir, routeBasePath });
  } catch (error) {
    throw new CheckConfigError(`versions of ${docsDir}/: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return { folders, docsDir, routeBasePath, ...(warning ? { warning } : {}) };
}
