/**
 * Doc ids and permalinks. The loader computes them with Docusaurus's own
 * docs plugin functions (lib/routes.ts) and hands them to the core as
 * `CheckInput.routes`; {@link routeOf} is the pure fallback for an input
 * without them (unit tests of rules), the same computation written out:
 * tests/lib/routes.test.ts compares the two on every case (number prefixes,
 * `id`, `slug`, category indexes with and without `id`, `README.md`,
 * folder-named files, `routeBasePath: '/'`, versions).
 */

export interface DocRoute {
  /** Doc id as used in sidebars: `abathur/wal-growth`. */
  id: string;
  /** URL path, as Docusaurus computes it: `/docs/abathur/wal-growth`; a category index ends with `/` (`/docs/abathur/`). */
  permalink: string;
}

/**
 * A folder of docs the site builds: one version of one docs plugin
 * instance (lib/docusaurus.ts reads them with Docusaurus's own functions).
 */
export interface DocsFolder {
  /** The docs plugin instance's id (`default`, `community`). */
  instance: string;
  /** The version's name: `current` for the docs folder itself, else a name of `versions.json`. */
  version: string;
  /** The folder relative to cwd, with `/`: `docs`, `versioned_docs/version-1.0`. */
  dir: string;
  /** The version's route (routeBasePath and version path): `/docs`, `/docs/next`, `/docs/1.0`, `/`. */
  path: string;
  /** The instance's number prefix parser: Docusaurus's default, disabled, or the site's own function (absent: default). */
  numberPrefixParser?: 'default' | 'disabled' | 'custom';
  /**
   * Which rules check its docs: `all`, or `links` (link-target and
   * link-anchor only) for a past version, a frozen copy whose broken links
   * still break the build but whose headers are history.
   */
  checked: 'all' | 'links';
}

// Docusaurus's DefaultNumberPrefixParser (plugin-content-docs/lib/numberPrefix.js): "01-intro" -> "intro"; "2024-11-x" and "7.0-x" stay.
const ignoredPrefixPattern = /^\d+[-_.]\d+/;
const numberPrefixPattern = /^(?<numberPrefix>\d+)\s*[-_.]+\s*(?<suffix>[^-_.\s].*)$/;

function stripNumberPrefix(name: string): string {
  if (ignoredPrefixPattern.test(name)) return name;
  return numberPrefixPattern.exec(name)?.groups!.suffix ?? name;
}

/** `resolve-pathname` as Docusaurus's `resolvePathname` uses it: `to` against the folder `from` (ending with `/`). */
function resolvePathname(to: string, from: string): string {
  if (to.startsWith('/')) return to;
  const out = from.split('/').slice(0, -1);
  const parts = to.split('/');
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '..') {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else if (part === '.') {
      if (last) out.push('');
    } else out.push(part);
  });
  const joined = out.join('/');
  return joined.startsWith('/') ? joined : '/' + joined;
}

/** `normalizeUrl([base, slug])` for a route base and a slug starting with `/`. */
function joinRoute(base: string, slug: string): string {
  return ('/' + base + '/' + slug).replace(/\/{2,}/g, '/');
}

/**
 * What a doc's route reads of its front matter (`id`, `slug`,
 * `parse_number_prefixes`: Docusaurus's `processDocMetadata` and
 * {@link routeOf} read these and nothing else), as one string: with the
 * doc's path and its folder, two docs with equal inputs have equal routes,
 * so a cache may keep an edited doc's route instead of computing it again.
 */
export function routeInputsOf(frontMatter: Record<string, unknown>): string {
  return JSON.stringify(ROUTE_FRONT_MATTER.map((key) => frontMatter[key]));
}

/** The front matter fields a route reads (see {@link routeInputsOf}); a doc's summary keeps them. */
export const ROUTE_FRONT_MATTER = ['id', 'slug', 'parse_number_prefixes'] as const;

/**
 * @param docPath path of the doc relative to its docs folder, with `/`: `abathur/01-wal.md`
 * @param frontMatter the doc's front matter (`id`, `slug`, `parse_number_prefixes`)
 * @param versionPath the version's route (`routeBasePath`, default `/docs`)
 */
export function routeOf(docPath: string, frontMatter: Record<string, unknown>, versionPath = '/docs'): DocRoute {
  const parse = frontMatter.parse_number_prefixes !== false;
  const strip = (name: string) => (parse ? stripNumberPrefix(name) : name);
  const segments = docPath.split('/');
  const fileName = segments.pop()!;
  const dot = fileName.lastIndexOf('.');
  const baseName = dot > 0 ? fileName.slice(0, dot) : fileName;
  const localId = typeof frontMatter.id === 'string' ? frontMatter.id : strip(baseName);
  const dir = segments.map(strip).join('/');
  const id = [dir, localId].filter(Boolean).join('/');
  const dirSlug = dir === '' ? '/' : `/${dir}/`;
  const slug = typeof frontMatter.slug === 'string' ? frontMatter.slug : undefined;
  // Docusaurus's isCategoryIndex: the file name as written (number prefix included) is index, readme or its folder's name; an `id` changes nothing.
  const categoryIndex = ['index', 'readme', segments.at(-1)?.toLowerCase()].includes(baseName.toLowerCase());
  const path = slug?.startsWith('/') ? slug : !slug && categoryIndex ? dirSlug : resolvePathname(slug ?? localId, dirSlug);
  return { id, permalink: joinRoute(versionPath, path) };
}

/** The folders of docs of a check: `input.docsFolders`, else the docs folder at the route base path. */
export function docsFoldersOf(input: { docsFolders?: readonly DocsFolder[]; docsDir: string; routeBasePath: string }): readonly DocsFolder[] {
  return input.docsFolders ?? [{ instance: 'default', version: 'current', dir: input.docsDir, path: '/' + input.routeBasePath.replace(/^\/+|\/+$/g, ''), checked: 'all' }];
}

/** The folder of docs `path` (relative to cwd) is in, the innermost one; null for a doc outside every folder (a file argument). */
export function folderOfPath(folders: readonly DocsFolder[], path: string): DocsFolder | null {
  let found: DocsFolder | null = null;
  for (const folder of folders) {
    const inside = folder.dir === '.' || folder.dir === '' || path.startsWith(folder.dir + '/');
    if (inside && (found === null || folder.dir.length > found.dir.length)) found = folder;
  }
  return found;
}

