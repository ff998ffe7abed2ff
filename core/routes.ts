/**
 * Doc ids and permalinks the way Docusaurus's content-docs plugin computes
 * them (default `routeBasePath`, number prefixes stripped, `index`/`README`/
 * folder-named files as category index, `id` and `slug` front matter).
 */

export interface DocRoute {
  /** Doc id as used in sidebars: `abathur/wal-growth`. */
  id: string;
  /** URL path: `/docs/abathur/wal-growth`. */
  permalink: string;
}

const numberPrefix = /^(?:\d+[-_.])(?=.)/;

function stripNumberPrefix(segment: string): string {
  // Docusaurus's default numberPrefixParser: "01-intro" -> "intro", but "2024" stays.
  return segment.replace(numberPrefix, '');
}

/**
 * @param docPath path of the doc relative to the docs folder, with `/`: `abathur/01-wal.md`
 * @param frontMatter the doc's front matter (`id`, `slug`)
 * @param routeBasePath the docs plugin's `routeBasePath` (default `/docs`)
 */
export function routeOf(docPath: string, frontMatter: Record<string, unknown>, routeBasePath = '/docs'): DocRoute {
  const segments = docPath.split('/');
  const fileName = segments.pop()!;
  const dirSegments = segments.map(stripNumberPrefix);
  const baseName = fileName.replace(/\.mdx?$/i, '');
  const unprefixedName = stripNumberPrefix(baseName);
  const explicitId = typeof frontMatter.id === 'string' && frontMatter.id !== '' ? frontMatter.id : null;
  const localId = explicitId ?? unprefixedName;
  const dir = dirSegments.join('/');
  const id = dir ? `${dir}/${localId}` : localId;

  const base = '/' + routeBasePath.replace(/^\/+|\/+$/g, '');
  const join = (...parts: string[]) => ('/' + parts.filter(Boolean).join('/')).replace(/\/+/g, '/');
  let path: string;
  const slug = typeof frontMatter.slug === 'string' ? frontMatter.slug : null;
  if (slug !== null) {
    path = slug.startsWith('/') ? slug : join(dir, slug);
  } else {
    const lastDir = dirSegments.at(-1);
    const isCategoryIndex =
      !explicitId && (/^(index|readme)$/i.test(unprefixedName) || (lastDir !== undefined && unprefixedName.toLowerCase() === lastDir.toLowerCase()));
    path = isCategoryIndex ? join(dir) : join(dir, localId);
  }
  const permalink = (base === '/' ? '' : base) + (path === '/' ? '/' : path.replace(/\/$/, ''));
  return { id, permalink: permalink === '' ? '/' : permalink };
}
