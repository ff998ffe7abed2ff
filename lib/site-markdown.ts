import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocusaurusConfig } from '@docusaurus/types';
import { DEFAULT_MARKDOWN, type MarkdownOptions } from '../core/markdown.js';
import { readCachedFact, siteConfigFileOf, siteConfigOf, writeCachedFact } from './site-config.js';

/**
 * How a Docusaurus site reads its Markdown, from its own config: the
 * `markdown.format` and `markdown.mdx1Compat` Docusaurus validated and
 * defaulted (format `mdx` when the config says nothing), and whether its
 * docs plugin registers remark-math. The one reader of these facts for the
 * CLI (through Docusaurus's `loadSiteConfig`) and the build plugins (from
 * their `siteConfig`).
 */

/** The config file names Docusaurus looks for, in its order. */

type SiteConfigPart = Pick<DocusaurusConfig, 'plugins' | 'presets'> & Partial<Pick<DocusaurusConfig, 'markdown'>>;

/** Whether a remark plugin entry (`plugin` or `[plugin, options]`) is remark-math, by its function's name (remark-math exports `remarkMath`). */
function isRemarkMath(entry: unknown): boolean {
  const plugin = Array.isArray(entry) ? entry[0] : entry;
  const fn = typeof plugin === 'function' ? plugin : (plugin as { default?: unknown } | null)?.default;
  return typeof fn === 'function' && fn.name === 'remarkMath';
}

/** The remark plugins of the site's docs plugin instances (classic preset's `docs` and docs plugin entries). */
function docsRemarkPlugins(siteConfig: Pick<DocusaurusConfig, 'plugins' | 'presets'>): unknown[] {
  const found: unknown[] = [];
  const take = (options: unknown) => {
    const o = (options ?? {}) as { remarkPlugins?: unknown[]; beforeDefaultRemarkPlugins?: unknown[] };
    found.push(...(o.remarkPlugins ?? []), ...(o.beforeDefaultRemarkPlugins ?? []));
  };
  for (const entry of siteConfig.presets ?? []) {
    const options = Array.isArray(entry) ? entry[1] : undefined;
    take((options as { docs?: unknown } | undefined)?.docs);
  }
  for (const entry of siteConfig.plugins ?? []) {
    // The docs plugin (or a plugin wrapping it), not the blog's or the pages'.
    if (Array.isArray(entry) && !(typeof entry[0] === 'string' && /blog|pages/.test(entry[0]))) take(entry[1]);
  }
  return found;
}

/** The Markdown options of a loaded (validated) site config. */
export function markdownOfSiteConfig(siteConfig: SiteConfigPart): MarkdownOptions {
  const markdown = siteConfig.markdown;
  return {
    format: markdown?.format ?? 'mdx',
    mdx1Compat: { comments: markdown?.mdx1Compat?.comments ?? true, headingIds: markdown?.mdx1Compat?.headingIds ?? true },
    math: docsRemarkPlugins(siteConfig).some(isRemarkMath),
  };
}

/** What {@link siteMarkdownOf} found: the site's options, or why its config could not be read. */
export type SiteMarkdown = { config: string; markdown: MarkdownOptions } | { config: string; markdown: null; problem: string };

/**
 * The Markdown options of the Docusaurus site at `cwd`, or null when it has
 * no `docusaurus.config.*`. The config is loaded with Docusaurus's own
 * loader (`loadSiteConfig`, which imports every plugin it names: seconds),
 * so the answer is kept in `cacheDir/site-markdown.json`, keyed by the
 * config file's content. A config that cannot be loaded (its plugins not
 * installed) gives `markdown: null` and the reason, for the caller to say
 * in one line before reading Markdown its own way.
 */
export async function siteMarkdownOf({ cwd, cacheDir }: { cwd: string; cacheDir: string | null }): Promise<SiteMarkdown | null> {
  const name = siteConfigFileOf(cwd);
  if (!name) return null;
  const path = join(cwd, name);
  const hash = createHash('sha1').update(readFileSync(path)).digest('hex');
  const cached = readCachedFact<SiteMarkdown>(cacheDir, 'site-markdown.json', hash);
  if (cached) return cached;
  let value: SiteMarkdown;
  try {
    const siteConfig = await siteConfigOf(cwd, path);
    value = { config: name, markdown: markdownOfSiteConfig(siteConfig) };
  } catch (error) {
    // Docusaurus wraps the reason ("could not load module at path ..."): the innermost cause names it (a missing plugin).
    let inner = error as { message?: string; cause?: unknown };
    while (inner.cause && typeof inner.cause === 'object') inner = inner.cause as typeof inner;
    const reason = (inner.message ?? String(error)).split('\n')[0]!.slice(0, 200);
    value = { config: name, markdown: null, problem: reason };
  }
  writeCachedFact(cacheDir, 'site-markdown.json', hash, value);
  return value;
}

/**
 * The Markdown options every command reads documents with: the site's
 * (see {@link siteMarkdownOf}), else `format` (handbook.config.json's, named
 * by `formatFrom` in the notice) with Docusaurus's defaults. `notice` is the
 * one line to print when the site's config exists but cannot be loaded.
 */
export async function markdownOptionsFor({ cwd, cacheDir, format, formatFrom }: { cwd: string; cacheDir: string | null; format: MarkdownOptions['format']; formatFrom: string | null }): Promise<{ markdown: MarkdownOptions; notice: string | null }> {
  const site = await siteMarkdownOf({ cwd, cacheDir });
  if (site?.markdown) return { markdown: site.markdown, notice: null };
  const markdown = { ...DEFAULT_MARKDOWN, format };
  if (!site) return { markdown, notice: null };
  return { markdown, notice: `cannot load ${site.config} (${site.problem}); reading Markdown with format \`${format}\` (${formatFrom ?? 'the default; set `format` in handbook.config.json'})` };
}
