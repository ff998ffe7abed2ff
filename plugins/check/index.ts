import logger from '@docusaurus/logger';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { rules, runChecks, toJson, type DiagnosticJson } from '../../core/index.js';
import { loadCheckInput } from '../../lib/corpus.js';
import { siteLoadOptions } from '../../lib/docusaurus.js';
import { siteDocsFoldersFor } from '../../lib/docs-folders.js';
import { defaultServices } from '../../lib/services/index.js';
import { openRuleResults } from '../../lib/rule-results.js';
import { pretty } from '../../lib/reporters/pretty.js';
import { validateOptions } from './options.js';
import { createSuccessors, type Successor } from './successors.js';

export type { CheckPluginOptions } from './options.js';
export type { Successor } from './successors.js';

/** What the plugin hands from `loadContent` to `contentLoaded`, and the theme reads as global data. */
export interface CheckPluginContent {
  diagnostics: DiagnosticJson[];
  /** Successor page of every deprecated doc, by path relative to the site. */
  successors: Record<string, Successor>;
}

/**
 * Runs `handbook check` during the Docusaurus build, with the same loader
 * and rules as the CLI, and fails the build on errors so a broken doc cannot
 * be deployed. In `docusaurus start` it logs instead. Also gives the theme
 * each deprecated doc's successor page (global data `handbook-check`).
 */
export default function handbookCheckPlugin(context: LoadContext, rawOptions: unknown): Plugin<unknown> {
  const options = validateOptions(rawOptions);
  // Where the docs are (the docs plugin's options, handbook.config.json) and the alert files: lib/docusaurus.ts.
  const { config, ...load } = siteLoadOptions(context, options);
  const { docsDir } = load;
  const { siteDir } = context;
  return {
    name: 'handbook-check',

    getPathsToWatch() {
      return [join(siteDir, docsDir, '**/*.{md,mdx}'), join(siteDir, 'alerts/**/*.{yml,yaml}')];
    },

    async loadContent(): Promise<CheckPluginContent> {
      // Every version of every docs plugin instance, as `handbook check` reads them (lib/docs-folders.ts), unless
      // the plugin's options or handbook.config.json name one docs folder.
      const site = await siteDocsFoldersFor({
        cwd: siteDir,
        cacheDir: load.cacheDir ?? null,
        docsDir,
        routeBasePath: load.routeBasePath ?? '/docs',
        fromHandbookConfig: options.docsDir !== undefined || config.file !== null,
        siteConfig: context.siteConfig,
      });
      if (site.warning) logger.warn(`handbook check: ${site.warning}`);
      const folders = { docsDir: site.docsDir, routeBasePath: site.routeBasePath, ...(site.folders ? { docsFolders: site.folders } : {}), ...(site.otherRoutes ? { otherRoutes: site.otherRoutes } : {}) };
      const input = await loadCheckInput({ ...load, ...folders, services: defaultServices() });
      // Findings of docs unchanged since the last check or build are reused, as `handbook check` does (lib/rule-results.ts).
      const results = load.cacheDir ? openRuleResults(load.cacheDir, input) : undefined;
      const diagnostics = (await runChecks(input, rules, { strict: options.strict, ruleSettings: config.rules, ...(results ? { results } : {}) })).map(toJson);
      results?.save();
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      if (diagnostics.length > 0) {
        const report = pretty({ diagnostics, files: input.docs.length, rules, color: logger.red('x') !== 'x' });
        const summary = `handbook check found ${errors} error(s) and ${diagnostics.length - errors} warning(s) in ${docsDir}/ (run \`npm run check\` for the same report):\n${report}`;
        if (errors > 0 && options.onError === 'throw') throw new Error(summary);
        if (errors > 0) logger.error(summary);
        else logger.warn(summary);
      }
      return { diagnostics, successors: createSuccessors(input) };
    },

    async contentLoaded({ content, actions }) {
      // Typed `unknown` by Docusaurus's config types; it is what loadContent returned.
      actions.setGlobalData({ successors: (content as CheckPluginContent).successors });
    },
  };
}
