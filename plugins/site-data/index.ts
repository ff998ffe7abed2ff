import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { createSiteIndex, type SiteIndex } from '../../core/site/index.js';
import { loadCheckInput } from '../../scripts/check/load.js';

export type { SiteDoc, SiteIndex, SiteSystem } from '../../core/site/index.js';

/** Options of the `handbook-site-data` plugin. */
export interface SiteDataOptions {
  /** The docs folder relative to the site (default `docs`). */
  docsDir: string;
  /** The docs plugin's route base path (default `/docs`). */
  routeBasePath: string;
}

export const DEFAULT_OPTIONS: SiteDataOptions = { docsDir: 'docs', routeBasePath: '/docs' };

/** Fills defaults and rejects anything else, naming the option. */
export function normaliseOptions(options: unknown): SiteDataOptions {
  const given = (options ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given)) throw new Error('handbook-site-data: options must be an object');
  for (const key of Object.keys(given)) if (key !== 'id' && !(key in DEFAULT_OPTIONS)) throw new Error(`handbook-site-data: unknown option \`${key}\`, expected docsDir or routeBasePath`);
  const pick = (key: keyof SiteDataOptions) => {
    const value = given[key] ?? DEFAULT_OPTIONS[key];
    if (typeof value !== 'string' || value === '') throw new Error(`handbook-site-data: \`${key}\` must be a non-empty string`);
    return value;
  };
  return { docsDir: pick('docsDir'), routeBasePath: pick('routeBasePath') };
}

/** URL slug of a system or type name for its listing page. */
export const listingSlug = (name: string) => encodeURIComponent(name.toLowerCase().replace(/\s+/g, '-'));

/**
 * The site's index of documents, computed at build time with the core
 * (`createSiteIndex`): global data for the home page, `/freshness` and the
 * "Referenced by" footer, and one listing page per system (`/systems/<name>`,
 * with its link graph) and per type (`/types/<type>`).
 */
export default function siteDataPlugin(context: LoadContext, rawOptions: unknown): Plugin<unknown> {
  const options = normaliseOptions(rawOptions);
  const { siteDir } = context;
  return {
    name: 'handbook-site-data',

    getPathsToWatch() {
      return [join(siteDir, options.docsDir, '**/*.{md,mdx}')];
    },

    async loadContent(): Promise<SiteIndex> {
      try {
        const input = await loadCheckInput({ cwd: siteDir, docsDir: options.docsDir, routeBasePath: options.routeBasePath, staticDirs: context.siteConfig.staticDirectories });
        return createSiteIndex(input);
      } catch (error) {
        throw new Error(`handbook-site-data: cannot index ${options.docsDir}/`, { cause: error });
      }
    },

    async contentLoaded({ content: loaded, actions }) {
      const content = loaded as SiteIndex;
      actions.setGlobalData(content);
      const listing = '@site/src/components/SiteListing/index.tsx';
      for (const system of content.systems) {
        actions.addRoute({ path: `/systems/${listingSlug(system.name)}`, component: listing, exact: true, props: { kind: 'system', name: system.name } });
      }
      for (const type of content.types) {
        actions.addRoute({ path: `/types/${listingSlug(type)}`, component: listing, exact: true, props: { kind: 'type', name: type } });
      }
    },
  };
}
