import docsPlugin, { validateOptions, type DocMetadata, type LoadedContent, type PluginOptions } from '@docusaurus/plugin-content-docs';
import { resolve } from 'node:path';
import type { AllContent, LoadContext, Plugin, PluginModule } from '@docusaurus/types';
import type { SiteIndex } from '../../core/site/index.js';
import { docViews, type DocView } from '../../core/site/views.js';
import { markdownOfSiteConfig } from '../../lib/site-markdown.js';
import remarkChecklist, { type ChecklistRemarkOptions } from '../checklist/remark.js';

/** The name of the plugin whose content is the site index (plugins/site-data). */
export const SITE_DATA_PLUGIN = 'handbook-site-data';

/** A doc's metadata with the handbook's view of it, as `useDoc().metadata` gives it in the theme. */
export type HandbookDocMetadata = DocMetadata & { handbook?: DocView };

/**
 * Each doc of the loaded versions with its view (backlinks, a system's link
 * graph) under `handbook`, by the doc's path relative to the site. Returns
 * new objects; docs the index does not know are left as they are.
 */
export function withDocViews(content: LoadedContent, index: SiteIndex): LoadedContent {
  const views = docViews(index);
  const augment = (doc: DocMetadata): HandbookDocMetadata => {
    const view = views.get(doc.source.replace(/^@site\//, ''));
    return view ? { ...doc, handbook: view } : doc;
  };
  return { loadedVersions: content.loadedVersions.map((version) => ({ ...version, docs: version.docs.map(augment), drafts: version.drafts.map(augment) })) };
}

/**
 * Docusaurus's docs plugin, with each doc's "Referenced by" and link graph
 * in the doc's own metadata (the JSON module its page already loads), so a
 * doc page carries its own backlinks and nothing about the other docs.
 * The routes are created in `allContentLoaded`, once the site index of
 * `handbook-site-data` is known; without that plugin this is the docs
 * plugin as it is.
 */
async function handbookDocsPlugin(context: LoadContext, rawOptions: unknown): Promise<Plugin<unknown>> {
  // Validated by the docs plugin's own validateOptions, below.
  const options = rawOptions as PluginOptions;
  const plugin = await docsPlugin(context, { ...options, remarkPlugins: withSiteReading(options.remarkPlugins, context, options) });
  const { contentLoaded } = plugin;
  if (!contentLoaded) throw new Error('handbook docs: the docs plugin has no contentLoaded');
  const wrapped: Plugin<LoadedContent> = {
    ...plugin,
    contentLoaded: undefined,
    async allContentLoaded({ allContent, actions }) {
      const content = ownContent(allContent, options.id);
      const index = allContent[SITE_DATA_PLUGIN]?.default as SiteIndex | undefined;
      await contentLoaded({ content: index ? withDocViews(content, index) : content, actions });
    },
  };
  // Docusaurus types a site's plugins with `unknown` content.
  return wrapped as Plugin<unknown>;
}
// The docs plugin's options, validated and defaulted by the docs plugin (typed generically by Docusaurus).
handbookDocsPlugin.validateOptions = validateOptions as NonNullable<PluginModule['validateOptions']>;
export default handbookDocsPlugin satisfies PluginModule;

/**
 * The docs' remark plugins, the checklist's given what it cannot see from a
 * file: how this site reads Markdown (its `markdown.format`: Docusaurus's
 * default reads `.md` as MDX too), where its docs are and their route, so
 * the page's steps come from the same model as the check's and the export's.
 * Options written in the config win.
 */
export function withSiteReading(remarkPlugins: PluginOptions['remarkPlugins'], context: Pick<LoadContext, 'siteDir' | 'siteConfig'>, options: Pick<PluginOptions, 'path' | 'routeBasePath'>): PluginOptions['remarkPlugins'] {
  const site: ChecklistRemarkOptions = {
    siteDir: context.siteDir,
    docsDir: resolve(context.siteDir, options.path),
    routeBasePath: '/' + options.routeBasePath.replace(/^\/+|\/+$/g, ''),
    markdown: markdownOfSiteConfig(context.siteConfig),
  };
  return remarkPlugins.map((entry) => {
    if (entry === remarkChecklist) return [remarkChecklist, site];
    if (Array.isArray(entry) && entry[0] === remarkChecklist) return [remarkChecklist, { ...site, ...(entry[1] as ChecklistRemarkOptions | undefined) }];
    return entry;
  });
}

function ownContent(allContent: AllContent, id: string): LoadedContent {
  const content = allContent['docusaurus-plugin-content-docs']?.[id] as LoadedContent | undefined;
  if (!content) throw new Error(`handbook docs: no content for the docs plugin \`${id}\``);
  return content;
}
