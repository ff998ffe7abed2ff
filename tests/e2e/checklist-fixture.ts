import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFixtureSite, repoRoot, type FixtureSite } from '../support/fixture-site.js';

/**
 * A fixture site with the handbook's checklist wiring: the remark plugin in
 * the docs preset, the export plugin, the handbook's MDX components, colors
 * and code themes.
 * (The later `presets` key replaces the fixture default.)
 */
export async function buildChecklistSite(
  name: string,
  docs: Record<string, string>,
  {
    format,
    docsPlugin = 'preset',
  }: {
    /** The site's `markdown.format` (default `detect`). */
    format?: 'md' | 'mdx' | 'detect';
    /** `preset`: the classic preset's docs with the remark plugin as a bare entry; `handbook`: the handbook's docs plugin (plugins/docs), as its own site has it. */
    docsPlugin?: 'preset' | 'handbook';
  } = {},
): Promise<FixtureSite> {
  const plugin = JSON.stringify(join(repoRoot, 'plugins/checklist/index.ts'));
  const handbookDocs = JSON.stringify(join(repoRoot, 'plugins/docs/index.ts'));
  const css = JSON.stringify(join(repoRoot, 'src/css/custom.css'));
  const themes = JSON.stringify(join(repoRoot, 'src/prism-themes.ts'));
  const files: Record<string, string> = {
    'static/favicon.ico': '',
    'src/theme/MDXComponents.tsx': `export { default } from ${JSON.stringify(join(repoRoot, 'src/theme/MDXComponents'))};\n`,
  };
  for (const [path, text] of Object.entries(docs)) files[`docs/${path}`] = text;
  const docsOptions = `routeBasePath: '/docs', sidebarPath: false, remarkPlugins: [require(${plugin}).remarkChecklist]`;
  const wiring =
    docsPlugin === 'preset'
      ? `presets: [['classic', { docs: { ${docsOptions} }, blog: false, theme: { customCss: ${css} } }]],
  plugins: [require(${plugin}).default],`
      : `presets: [['classic', { docs: false, blog: false, theme: { customCss: ${css} } }]],
  plugins: [[require(${handbookDocs}).default, { ${docsOptions} }], require(${plugin}).default],`;
  return buildFixtureSite({
    name,
    files,
    ...(format ? { format } : {}),
    configExtra: `
  ${wiring}
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    prism: { theme: require(${themes}).lightCodeTheme, darkTheme: require(${themes}).darkCodeTheme, additionalLanguages: ['bash', 'shell-session'] },
  },
`,
  });
}

export const procedureFixture = (): Promise<string> => readFile(join(repoRoot, 'tests/fixtures/checklist/procedure.md'), 'utf8');
