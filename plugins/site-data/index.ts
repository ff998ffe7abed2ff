import { join } from 'node:path';
import type { LoadContext, Plugin, RouteConfig } from '@docusaurus/types';
import { createSiteIndex, type SiteIndex } from '../../core/site/index.js';
import { alertsView, freshnessView, homeView, listingView } from '../../core/site/views.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { siteLoadOptions } from '../../lib/docusaurus.js';

export type { SiteDoc, SiteIndex, SiteSystem } from '../../core/site/index.js';
export type { AlertsView, DocView, FreshnessView, HomeView, ListingView } from '../../core/site/views.js';

/** Options of the `handbook-site-data` plugin: by default, where the site's docs plugin says the docs are. */
export interface SiteDataOptions {
  /** The docs folder relative to the site (default: the docs plugin's `path`). */
  docsDir?: string;
  /** The route base path (default: the docs plugin's `routeBasePath`). */
  routeBasePath?: string;
}

const OPTION_KEYS = ['docsDir', 'routeBasePath'] as const;

/** Fills defaults and rejects anything else, naming the option. */
export function normaliseOptions(options: unknown): SiteDataOptions {
  const given = (options ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given)) throw new Error('handbook-site-data: options must be an object');
  for (const key of Object.keys(given)) if (key !== 'id' && !(OPTION_KEYS as readonly string[]).includes(key)) throw new Error(`handbook-site-data: unknown option \`${key}\`, expected docsDir or routeBasePath`);
  const normal: SiteDataOptions = {};
  for (const key of OPTION_KEYS) {
    const value = given[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') throw new Error(`handbook-site-data: \`${key}\` must be a non-empty string`);
    normal[key] = value;
  }
  return normal;
}

/** URL slug of a system or type name for its listing page. */
export const listingSlug = (name: string) => encodeURIComponent(name.toLowerCase().replace(/\s+/g, '-'));

/** Where the site's own pages are, and the component each one renders. */
export const PAGE_COMPONENTS = {
  home: '@site/src/components/Home/index.tsx',
  freshness: '@site/src/components/Freshness/index.tsx',
  alerts: '@site/src/components/Alerts/index.tsx',
  listing: '@site/src/components/SiteListing/index.tsx',
} as const;

/**
 * The routes of the site's own pages, each with only the data it shows as
 * route props (a JSON module loaded with that page): the home page, `/freshness`,
 * `/alerts` (every alert of the alert files and its runbook),
 * one page per system (`/systems/<name>`, with its link graph) and per type
 * (`/types/<type>`). Pure, for tests.
 */
export function siteRoutes(index: SiteIndex, baseUrl: string): RouteConfig[] {
  const path = (...parts: string[]) => `${baseUrl.replace(/\/+$/, '')}/${parts.join('/')}`;
  return [
    { path: path(), component: PAGE_COMPONENTS.home, exact: true, props: { view: homeView(index) } },
    { path: path('freshness'), component: PAGE_COMPONENTS.freshness, exact: true, props: { view: freshnessView(index) } },
    { path: path('alerts'), component: PAGE_COMPONENTS.alerts, exact: true, props: { view: alertsView(index) } },
    ...index.systems.map((system) => ({ path: path('systems', listingSlug(system.name)), component: PAGE_COMPONENTS.listing, exact: true, props: { view: listingView(index, 'system', system.name) } })),
    ...index.types.map((type) => ({ path: path('types', listingSlug(type)), component: PAGE_COMPONENTS.listing, exact: true, props: { view: listingView(index, 'type', type) } })),
  ];
}

/**
 * The site's index of documents, computed at build time with the core
 * (`createSiteIndex`). Nothing goes into global data (which every page
 * loads): the site's pages get their own view as route props
 * (`siteRoutes`), and each doc page its backlinks through the docs plugin
 * (plugins/docs, which reads this plugin's content).
 */
export default function siteDataPlugin(context: LoadContext, rawOptions: unknown): Plugin<unknown> {
  const load = siteLoadOptions(context, normaliseOptions(rawOptions));
  const { docsDir } = load;
  const { siteDir } = context;
  return {
    name: 'handbook-site-data',

    getPathsToWatch() {
      return [join(siteDir, docsDir, '**/*.{md,mdx}'), join(siteDir, 'alerts/**/*.{yml,yaml}')];
    },

    async loadContent(): Promise<SiteIndex> {
      try {
        const input = await loadCheckInput(load);
        return createSiteIndex(input);
      } catch (error) {
        throw new Error(`handbook-site-data: cannot index ${docsDir}/`, { cause: error });
      }
    },

    async contentLoaded({ content, actions }) {
      // Typed `unknown` by Docusaurus's config types; it is what loadContent returned.
      for (const route of siteRoutes(content as SiteIndex, context.baseUrl)) actions.addRoute(route);
    },
  };
}
