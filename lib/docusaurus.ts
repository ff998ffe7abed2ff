import { validateOptions, type Options, type PluginOptions } from '@docusaurus/plugin-content-docs';
import { normalizePluginOptions } from '@docusaurus/utils-validation';
import type { DocusaurusConfig, PluginConfig, PresetConfig } from '@docusaurus/types';
import { loadConfig, type HandbookConfig } from './config.js';
import type { LoadCheckInputOptions } from './corpus.js';
import { markdownOfSiteConfig } from './site-markdown.js';
import { cacheDirOf } from './cache.js';

/**
 * A docs plugin instance of a Docusaurus site, with the options the
 * handbook's loader needs, as the docs plugin itself validated and
 * defaulted them (its own `validateOptions`, its own defaults).
 */
export interface DocsInstance {
  id: string;
  /** The docs folder relative to the site (`path`). */
  docsDir: string;
  /** `routeBasePath` with one leading slash: `/docs`, or `/` for docs at the root. */
  routeBasePath: string;
  include: string[];
  exclude: string[];
}

/** Whether a site config's plugin entry is the docs plugin, or a plugin that wraps it with the docs plugin's options (plugins/docs). */
function isDocsPlugin(plugin: unknown): boolean {
  if (typeof plugin === 'string') return plugin === '@docusaurus/plugin-content-docs' || plugin === 'content-docs' || plugin === 'docusaurus-plugin-content-docs';
  return typeof plugin === 'function' && (plugin as { validateOptions?: unknown }).validateOptions === validateOptions;
}

function isClassicPreset(preset: unknown): boolean {
  return preset === 'classic' || preset === '@docusaurus/preset-classic' || preset === 'docusaurus-preset-classic';
}

/**
 * The docs plugin instances of a site: its `plugins` entries that are the
 * docs plugin (or wrap it) and the classic preset's `docs`, each with its
 * options validated by the docs plugin.
 */
export function docsInstancesOf(siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets'>): DocsInstance[] {
  return docsPluginOptionsOf(siteConfig).map((valid) => ({
    id: valid.id,
    docsDir: valid.path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''),
    routeBasePath: '/' + valid.routeBasePath.replace(/^\/+|\/+$/g, ''),
    include: valid.include,
    exclude: valid.exclude,
  }));
}

/** The options of every docs plugin instance of a site, validated and defaulted by the docs plugin's own `validateOptions`. */
export function docsPluginOptionsOf(siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets'>): PluginOptions[] {
  const found: Options[] = [];
  for (const entry of siteConfig.plugins as PluginConfig[]) {
    const [plugin, options] = Array.isArray(entry) ? entry : [entry, {}];
    if (isDocsPlugin(plugin)) found.push((options ?? {}) as Options);
  }
  for (const entry of siteConfig.presets as PresetConfig[]) {
    const [preset, options] = Array.isArray(entry) ? entry : [entry, {}];
    const docs = (options as { docs?: Options | false } | undefined)?.docs;
    if (isClassicPreset(preset) && docs !== false) found.push(docs ?? {});
  }
  return found.map((options) => validateOptions({ validate: normalizePluginOptions as never, options: options as never }) as PluginOptions);
}

/** The default docs instance of a site (id `default`), or its only one; null when it has none. */
export function defaultDocsInstanceOf(siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets'>): DocsInstance | null {
  const instances = docsInstancesOf(siteConfig);
  return instances.find((i) => i.id === 'default') ?? instances[0] ?? null;
}

/**
 * Where a handbook plugin finds the docs: the site's default docs instance
 * (its `path`, `routeBasePath`, `include`, `exclude`), unless the plugin's
 * own options say otherwise; `docs` at `/docs` on a site without a docs
 * plugin.
 */
export function docsOptionsFor(siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets'>, given: { docsDir?: string; routeBasePath?: string }): Omit<DocsInstance, 'id'> {
  const instance = defaultDocsInstanceOf(siteConfig);
  return {
    docsDir: given.docsDir ?? instance?.docsDir ?? 'docs',
    routeBasePath: given.routeBasePath ?? instance?.routeBasePath ?? '/docs',
    include: instance?.include ?? ['**/*.{md,mdx}'],
    exclude: instance?.exclude ?? [],
  };
}

/**
 * What a handbook build plugin works with: the site's `handbook.config.json`
 * (read by {@link loadConfig}, the CLI's reader) and the docs options. The
 * docs folder and route base path come from the plugin's own options, else
 * the config file when the site has one, else the site's docs plugin.
 */
export function handbookOptionsFor({ siteDir, siteConfig, given }: { siteDir: string; siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets'>; given: { docsDir?: string; routeBasePath?: string } }): Omit<DocsInstance, 'id'> & { config: HandbookConfig } {
  const config = loadConfig({ cwd: siteDir });
  const fromFile = config.file === null ? {} : { docsDir: config.docs, routeBasePath: config.routeBasePath };
  return { ...docsOptionsFor(siteConfig, { ...fromFile, ...given }), config };
}

/**
 * The loader's options for a build plugin of a Docusaurus site: the docs as
 * the docs plugin (or handbook.config.json) says, the site's static folders,
 * Docusaurus's link resolution, and the alert files with their runbook URLs
 * read against this site's URL, and `handbook check`'s cache of parsed docs
 * (`.handbook/cache`, or `$HANDBOOK_CACHE_DIR`): a build after `handbook
 * check` (as CI runs them) or a rebuild parses only the docs that changed.
 * One place for the check and the site data.
 */
export function siteLoadOptions(
  context: { siteDir: string; siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets' | 'staticDirectories' | 'url' | 'baseUrl'> & Partial<Pick<DocusaurusConfig, 'markdown'>> },
  given: { docsDir?: string; routeBasePath?: string },
  env: NodeJS.ProcessEnv = process.env,
): LoadCheckInputOptions & { docsDir: string; config: HandbookConfig } {
  const { docsDir, routeBasePath, include, exclude, config } = handbookOptionsFor({ siteDir: context.siteDir, siteConfig: context.siteConfig, given });
  return {
    cwd: context.siteDir,
    docsDir,
    routeBasePath,
    include,
    exclude,
    staticDirs: context.siteConfig.staticDirectories,
    renderedBy: 'docusaurus',
    markdown: markdownOfSiteConfig(context.siteConfig),
    cacheDir: cacheDirOf(context.siteDir, env),
    alerts: { siteUrl: context.siteConfig.url.replace(/\/+$/, '') + context.siteConfig.baseUrl, ...(config.alerts.length > 0 ? { globs: config.alerts } : {}) },
    config,
  };
}
