import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { cacheVersionConfig, transformSourceHash } from './cache.js';
import { createChecklistExport } from '../../core/export.js';
import { loadPages } from '../../lib/corpus.js';
import { siteLoadOptions } from '../../lib/docusaurus.js';

export { default as remarkChecklist } from './remark.js';

export interface ChecklistExportOptions {
  /** The docs folder relative to the site (default: the docs plugin's `path`). */
  docsDir?: string;
  /** The route base path (default: the docs plugin's `routeBasePath`). */
  routeBasePath?: string;
  /** File name in the build folder (default `checklists.json`). */
  fileName?: string;
}

/**
 * Writes `build/checklists.json` after the build: a thin `postBuild` over the
 * pure `createChecklistExport`, the same JSON as `handbook export`. It also
 * keys Rspack's persistent cache by the remark transform's sources, so docs
 * compiled by an older transform are never reused (see `cache.ts`).
 */
export default function checklistExportPlugin(context: LoadContext, options: unknown): Plugin {
  const given = (options ?? {}) as ChecklistExportOptions;
  const fileName = given.fileName ?? 'checklists.json';
  // Where the docs are (the docs plugin's own validated options), the site's Markdown options and
  // handbook check's cache: the check's and the site data's loader options (lib/docusaurus.ts).
  const { config: _config, alerts: _alerts, ...load } = siteLoadOptions(context, given);
  const { docsDir, routeBasePath } = load;
  const hash = transformSourceHash();
  return {
    name: 'handbook-checklist-export',
    configureWebpack(config) {
      return cacheVersionConfig(config as { experiments?: { cache?: unknown } }, hash);
    },
    async postBuild({ outDir }) {
      const target = join(outDir, fileName);
      try {
        const { pages: docs } = await loadPages({ ...load, alerts: false });
        const data = createChecklistExport({ docs, docsDir, routeBasePath });
        await writeFile(target, JSON.stringify(data, null, 2) + '\n');
      } catch (error) {
        throw new Error(`Could not write ${relative(context.siteDir, target)}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
