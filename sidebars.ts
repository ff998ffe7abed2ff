import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { parseDoc } from './core/parse';
import { defaultCheckInput } from './core/check';
import { createSidebar, createSiteIndex } from './core/site/index';

/**
 * The sidebar grouped by system (the `system` header, else the folder), then
 * by type (Runbooks, Procedures, ...), computed from the docs' headers with
 * the core (core/site: createSidebar). A new doc appears without editing this
 * file.
 */
function handbookSidebar() {
  const docsDir = join(__dirname, 'docs');
  const paths = (readdirSync(docsDir, { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => /\.mdx?$/.test(p) && !p.split('/').some((s) => s.startsWith('_') || s === 'node_modules'))
    .sort();
  const docs = paths.map((p) => parseDoc({ path: `docs/${p}`, text: readFileSync(join(docsDir, p), 'utf8') }));
  const index = createSiteIndex(defaultCheckInput({ docs, today: new Date().toISOString().slice(0, 10) }));
  const positions = new Map(docs.map((d) => [d.path, typeof d.frontMatter.data.sidebar_position === 'number' ? d.frontMatter.data.sidebar_position : null]));
  return createSidebar(index.docs.map((d) => ({ ...d, position: positions.get(d.path) ?? null })));
}

const sidebars: SidebarsConfig = {
  handbook: handbookSidebar() as SidebarsConfig[string],
};

export default sidebars;
