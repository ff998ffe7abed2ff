import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Markdown settings of the handbook's own site (docusaurus.config.ts),
 * so a fixture site reads Markdown exactly as the handbook does.
 */
const fixtureConfig = (extra: string, format: 'md' | 'mdx' | 'detect', remarkModules: readonly string[]) => {
  const body = `{
  title: 'Fixture', url: 'https://fixture.internal', baseUrl: '/',
  onBrokenLinks: 'warn', onBrokenAnchors: 'warn',
  future: { v4: true, faster: true },
  markdown: {
    format: '${format}',
    mdx1Compat: { comments: true, admonitions: true, headingIds: true },
    hooks: { onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn' },
  },
  presets: [['classic', { docs: { routeBasePath: '/docs', sidebarPath: false, remarkPlugins: [${remarkModules.map((m) => `(await import('${m}')).default`).join(', ')}] }, blog: false, theme: {} }]],
  ${extra}
}`;
  // ESM-only remark plugins are imported, which needs the config as an async function; the others stay a plain
  // object, whose \`require\`s of the handbook's TypeScript plugins Docusaurus's config loader compiles.
  return remarkModules.length > 0 ? `module.exports = async () => (${body});\n` : `module.exports = ${body};\n`;
};

export interface FixtureSite {
  siteDir: string;
  buildDir: string;
  /** Everything the build printed (Docusaurus reports broken links and anchors here). */
  output: string;
  html(route: string): Promise<string>;
}

/**
 * Writes a small Docusaurus site under `.cache/fixture-sites/<name>` (inside
 * the repository so it resolves the handbook's node_modules) and builds it.
 */
export async function buildFixtureSite(options: {
  name: string;
  files: Record<string, string>;
  configExtra?: string;
  /** The site's `markdown.format` (default `detect`, the handbook's own). */
  format?: 'md' | 'mdx' | 'detect';
  /** Packages whose default export the docs plugin takes as remark plugins (e.g. `remark-math`). */
  remarkPlugins?: readonly string[];
}): Promise<FixtureSite> {
  const siteDir = join(repoRoot, '.cache', 'fixture-sites', options.name);
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(siteDir, { recursive: true });
  await writeFile(join(siteDir, 'docusaurus.config.js'), fixtureConfig(options.configExtra ?? '', options.format ?? 'detect', options.remarkPlugins ?? []));
  await writeFile(join(siteDir, 'package.json'), JSON.stringify({ name: `fixture-${options.name}`, private: true, browserslist: ['last 1 chrome version'] }));
  for (const [path, text] of Object.entries(options.files)) {
    await mkdir(dirname(join(siteDir, path)), { recursive: true });
    await writeFile(join(siteDir, path), text);
  }
  const bin = join(repoRoot, 'node_modules', '.bin', 'docusaurus');
  let output = '';
  try {
    // No persistent cache: Rspack's (in the handbook's node_modules) would skip the Markdown loaders on a second run, and with them the build's reports of broken links and images the tests compare.
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', DOCUSAURUS_NO_PERSISTENT_CACHE: '1' };
    const result = await run(bin, ['build', siteDir, '--no-minify'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024, env });
    output = result.stdout + result.stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`docusaurus build of fixture site ${options.name} failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
  const buildDir = join(siteDir, 'build');
  return {
    siteDir,
    buildDir,
    output,
    html: (route: string) => readFile(join(buildDir, route.replace(/^\//, ''), route.endsWith('.html') ? '' : 'index.html'), 'utf8'),
  };
}

/** The `id` of every h1-h6 in a built page's article, in document order (null when absent). */
export function headingIdsOf(html: string): (string | null)[] {
  const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? html;
  const ids: (string | null)[] = [];
  for (const match of article.matchAll(/<h([1-6])\b([^>]*)>/g)) {
    const attr = /\bid=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/.exec(match[2]!);
    const id = attr ? (attr[1] ?? attr[2] ?? attr[3]) : undefined;
    ids.push(id === undefined ? null : decodeHtml(id));
  }
  return ids;
}

function decodeHtml(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
