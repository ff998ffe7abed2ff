/**
 * Link resolution exactly as the built Docusaurus site resolves a link,
 * mirrored from `@docusaurus/mdx-loader` (`resolveMarkdownLinks`,
 * `transformLinks`, `transformImage`), `@docusaurus/utils`
 * (`resolveMarkdownLinkPathname`, `parseLocalURLPath`) and the broken link
 * checker of `@docusaurus/core` (`brokenLinks.js`). Pure: the files of the
 * repository come in `CheckInput.files`.
 */
import type { CheckInput, CorpusIndex } from '../rules/types.js';
import type { DocSummary, Link } from '../types.js';
import { baseName, closest } from '../suggest.js';
import { docsFoldersOf, folderOfPath, type DocsFolder } from '../routes.js';

/**
 * The facts every link rule needs, computed once per check. Only what every
 * link needs is built up front (the doc of each permalink); anchors are
 * collected per target doc when first asked for, and the folder listings
 * for did-you-mean and the case-insensitive file index only when a link is
 * broken: a re-check of a few docs in a corpus of 10,000 pays for neither.
 */
export interface LinkIndex {
  input: CheckInput;
  corpus: CorpusIndex;
  /** Doc path (relative to cwd) by permalink, with and without a trailing slash. */
  byPermalink: Map<string, string>;
  /** The folders of docs (versions of docs plugin instances) of the check. */
  folders: readonly DocsFolder[];
  /** The folder of docs a path is in (the innermost), or null. */
  folderOf(path: string): DocsFolder | null;
  /**
   * The anchors of a doc's page, by doc path: its heading anchors (h2-h6),
   * the ids the theme registers (`HtmlAnchor.collected`), and the same of
   * every partial it renders (`embeds`, transitively). Empty for a partial,
   * which has no page.
   */
  anchorsOf(path: string): ReadonlySet<string>;
  /** The pages (not partials) that render a partial, directly or through other partials, by the partial's path. */
  pagesRendering(path: string): readonly string[];
  /** Every doc and file path, by its lower-cased path (for case mismatches). */
  readonly byLowerPath: ReadonlyMap<string, string>;
  /** Doc paths and permalinks by their folder, for bounded did-you-mean searches. */
  readonly docsByDir: ReadonlyMap<string, string[]>;
  readonly permalinksByDir: ReadonlyMap<string, string[]>;
  /** Files by folder. */
  readonly filesByDir: ReadonlyMap<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const indexes = new WeakMap<CorpusIndex, LinkIndex>();

/** A value computed on first use. */
function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** The link index of one check, memoized on the corpus (rules share it). */
export function linkIndexOf(input: CheckInput, corpus: CorpusIndex): LinkIndex {
  let index = indexes.get(corpus);
  if (index) return index;
  const byPermalink = new Map<string, string>();
  const pages = input.docs.filter((doc) => !input.partials.has(doc.path));
  for (const doc of pages) {
    const permalink = corpus.routes.get(doc.path)!.permalink;
    byPermalink.set(permalink, doc.path);
    byPermalink.set(permalink.endsWith('/') ? permalink.replace(/\/+$/, '') || '/' : permalink + '/', doc.path);
  }
  const anchors = new Map<string, Set<string>>();
  /** Headings and registered ids of one file, and of the partials it renders. */
  const ownAnchors = (path: string, into: Set<string>, seen: Set<string>): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const doc = corpus.byPath.get(path);
    if (!doc) return;
    for (const h of doc.headings) if (h.anchor !== null) into.add(h.anchor);
    for (const a of doc.htmlAnchors) if (a.collected) into.add(a.id);
    for (const embedded of doc.embeds ?? []) ownAnchors(embedded, into, seen);
  };
  const renderedBy = lazy(() => {
    const map = new Map<string, string[]>();
    for (const doc of input.docs) for (const embedded of doc.embeds ?? []) push(map, embedded, doc.path);
    return map;
  });
  const byLowerPath = lazy(() => {
    const map = new Map<string, string>();
    for (const file of input.files) map.set(file.toLowerCase(), file);
    for (const doc of input.docs) map.set(doc.path.toLowerCase(), doc.path);
    return map;
  });
  const docsByDir = lazy(() => {
    const map = new Map<string, string[]>();
    for (const doc of pages) push(map, dirnameOf(doc.path), doc.path);
    return map;
  });
  const permalinksByDir = lazy(() => {
    const map = new Map<string, string[]>();
    for (const doc of pages) {
      const permalink = corpus.routes.get(doc.path)!.permalink;
      const trimmed = permalink.length > 1 ? permalink.replace(/\/$/, '') : permalink;
      push(map, dirnameOf(trimmed), trimmed);
    }
    return map;
  });
  const filesByDir = lazy(() => {
    const map = new Map<string, string[]>();
    for (const file of input.files) push(map, dirnameOf(file), file);
    return map;
  });
  const folders = docsFoldersOf(input);
  const folderMemo = new Map<string, DocsFolder | null>();
  index = {
    input,
    corpus,
    byPermalink,
    folders,
    folderOf(path) {
      let folder = folderMemo.get(path);
      if (folder === undefined) folderMemo.set(path, (folder = folderOfPath(folders, path)));
      return folder;
    },
    anchorsOf(path) {
      let set = anchors.get(path);
      if (!set) {
        set = new Set();
        if (!input.partials.has(path)) ownAnchors(path, set, new Set());
        anchors.set(path, set);
      }
      return set;
    },
    pagesRendering(path) {
      const pages = new Set<string>();
      const seen = new Set<string>();
      const walk = (at: string) => {
        for (const importer of renderedBy().get(at) ?? []) {
          if (seen.has(importer)) continue;
          seen.add(importer);
          if (input.partials.has(importer)) walk(importer);
          else pages.add(importer);
        }
      };
      walk(path);
      return [...pages].sort();
    },
    get byLowerPath() {
      return byLowerPath();
    },
    get docsByDir() {
      return docsByDir();
    },
    get permalinksByDir() {
      return permalinksByDir();
    },
    get filesByDir() {
      return filesByDir();
    },
  };
  indexes.set(corpus, index);
  return index;
}

/** `parseLocalURLPath` of `@docusaurus/utils`: null for a URL with a protocol or host. */
export function parseLocalUrl(url: string): { pathname: string; search?: string; hash?: string } | null {
  if (/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(url) || url.startsWith('//')) return null;
  const hashIndex = url.indexOf('#');
  const hash = hashIndex === -1 ? undefined : url.slice(hashIndex + 1);
  let rest = hashIndex === -1 ? url : url.slice(0, hashIndex);
  const searchIndex = rest.indexOf('?');
  const search = searchIndex === -1 ? undefined : rest.slice(searchIndex + 1);
  rest = searchIndex === -1 ? rest : rest.slice(0, searchIndex);
  return { pathname: rest, ...(search !== undefined ? { search } : {}), ...(hash !== undefined ? { hash } : {}) };
}

/** POSIX `path.join` + normalize for repository-relative paths; null when it climbs above the root. */
export function joinPath(...parts: string[]): string | null {
  const out: string[] = [];
  for (const segment of parts.join('/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** What a link points at once resolved like the site. */
export type Resolution =
  /** Not checked: external, `mailto:`, `pathname://`; `outside`: a site route under no folder of docs, by its first segment (`/blog`). */
  | { status: 'skip'; outside?: string }
  /** An existing file or static asset (the site bundles it). */
  | { status: 'file'; path: string }
  /** A doc, by Markdown path or by route; `hash` is the raw fragment, if any. */
  | { status: 'doc'; doc: DocSummary; hash: string | undefined; via: 'markdown' | 'route' | 'self' }
  /** Broken: `message` says what was found and what was expected. */
  | { status: 'broken'; message: string };

const MARKDOWN_EXTENSION = /\.mdx?$/i;

/**
 * Resolves one link of `doc` the way the built site does. Broken results
 * carry the whole message, with a did-you-mean when a near name exists.
 */
export function resolveLink(index: LinkIndex, doc: DocSummary, link: Pick<Link, 'kind' | 'url'>): Resolution {
  // link-target and link-anchor (and the referrer search) ask about the same links: resolve each once per check.
  let memo = resolutions.get(index);
  if (!memo) resolutions.set(index, (memo = new WeakMap()));
  let resolution = memo.get(link);
  if (!resolution) memo.set(link, (resolution = resolveUncached(index, doc, link)));
  return resolution;
}

const resolutions = new WeakMap<LinkIndex, WeakMap<object, Resolution>>();

function resolveUncached(index: LinkIndex, doc: DocSummary, link: Pick<Link, 'kind' | 'url'>): Resolution {
  const { input } = index;
  const url = link.url;
  if (url === '') {
    return link.kind === 'link' || link.kind === 'definition'
      ? { status: 'broken', message: 'Unexpected empty link URL, expected a doc, route, file or `#anchor`' }
      : { status: 'skip' };
  }
  const local = parseLocalUrl(url);
  if (!local) return { status: 'skip' };
  if (local.pathname === '') {
    // `#anchor` or `?query#anchor`: this same page.
    return local.hash === undefined ? { status: 'skip' } : { status: 'doc', doc, hash: local.hash, via: 'self' };
  }
  const decoded = safeDecode(local.pathname);
  if (decoded === null) return { status: 'broken', message: `Unexpected malformed percent-encoding in \`${url}\`, expected a valid URL` };
  const sourceDir = dirnameOf(doc.path);
  const isImage = link.kind === 'image' || link.kind === 'require';

  // Markdown links: resolveMarkdownLinks (link and definition nodes only).
  if (MARKDOWN_EXTENSION.test(local.pathname) && !isImage) {
    if (link.kind === 'html') {
      return {
        status: 'broken',
        message: `Unexpected raw HTML link to Markdown file \`${url}\`: the site does not resolve it, expected a Markdown link \`[text](${url})\` or the doc's route`,
      };
    }
    return resolveMarkdownLink(index, doc, url, decoded, local.hash);
  }

  // Images and asset-like links: transformImage / transformLinks.
  const hasSiteAlias = local.pathname.startsWith('@site/');
  const extension = /\.[^./]+$/.exec(local.pathname.split('/').pop() ?? '')?.[0];
  const assetLike = extension !== undefined && !/^\.(mdx?|html)$/i.test(extension);
  if (isImage || hasSiteAlias || assetLike) {
    const candidates = hasSiteAlias
      ? [joinPath(decoded.slice('@site/'.length))]
      : decoded.startsWith('/')
        ? input.staticDirs.map((dir) => joinPath(dir, decoded))
        : [joinPath(sourceDir, decoded)];
    const found = candidates.find((c): c is string => c !== null && input.files.has(c));
    if (found) return { status: 'file', path: found };
    // A missing asset-like link is left as a route by the site, and no route has a file extension: the link checker fails on it.
    return { status: 'broken', message: missingFileMessage(index, doc, url, candidates, isImage ? 'image' : 'file') };
  }

  // Everything else is a route, resolved against the page's permalink (trailingSlash undefined).
  // A partial (`_x.md`) has no page of its own: its routes resolve on the pages that import it.
  if (input.partials.has(doc.path)) return { status: 'skip' };
  return resolveRoute(index, doc, url, local.pathname, local.hash);
}

function resolveMarkdownLink(index: LinkIndex, doc: DocSummary, url: string, decoded: string, hash: string | undefined): Resolution {
  const { input, corpus } = index;
  const sourceDir = dirnameOf(doc.path);
  // The docs folder of the link's own version (Docusaurus's contentPaths), and only docs of the same plugin instance (its sourceToPermalink).
  const sourceFolder = index.folderOf(doc.path);
  const contentDir = sourceFolder?.dir ?? input.docsDir;
  const sameInstance = (path: string) => sourceFolder === null || index.folderOf(path)?.instance === sourceFolder.instance;
  let dirs: string[];
  if (decoded.startsWith('@site/')) dirs = [''];
  else if (decoded.startsWith('/')) dirs = [contentDir, ''];
  else if (decoded.startsWith('./') || decoded.startsWith('../')) dirs = [sourceDir];
  else dirs = [sourceDir, contentDir, ''];
  const relative = decoded.startsWith('@site/') ? decoded.slice('@site/'.length) : decoded;
  const candidates = dirs.map((dir) => joinPath(dir, relative));
  for (const candidate of candidates) {
    if (candidate === null) continue;
    const target = corpus.byPath.get(candidate);
    if (target && !input.partials.has(target.path) && sameInstance(target.path)) return { status: 'doc', doc: target, hash, via: target.path === doc.path ? 'self' : 'markdown' };
  }
  for (const candidate of candidates) {
    if (candidate === null) continue;
    const actual = index.byLowerPath.get(candidate.toLowerCase());
    if (actual && actual !== candidate && corpus.byPath.has(actual)) {
      return { status: 'broken', message: caseMessage(url, candidate, actual) };
    }
    if ((input.files.has(candidate) || corpus.byPath.has(candidate)) && !(corpus.byPath.has(candidate) && !input.partials.has(candidate) && sameInstance(candidate))) {
      // Read in the repository (no Docusaurus), a link to a repository file is that file.
      if (input.renderedBy === 'repository') return { status: 'file', path: candidate };
      return {
        status: 'broken',
        message: corpus.byPath.has(candidate) && !input.partials.has(candidate)
          ? `Unexpected link to \`${url}\` (\`${candidate}\`), a doc of another docs plugin instance: Docusaurus resolves \`.md\` links only within an instance, expected its route (\`${corpus.routes.get(candidate)!.permalink}\`)`
          : `Unexpected link to \`${url}\` (\`${candidate}\`), which is not a doc of the site: Docusaurus resolves \`.md\` links only to docs under \`${contentDir}/\`, expected a doc`,
      };
    }
  }
  const first = candidates.find((c): c is string => c !== null) ?? relative;
  const suggestion = closest(first, index.docsByDir.get(dirnameOf(first)) ?? [], baseName);
  return {
    status: 'broken',
    message: `Unexpected link to missing doc \`${url}\` (\`${first}\`), expected an existing doc${suggestion ? `; did you mean \`${relativeLink(doc.path, suggestion)}\`?` : ''}`,
  };
}

function resolveRoute(index: LinkIndex, doc: DocSummary, url: string, pathname: string, hash: string | undefined): Resolution {
  const permalink = pagePathOf(index.corpus.routes.get(doc.path)!.permalink);
  return resolveRouteFrom(index, permalink, doc.path, url, pathname, hash);
}

/**
 * Resolves a site-absolute route (`/docs/abathur/runbooks/wal-growth#checkpoint`)
 * that no doc contains, such as an alert's runbook URL, exactly as a doc's
 * link to that route is resolved (trailing slash, %-decoding, static files,
 * routes outside the docs skipped). Anchors are then checked with `checkAnchor`.
 */
export function resolveSiteRoute(index: LinkIndex, url: string): Resolution {
  const local = parseLocalUrl(url);
  if (!local || !local.pathname.startsWith('/')) return { status: 'broken', message: `Unexpected \`${url}\`, expected a site-absolute route (\`/docs/...\`)` };
  if (safeDecode(local.pathname) === null) return { status: 'broken', message: `Unexpected malformed percent-encoding in \`${url}\`, expected a valid URL` };
  return resolveRouteFrom(index, '/', null, url, local.pathname, local.hash);
}

function resolveRouteFrom(index: LinkIndex, permalink: string, selfPath: string | null, url: string, pathname: string, hash: string | undefined): Resolution {
  const { input, corpus } = index;
  let resolved: string;
  try {
    resolved = new URL(pathname, 'http://site.invalid' + permalink).pathname;
  } catch {
    return { status: 'broken', message: `Unexpected malformed URL \`${url}\`, expected a route or file` };
  }
  const candidates = [resolved, safeDecode(resolved) ?? resolved];
  for (const candidate of candidates) {
    const target = index.byPermalink.get(candidate);
    if (target) {
      const targetDoc = corpus.byPath.get(target)!;
      return { status: 'doc', doc: targetDoc, hash, via: targetDoc.path === selfPath ? 'self' : 'route' };
    }
  }
  // A file of a static folder served as is (`/img/x.png`, `/files/a.pdf`).
  const decodedPath = safeDecode(resolved) ?? resolved;
  for (const dir of input.staticDirs) {
    const file = joinPath(dir, decodedPath);
    if (file !== null && input.files.has(file)) return { status: 'file', path: file };
  }
  // The innermost version route that contains the route; none: another plugin's page (blog, pages), outside the check, counted.
  let base: string | null = null;
  for (const folder of index.folders) {
    const path = folder.path.length > 1 ? folder.path.replace(/\/+$/, '') : '/';
    const inside = path === '/' || resolved === path || resolved.startsWith(path + '/');
    if (inside && (base === null || path.length > base.length)) base = path;
  }
  const other = input.otherRoutes?.find((route) => (resolved === route || resolved.startsWith(route + '/')) && (base === null || route.length > base.length));
  if (base === null || other !== undefined) return { status: 'skip', outside: other ?? '/' + (resolved.split('/')[1] ?? '') };
  // Routes the docs plugin creates besides docs (generated indexes, tags) are not known here.
  if (/^\/(?:[^/]+\/)*(?:category|tags)(?:\/|$)/.test(resolved.slice(base === '/' ? 0 : base.length))) return { status: 'skip' };
  const wanted = resolved.length > 1 ? resolved.replace(/\/$/, '') : resolved;
  const suggestion = closest(wanted, index.permalinksByDir.get(dirnameOf(wanted)) ?? [], baseName);
  return {
    status: 'broken',
    message: `Unexpected link to unknown route \`${url}\`${resolved !== pathname ? ` (resolved as \`${resolved}\`)` : ''}, expected a doc route${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
  };
}

/**
 * The path the page is served at, which relative links resolve against:
 * its permalink, which for a category index (`index.md`, `README.md`,
 * `ops/ops.md`, with or without `id`, no `slug`) ends with `/`
 * (`/docs/ops/`), verified in a build (tests/e2e/routes-build.test.ts).
 */
export function pagePathOf(permalink: string): string {
  return permalink;
}

function caseMessage(url: string, wanted: string, actual: string): string {
  const wantedName = wanted.split('/');
  const actualName = actual.split('/');
  const fixedUrl = url.replace(wantedName.at(-1)!, actualName.at(-1)!);
  return `Unexpected \`${url}\` (\`${wanted}\`), expected \`${fixedUrl === url ? actual : fixedUrl}\` (\`${actual}\`): file names are case-sensitive on the build machine`;
}

function missingFileMessage(index: LinkIndex, doc: DocSummary, url: string, candidates: (string | null)[], what: 'image' | 'file'): string {
  const tried = candidates.filter((c): c is string => c !== null);
  for (const candidate of tried) {
    const actual = index.byLowerPath.get(candidate.toLowerCase());
    if (actual && actual !== candidate) return caseMessage(url, candidate, actual);
  }
  const where = tried.length > 0 ? ` (\`${tried.join('`, `')}\`)` : ' (outside the repository)';
  const dir = tried[0] ? dirnameOf(tried[0]) : '';
  const suggestion = tried[0] ? closest(tried[0], index.filesByDir.get(dir) ?? [], baseName) : null;
  const staticDir = suggestion && url.startsWith('/') ? index.input.staticDirs.find((d) => suggestion.startsWith(d + '/')) : undefined;
  const shown = suggestion === null ? null : staticDir ? suggestion.slice(staticDir.length) : url.startsWith('@site/') ? '@site/' + suggestion : relativeLink(doc.path, suggestion);
  return `Unexpected ${what === 'image' ? 'missing image' : 'link to missing file'} \`${url}\`${where}, expected an existing file${shown ? `; did you mean \`${shown}\`?` : ''}`;
}

/** A relative Markdown link from one doc to another (`../b/c.md`). */
export function relativeLink(from: string, to: string): string {
  const a = dirnameOf(from).split('/').filter(Boolean);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  return (up === 0 ? './' : '../'.repeat(up)) + b.slice(i).join('/');
}
