import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parseDoc } from '../core/parse.js';
import { parseDocs } from './parse-pool.js';
import { knownModelOfHash, rememberModel } from './models.js';
import { summaryOf } from '../core/summary.js';
import { sourcesHash } from './sources.js';
import { routeInputsOf, routeOfDoc, type DocModel, type DocRoute, type DocSummary } from '../core/index.js';
import { linkKeysOf } from '../core/links/index.js';
import { markdownOptions, type MarkdownOptions } from '../core/markdown.js';

/**
 * The on-disk cache of parsed documents for `handbook check`, in
 * `<cwd>/.handbook/cache/` (or `$HANDBOOK_CACHE_DIR`), in two files:
 *
 * - `docs.v8`, the index, by column: for each doc its content hash (sha1),
 *   size and mtime (an unchanged file is not even read), its route and the
 *   front matter it was computed from (`routeInputsOf`), the key
 *   of each of its links (see `linkKey`), and where its records sit in the
 *   records file;
 * - `records-<id>.v8`: for each doc its summary (route inputs, anchors,
 *   links: what the docs linking into it need) and its full model, one
 *   v8-serialised record each, appended as docs change and compacted when
 *   most of the file is stale.
 *
 * A re-check of one edited doc in a corpus of 10,000 thus reads a small
 * index, the summaries of the few docs its links and its referrers touch,
 * and the full models of the docs it reports on; it appends two records and
 * rewrites the small index. v8 serialisation keeps the front matter's Map
 * and Dates.
 *
 * Never fails because of the cache: an unreadable cache is a cold start, a
 * lost record is parsed again from the file, an unwritable or locked cache
 * is skipped.
 */

/** Bump when the layout of the files changes. */
const FORMAT = 6;

/**
 * The parser's identity: a cached model is valid only for the same core
 * parse sources and the same installed Markdown packages (package-lock).
 */
async function parserVersion(markdown: string): Promise<string> {
  return `${FORMAT}-${markdown}-${sourcesHash(['parse.ts', 'markdown.ts', 'headings.ts', 'frontmatter.ts', 'position.ts', 'types.ts', 'summary.ts', 'routes.ts'].map((f) => `core/${f}`))}`;
}

/** Where a record sits in the records file. */
interface Range {
  at: number;
  length: number;
}

interface Entry {
  hash: string;
  size: number;
  mtimeMs: number;
  /** `linkKey` of each link, so finding referrers reads no summary but theirs. */
  linkKeys: readonly (string | null | undefined)[];
  /** The route, for the docs folder and route base path in `routeKey`. */
  route: DocRoute;
  routeKey: string;
  /** {@link routeInputsOf} the doc's front matter when its route was computed: an edit that keeps them keeps the route. */
  routeInputs: string;
  summary: Range;
  model: Range;
}

interface IndexFile {
  /** {@link parserVersion} of the run that wrote it. */
  version: string;
  /** File name of the records file the entries point into. */
  records: string;
  entries: Map<string, Entry>;
}

/**
 * The index on disk, one array per field: deserialising ten thousand entry
 * objects took longer than everything else a one-doc re-check does; arrays
 * of strings and one array of numbers read several times faster.
 */
interface IndexColumns {
  version: string;
  records: string;
  paths: string[];
  hashes: string[];
  /** Per entry: size, mtimeMs, summary at, summary length, model at, model length. */
  numbers: Float64Array;
  routeKeys: string[];
  routeIds: string[];
  permalinks: string[];
  routeInputs: string[];
  /** Link keys of all entries in a row, `linkCounts[i]` of them for entry i. */
  linkKeys: (string | null | undefined)[];
  linkCounts: Uint32Array;
}

const NUMBERS = 6;

/** One record of the records file: the hash is checked on read, so a stale offset can never yield another doc's data. */
interface SummaryRecord {
  hash: string;
  summary: DocSummary;
}
interface ModelRecord {
  hash: string;
  model: DocModel;
}

export interface DocLoadStats {
  docs: number;
  /** Docs taken from the cache without reading them (same size and mtime). */
  unchanged: number;
  /** Docs read and found with the same content hash. */
  sameHash: number;
  /** Docs parsed. */
  parsed: number;
}

export interface LoadedDocs {
  /** Every doc in the order asked: full models for the docs parsed in this run, summaries for the others. */
  docs: DocSummary[];
  stats: DocLoadStats;
  /** The full model of a loaded doc: parsed in this run, read from the cache, or parsed again if the cache lost it. */
  model(path: string): DocModel;
  /** The route of each doc, by path (`CheckInput.routes`): the options' route producer's, else the core's fallback, kept in the cache. */
  routes: Map<string, DocRoute>;
  /** The link keys of each doc taken from the cache, by path (`CheckInput.linkKeys`), so finding referrers reads no other summary. */
  linkKeys: Map<string, readonly (string | null | undefined)[]>;
  /** Closes the records file (a long-running process, the dev server, loads many times). */
  close(): void;
}

export function cacheDirOf(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.HANDBOOK_CACHE_DIR ? resolve(env.HANDBOOK_CACHE_DIR) : join(cwd, '.handbook', 'cache');
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

function encodeIndex(index: IndexFile): Buffer {
  const n = index.entries.size;
  const columns: IndexColumns = {
    version: index.version,
    records: index.records,
    paths: [],
    hashes: [],
    numbers: new Float64Array(n * NUMBERS),
    routeKeys: [],
    routeIds: [],
    permalinks: [],
    routeInputs: [],
    linkKeys: [],
    linkCounts: new Uint32Array(n),
  };
  let i = 0;
  for (const [path, entry] of index.entries) {
    columns.paths.push(path);
    columns.hashes.push(entry.hash);
    columns.numbers.set([entry.size, entry.mtimeMs, entry.summary.at, entry.summary.length, entry.model.at, entry.model.length], i * NUMBERS);
    columns.routeKeys.push(entry.routeKey);
    columns.routeIds.push(entry.route.id);
    columns.permalinks.push(entry.route.permalink);
    columns.routeInputs.push(entry.routeInputs);
    for (const key of entry.linkKeys) columns.linkKeys.push(key);
    columns.linkCounts[i] = entry.linkKeys.length;
    i++;
  }
  return serialize(columns);
}

function readIndex(dir: string, version: string): IndexFile | null {
  try {
    const columns = deserialize(readFileSync(join(dir, 'docs.v8'))) as IndexColumns;
    if (columns.version !== version || typeof columns.records !== 'string' || !(columns.numbers instanceof Float64Array)) return null;
    const entries = new Map<string, Entry>();
    const numbers = columns.numbers;
    let key = 0;
    for (let i = 0; i < columns.paths.length; i++) {
      const at = i * NUMBERS;
      const count = columns.linkCounts[i]!;
      entries.set(columns.paths[i]!, {
        hash: columns.hashes[i]!,
        size: numbers[at]!,
        mtimeMs: numbers[at + 1]!,
        summary: { at: numbers[at + 2]!, length: numbers[at + 3]! },
        model: { at: numbers[at + 4]!, length: numbers[at + 5]! },
        routeKey: columns.routeKeys[i]!,
        route: { id: columns.routeIds[i]!, permalink: columns.permalinks[i]! },
        routeInputs: columns.routeInputs[i]!,
        linkKeys: columns.linkKeys.slice(key, key + count),
      });
      key += count;
    }
    return { version, records: columns.records, entries };
  } catch {
    return null;
  }
}

/** The records file, opened on first use (a run that reads no record never opens it). */
class RecordsFile {
  private fd: number | null | undefined;
  constructor(private path: string | null) {}
  /** Null when there is none or it is gone (compacted away by another run: the doc is parsed again). */
  descriptor(): number | null {
    if (this.fd === undefined) {
      try {
        this.fd = this.path === null ? null : openSync(this.path, 'r');
      } catch {
        this.fd = null;
      }
    }
    return this.fd;
  }
  /** The bytes of one record, or null when they cannot be read. */
  bytes(range: Range): Buffer | null {
    const fd = this.descriptor();
    if (fd === null) return null;
    try {
      const buffer = Buffer.allocUnsafe(range.length);
      return readSync(fd, buffer, 0, range.length, range.at) === range.length ? buffer : null;
    } catch {
      return null;
    }
  }
  /** One record, checked against the doc's hash. */
  read<T extends { hash: string }>(range: Range, hash: string): T | null {
    const buffer = this.bytes(range);
    if (!buffer) return null;
    try {
      const record = deserialize(buffer) as T;
      return record.hash === hash ? record : null;
    } catch {
      return null;
    }
  }
  size(): number {
    const fd = this.descriptor();
    return fd === null ? 0 : fstatSync(fd).size;
  }
  /** Points at another file (after a compaction); the old descriptor is closed. */
  moveTo(path: string | null): void {
    this.close();
    this.path = path;
  }
  close(): void {
    if (typeof this.fd === 'number') closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * A cached doc's summary, read from the records file on first use: most docs
 * of a one-doc re-check are never looked at beyond their path.
 */
class CachedSummary implements DocSummary {
  #load: () => DocSummary;
  #summary: DocSummary | undefined;
  constructor(
    readonly path: string,
    load: () => DocSummary,
  ) {
    this.#load = load;
  }
  #get(): DocSummary {
    return (this.#summary ??= this.#load());
  }
  get frontMatter() {
    return this.#get().frontMatter;
  }
  get headings() {
    return this.#get().headings;
  }
  get htmlAnchors() {
    return this.#get().htmlAnchors;
  }
  get links() {
    return this.#get().links;
  }
  get embeds() {
    return this.#get().embeds;
  }
}

/**
 * Reads and parses `paths` (relative to `cwd`) with the fast path of the core
 * (the same model as parseDoc), through the cache when `cacheDir` is given.
 * Docs not parsed in this run come back as summaries; `model(path)` gives
 * the full model of any of them.
 */
export async function loadDocSummaries(
  cwd: string,
  paths: readonly string[],
  options: {
    cacheDir?: string | null;
    docsDir?: string;
    routeBasePath?: string;
    markdown?: MarkdownOptions;
    /** The producer of routes (lib/routes.ts, Docusaurus's functions) and a key naming its inputs (folders, routes, parsers); cached per doc under that key. */
    route?: { key: string; of(doc: DocSummary): DocRoute };
    /** Keep the mdast tree of each doc parsed (lib/parse-pool.ts `ParseDocsOptions`); default true. */
    trees?: boolean;
  } = {},
): Promise<LoadedDocs> {
  const dir = options.cacheDir ?? null;
  cwd = resolve(cwd);
  const docsDir = options.docsDir ?? 'docs';
  const routeBasePath = options.routeBasePath ?? '/docs';
  const routeKey = options.route ? options.route.key : `${docsDir}\0${routeBasePath}`;
  const routeOf = options.route ? (doc: DocSummary) => options.route!.of(doc) : (doc: DocSummary) => routeOfDoc(doc, docsDir, routeBasePath);
  const routes = new Map<string, DocRoute>();
  const linkKeys = new Map<string, readonly (string | null | undefined)[]>();
  const markdown = options.markdown;
  // Models read with other Markdown options are other models: the options are part of the parser's identity.
  const version = dir ? await parserVersion(createHash('sha1').update(JSON.stringify(markdownOptions(markdown))).digest('hex').slice(0, 8)) : '';
  const index = dir ? readIndex(dir, version) : null;
  const file = new RecordsFile(dir && index ? join(dir, index.records) : null);
  const entries = index?.entries ?? new Map<string, Entry>();
  const stats: DocLoadStats = { docs: paths.length, unchanged: 0, sameHash: 0, parsed: 0 };
  const fresh = new Map<string, Entry>();
  /** Models parsed in this run, to be appended to the records file. */
  const parsed = new Map<string, { hash: string; model: DocModel }>();
  /** Models read from the cache (or parsed again when it lost them). */
  const models = new Map<string, DocModel>();
  let changed = false;

  /** The doc parsed from its file: when the cache lost a record, the file is the truth. */
  const reparse = (path: string): DocModel => {
    let model = models.get(path);
    if (!model) models.set(path, (model = parseDoc({ path, text: readFileSync(resolve(cwd, path), 'utf8'), ...(markdown ? { markdown } : {}) })));
    return model;
  };
  /** A cached doc as a lazy summary, with the facts the core would otherwise compute from it. */
  const fromCache = (path: string, entry: Entry): DocSummary => {
    // The entry is looked up when the summary is first read: a compaction may have moved its record since.
    const summary = new CachedSummary(path, () => {
      const current = fresh.get(path) ?? entry;
      return file.read<SummaryRecord>(current.summary, current.hash)?.summary ?? summaryOf(reparse(path));
    });
    linkKeys.set(path, entry.linkKeys);
    if (entry.routeKey !== routeKey) {
      entry.route = routeOf(summary);
      entry.routeKey = routeKey;
      entry.routeInputs = routeInputsOf(summary.frontMatter.data);
      changed = true;
    }
    routes.set(path, entry.route);
    return summary;
  };

  const docs = new Array<DocSummary>(paths.length);
  /** Docs to parse: read in the loop, parsed together below (on every core when they are many). */
  const toParse: { i: number; path: string; absolute: string; text: string; hash: string; size: number; mtimeMs: number }[] = [];
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    // Paths are relative with `/`: joining is enough (path.resolve on each of 10,000 shows in a profile).
    const absolute = `${cwd}/${path}`;
    const cached = entries.get(path);
    // Sync stat: ten thousand of them take a few milliseconds; a promise each takes ten times as long.
    const info = statSync(absolute);
    if (cached && info.size === cached.size && info.mtimeMs === cached.mtimeMs) {
      stats.unchanged++;
      fresh.set(path, cached);
      docs[i] = fromCache(path, cached);
      continue;
    }
    changed = true;
    const text = readFileSync(absolute, 'utf8');
    const hash = dir ? sha1(text) : '';
    if (cached && cached.hash === hash) {
      stats.sameHash++;
      const entry = { ...cached, size: info.size, mtimeMs: info.mtimeMs };
      fresh.set(path, entry);
      docs[i] = fromCache(path, entry);
      continue;
    }
    toParse.push({ i, path, absolute, text, hash, size: info.size, mtimeMs: info.mtimeMs });
  }
  stats.parsed = toParse.length;
  const parsedModels = await parseDocs(
    toParse.map(({ absolute, path, text }) => ({ file: absolute, path, text, ...(markdown ? { markdown } : {}) })),
    process.env,
    { trees: options.trees ?? true },
  );
  toParse.forEach(({ i, path, hash, size, mtimeMs }, n) => {
    const model = parsedModels[n]!;
    parsed.set(path, { hash, model });
    // An edit that leaves the route's inputs as they were (most edits: the body) keeps the cached route:
    // computing it loads Docusaurus's docs plugin and its utilities, 0.2 s of a one-doc re-check.
    const before = entries.get(path);
    const routeInputs = routeInputsOf(model.frontMatter.data);
    const route = before && before.routeKey === routeKey && before.routeInputs === routeInputs ? before.route : routeOf(model);
    routes.set(path, route);
    if (dir) {
      const none = { at: -1, length: 0 };
      fresh.set(path, { hash, size, mtimeMs, linkKeys: linkKeysOf(model), route, routeKey, routeInputs, summary: none, model: none });
    }
    docs[i] = model;
  });
  if (fresh.size !== entries.size) changed = true;

  const model = (path: string): DocModel => {
    const known = parsed.get(path)?.model ?? models.get(path);
    if (known) return known;
    const entry = fresh.get(path);
    if (!entry) throw new Error(`loadDocSummaries: \`${path}\` was not loaded`);
    // Parsed in this process already (another of the build's plugins loaded the corpus first): that model has its tree.
    const inProcess = knownModelOfHash({ file: `${cwd}/${path}`, path, ...(markdown ? { markdown } : {}) }, entry.hash, sha1);
    if (inProcess) {
      models.set(path, inProcess);
      return inProcess;
    }
    const record = file.read<ModelRecord>(entry.model, entry.hash);
    if (!record) return reparse(path);
    // A cached model has no mdast tree: the rules that read it parse the text when it is absent.
    models.set(path, record.model);
    // The build's checklist remark plugin asks lib/models.ts for the model of the file it compiles: this one.
    rememberModel({ file: `${cwd}/${path}`, path, text: record.model.text, ...(markdown ? { markdown } : {}) }, record.model);
    return record.model;
  };

  if (dir && changed) {
    const written = writeCache(dir, version, index, file, fresh, parsed);
    if (written !== undefined && written !== index?.records) file.moveTo(join(dir, written));
  }
  return { docs, stats, model, routes, linkKeys, close: () => file.close() };
}

/**
 * Appends the records of the docs parsed in this run and rewrites the index,
 * under a lock file (a second run writing at the same time skips its write:
 * the cache is an optimisation). When stale records outweigh live ones, the
 * live ones are copied to a new records file first. Returns the records
 * file's name, or undefined when nothing was written.
 */
function writeCache(dir: string, version: string, previous: IndexFile | null, file: RecordsFile, entries: Map<string, Entry>, parsed: Map<string, { hash: string; model: DocModel }>): string | undefined {
  const lock = join(dir, 'docs.lock');
  let locked = false;
  try {
    mkdirSync(dir, { recursive: true });
    try {
      closeSync(openSync(lock, 'wx'));
    } catch {
      // Another run holds it; a lock older than a minute was left by a killed run.
      if (Date.now() - statSync(lock).mtimeMs < 60_000) return undefined;
      unlinkSync(lock);
      closeSync(openSync(lock, 'wx'));
    }
    locked = true;

    const fresh = new Map<string, { summary: Buffer; model: Buffer }>();
    for (const [path, { hash, model }] of parsed) {
      fresh.set(path, { summary: serialize({ hash, summary: summaryOf(model) } satisfies SummaryRecord), model: serialize({ hash, model } satisfies ModelRecord) });
    }
    let live = 0;
    for (const [path, entry] of entries) {
      const records = fresh.get(path);
      live += records ? records.summary.length + records.model.length : entry.summary.length + entry.model.length;
    }
    const current = previous && file.descriptor() !== null ? previous.records : null;
    const currentSize = current ? file.size() : 0;
    const compact = current === null || (currentSize > 4 * 2 ** 20 && currentSize > 2 * live);

    const name = compact ? `records-${randomBytes(6).toString('hex')}.v8` : current!;
    const out = openSync(join(dir, name), compact ? 'w' : 'a');
    try {
      let at = compact ? 0 : fstatSync(out).size;
      const append = (bytes: Buffer): Range => {
        writeSync(out, bytes);
        const range = { at, length: bytes.length };
        at += bytes.length;
        return range;
      };
      for (const [path, entry] of entries) {
        const records = fresh.get(path);
        if (records) entries.set(path, { ...entry, summary: append(records.summary), model: append(records.model) });
        else if (compact) {
          const summary = file.bytes(entry.summary);
          const model = file.bytes(entry.model);
          // Unreadable: leave the doc out of the index, the next run parses it again.
          if (summary && model) entries.set(path, { ...entry, summary: append(summary), model: append(model) });
          else entries.delete(path);
        }
      }
    } finally {
      closeSync(out);
    }
    const temp = join(dir, `docs.v8.${process.pid}.tmp`);
    writeFileSync(temp, encodeIndex({ version, records: name, entries }));
    renameSync(temp, join(dir, 'docs.v8'));
    // Records files of older indexes (another parser version, a compaction): nothing points into them any more.
    for (const other of readdirSync(dir)) if (/^(?:records|models)-[0-9a-f]+\.v8$/.test(other) && other !== name) unlinkSync(join(dir, other));
    return name;
  } catch {
    // A read-only checkout or a full disk: run without a cache.
    return undefined;
  } finally {
    if (locked) {
      try {
        unlinkSync(lock);
      } catch {
        // Gone already.
      }
    }
  }
}

