import type { HandbookConfig } from '../core/config.js';
import type { MarkdownOptions } from '../core/markdown.js';
import { siteDocsFoldersFor, type SiteDocsFolder } from './docs-folders.js';
import { markdownOptionsFor } from './site-markdown.js';

/**
 * How every command reads the docs of the site at `cwd`, as its Docusaurus
 * build reads them: where the docs are and at which route, and the Markdown
 * options (see {@link siteReadingFor}).
 */
export interface SiteReading {
  /** The docs folder (the default instance's current docs), relative to `cwd`. */
  docsDir: string;
  /** Its route base path. */
  routeBasePath: string;
  /** Every version of every docs plugin instance, when the site or a versions file names them. */
  folders?: SiteDocsFolder[];
  /** Routes other plugins of the site serve (blog, pages). */
  otherRoutes?: string[];
  /** How the site reads Markdown (`markdown.format`, `mdx1Compat`, remark-math). */
  markdown: MarkdownOptions;
  /** One line when the site's config could not be read for its folders of docs (their reading falls back to the docs folder). */
  foldersWarning: string | null;
  /** One line when the site's config could not be read for its Markdown options (read with handbook.config.json's `format`). */
  markdownNotice: string | null;
  /** Both lines, in that order: what a command prints, after its name, on standard error. */
  notices: string[];
}

/**
 * What a command needs to read the docs as the site's build does, from
 * handbook.config.json (`config`, with `--docs` over its `docs`) and the
 * site's Docusaurus config: the folders of docs and their routes
 * (lib/docs-folders.ts `siteDocsFoldersFor`: the docs folder the config or
 * `--docs` names, else the site's own) and the Markdown options
 * (lib/site-markdown.ts `markdownOptionsFor`). The one reading of
 * `handbook check`, `handbook export`, `handbook run` and `handbook parse`.
 *
 * `siteFolders: false` takes the docs folder and route of `config` as they
 * are, without reading the site's folders of docs (for a command that
 * reads one file).
 * A config that cannot be loaded is a notice, never an error; a
 * versions file that cannot be read throws a `CheckConfigError`.
 */
export async function siteReadingFor({
  cwd,
  cacheDir,
  config,
  docsNamed = false,
  siteFolders = true,
}: {
  cwd: string;
  cacheDir: string | null;
  config: Pick<HandbookConfig, 'file' | 'docs' | 'routeBasePath' | 'format'>;
  /** `--docs` was given: the docs folder is named, as by handbook.config.json. */
  docsNamed?: boolean;
  siteFolders?: boolean;
}): Promise<SiteReading> {
  const site = siteFolders
    ? await siteDocsFoldersFor({ cwd, cacheDir, docsDir: config.docs, routeBasePath: config.routeBasePath, fromHandbookConfig: docsNamed || config.file !== null })
    : { docsDir: config.docs, routeBasePath: config.routeBasePath };
  // Markdown as the site's build reads it (its config's markdown.format, mdx1Compat, remark-math), else as handbook.config.json says.
  const { markdown, notice } = await markdownOptionsFor({ cwd, cacheDir, format: config.format, formatFrom: config.file });
  const foldersWarning = 'warning' in site && site.warning ? site.warning : null;
  return {
    docsDir: site.docsDir,
    routeBasePath: site.routeBasePath,
    ...('folders' in site && site.folders ? { folders: site.folders } : {}),
    ...('otherRoutes' in site && site.otherRoutes ? { otherRoutes: site.otherRoutes } : {}),
    markdown,
    foldersWarning,
    markdownNotice: notice,
    notices: [foldersWarning, notice].filter((line): line is string => line !== null),
  };
}
