import type { CheckInput, CorpusIndex } from '../rules/types.js';
import type { DocSummary } from '../types.js';
import { linkIndexOf, parseLocalUrl, resolveLink } from './resolve.js';

/**
 * Who links to whom: for each doc (path relative to cwd), the docs whose
 * links resolve to it, itself excluded. Resolves every link of the corpus;
 * for the referrers of a few docs use {@link referrersOf}.
 */
export function inboundLinksOf(input: CheckInput, corpus: CorpusIndex): ReadonlyMap<string, ReadonlySet<string>> {
  const cached = graphs.get(corpus);
  if (cached) return cached;
  const index = linkIndexOf(input, corpus);
  const inbound = new Map<string, Set<string>>();
  for (const doc of input.docs) {
    for (const link of doc.links) {
      const resolution = resolveLink(index, doc, link);
      if (resolution.status !== 'doc' || resolution.doc.path === doc.path) continue;
      let from = inbound.get(resolution.doc.path);
      if (!from) inbound.set(resolution.doc.path, (from = new Set()));
      from.add(doc.path);
    }
  }
  graphs.set(corpus, inbound);
  return inbound;
}

const graphs = new WeakMap<CorpusIndex, Map<string, Set<string>>>();

/** Characters of a URL path that resolution (percent-decoding, URL parsing) leaves exactly as written. */
const PLAIN_PATH = /^[A-Za-z0-9._~@/-]+$/;

/**
 * The last segment of the path a link can resolve to a doc through: a
 * Markdown link resolves to the doc whose file has that name, a route to the
 * doc whose permalink ends with it. `undefined` for links that never reach
 * another doc (external, `#anchor` on the same page); null when only a full
 * resolution can tell (`../`, `%`-encoding, characters URL parsing rewrites).
 */
export function linkKey(url: string): string | null | undefined {
  const local = parseLocalUrl(url);
  if (!local || local.pathname === '') return undefined;
  if (!PLAIN_PATH.test(local.pathname)) return null;
  const last = local.pathname.slice(local.pathname.lastIndexOf('/') + 1);
  return last === '' || last === '.' || last === '..' ? null : last;
}

/** The keys a link to `doc` can carry (see {@link linkKey}): its file name and its permalink's last segment. */
function docKeys(doc: DocSummary, corpus: CorpusIndex): string[] {
  const permalink = corpus.routes.get(doc.path)!.permalink.replace(/\/+$/, '');
  return [doc.path.slice(doc.path.lastIndexOf('/') + 1), permalink.slice(permalink.lastIndexOf('/') + 1)];
}

/** {@link linkKey} of each of the doc's links, in order. */
export function linkKeysOf(doc: DocSummary): readonly (string | null | undefined)[] {
  return doc.links.map((link) => linkKey(link.url));
}

/** A link by its doc and its index in `doc.links` (read only when resolved). */
interface LinkRef {
  from: DocSummary;
  index: number;
}

interface ReferrerIndex {
  /** Links by {@link linkKey}, resolved only when a doc with that key is asked about. */
  byKey: Map<string, LinkRef[]>;
  /** Links whose key says nothing, resolved once (on first use): the docs they reach and from where. */
  unkeyedLinks: LinkRef[];
  unkeyed: Map<string, Set<string>> | null;
  /** Keys whose links are resolved, and where they went. */
  resolved: Map<string, Map<string, Set<string>>>;
}

const referrerIndexes = new WeakMap<CorpusIndex, ReferrerIndex>();

function referrerIndexOf(input: CheckInput, corpus: CorpusIndex): ReferrerIndex {
  let index = referrerIndexes.get(corpus);
  if (index) return index;
  index = { byKey: new Map(), unkeyedLinks: [], unkeyed: null, resolved: new Map() };
  for (const from of input.docs) {
    // Known from an earlier run (the loader's cache) or computed: a cached doc's links are then never read.
    const keys = input.linkKeys?.get(from.path) ?? linkKeysOf(from);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === undefined) continue;
      if (key === null) index.unkeyedLinks.push({ from, index: i });
      else {
        const list = index.byKey.get(key);
        if (list) list.push({ from, index: i });
        else index.byKey.set(key, [{ from, index: i }]);
      }
    }
  }
  referrerIndexes.set(corpus, index);
  return index;
}

function addResolved(input: CheckInput, corpus: CorpusIndex, links: readonly LinkRef[], into: Map<string, Set<string>>): void {
  const linkIndex = linkIndexOf(input, corpus);
  for (const { from, index } of links) {
    const resolution = resolveLink(linkIndex, from, from.links[index]!);
    if (resolution.status !== 'doc' || resolution.doc.path === from.path) continue;
    let set = into.get(resolution.doc.path);
    if (!set) into.set(resolution.doc.path, (set = new Set()));
    set.add(from.path);
  }
}

/**
 * The docs whose links resolve to `path`, itself excluded: the same answer
 * as `inboundLinksOf(...).get(path)`, found by resolving only the links whose
 * last path segment could name that doc (each link at most once per check),
 * so re-checking the referrers of one edited doc does not resolve the
 * links of the whole corpus.
 */
export function referrersOf(input: CheckInput, corpus: CorpusIndex, path: string): ReadonlySet<string> {
  const doc = corpus.byPath.get(path);
  if (!doc) return new Set();
  const index = referrerIndexOf(input, corpus);
  if (!index.unkeyed) {
    index.unkeyed = new Map();
    addResolved(input, corpus, index.unkeyedLinks, index.unkeyed);
  }
  const out = new Set(index.unkeyed.get(path) ?? []);
  for (const key of new Set(docKeys(doc, corpus))) {
    let targets = index.resolved.get(key);
    if (!targets) {
      targets = new Map();
      addResolved(input, corpus, index.byKey.get(key) ?? [], targets);
      index.resolved.set(key, targets);
    }
    for (const from of targets.get(path) ?? []) out.add(from);
  }
  return out;
}
