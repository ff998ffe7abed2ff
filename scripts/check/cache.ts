import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parseDocFast } from '../../core/fast-parse.js';
import { summaryOf } from '../../core/summary.js';
import { packageRoot } from '../root.js';
import { parseMarkdown } from '../../core/markdown.js';
import { docPathOf, rememberRoute, routeOf, type DocModel, type DocRoute, type DocSummary } from '../../core/index.js';
import { linkKeysOf, rememberLinkKeys } from '../../core/links/index.js';

/**
 * The on-disk cache of parsed documents for `handbook check`, in
 * `<cwd>/.handbook/cache/` (or `$HANDBOOK_CACHE_DIR`), in two files:
 *
 * - `docs.v8`, the index: for each doc its content hash (sha1), size and
 *   mtime (an unchanged file is not even read), its summary (route inputs,
 *   anchors, links: what the docs linking into it need) and where its full
 *   model sits in the models file;
 * - `models-<id>.v8`: the full models, one v8-serialised record each,
 *   appended as docs change and compacted when most of it is stale.
 *
 * A re-check of one edited doc in a corpus of 10,000 thus reads 10,000
 * small summaries and only the full models of the docs it reports on.
 * v8 serialisation keeps the front matter's Map and Dates.
 *
 * Never fails because of the cache: an unreadable cache is a cold start, a
 * missing model is parsed again, an unwritable or locked cache is skipped.
 */
/** Bump when the layout of the files below changes. */
const FORMAT = 4;

/**
 * The parser's identity: a cached model is valid only for the same core
 * parse sources and the same installed Markdown packages (package-lock).
 */
async function parserVersion(): Promise<string> {
  const hash = createHash('sha1').update(String(FORMAT));
  const core = join(packageRoot, 'core');
  for (const file of ['parse.ts', 'fast-parse.ts', 'markdown.ts', 'headings.ts', 'frontmatter.ts', 'position.ts', 'types.ts', 'summary.ts', '../package-lock.json']) {
    hash.update(file).update(await readFile(join(core, file)).catch(() => Buffer.from('missing')));
  }
  return hash.digest('hex');
}

interface Entry {
  hash: string;
  size: number;
  mtimeMs: number;
  /** The doc's summary, v8-serialised: deserialised only if the run reads it (a link target, a referrer). */
  summary: Uint8Array;
  /** `linkKey` of each link, so finding referrers reads no summary but theirs. */
  linkKeys: readonly (string | null | undefined)[];
  /** The route, for the docs folder and route base path in `routeKey`. */
  route: DocRoute;
  routeKey: string;
  /** Byte range of the full model's record in the models file. */
  at: number;
  length: number;
}

/**
 * A cached doc's summary, read from its bytes on first use: most docs of a
 * one-doc re-check are never looked at beyond their path.
 */
class CachedSummary implements DocSummary {
  #bytes: Uint8Array;
  #summary: DocSummary | undefined;
  constructor(
    readonly path: string,
    bytes: Uint8Array,
  ) {
    this.#bytes = bytes;
  }
  #load(): DocSummary {
    return (this.#summary ??= deserialize(this.#bytes) as DocSummary);
  }
  get frontMatter() {
    return this.#load().frontMatter;
  }
  get headings() {
    return this.#load().headings;
  }
  get htmlAnchors() {
    return this.#load().htmlAnchors;
  }
  get links() {
    return this.#load().links;
  }
}

interface IndexFile {
  /** {@link parserVersion} of the run that wrote it. */
  version: string;
  /** File name of the models file the entries point into. */
  models: string;
  entries: Map<string, Entry>;
}

/** One record of the models file: the hash is checked on read, so a stale offset can never yield another doc's model. */
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
  /** Closes the models file (a long-running process, the dev server, loads many times). */
  close(): void;
}

export function cacheDirOf(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.HANDBOOK_CACHE_DIR ? resolve(env.HANDBOOK_CACHE_DIR) : join(cwd, '.handbook', 'cache');
}

/** Re-attaches what serialisation drops: the lazy mdast tree some rules read. */
function revive(model: DocModel): DocModel {
  if (!Object.getOwnPropertyDescriptor(model, 'tree')) {
    let tree: unknown;
    Object.defineProperty(model, 'tree', { get: () => (tree ??= parseMarkdown(model.text, model.format)), enumerable: false, configurable: true });
  }
  return model;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * The index on disk, by column: one array per field and one buffer for all
 * summaries. Deserialising ten thousand entry objects (and a Buffer each)
 * took longer than everything else a one-doc re-check does; plain arrays of
 * strings and numbers read several times faster.
 */
interface IndexColumns {
  version: string;
  models: string;
  paths: string[];
  hashes: string[];
  /** Per entry: size, mtimeMs, model at, model length, summary at, summary length. */
  numbers: Float64Array;
  summaries: Uint8Array;
  routeKeys: string[];
  routeIds: string[];
  permalinks: string[];
  /** Link keys of all entries in a row, `linkCounts[i]` of them for entry i. */
  linkKeys: (string | null | undefined)[];
  linkCounts: Uint32Array;
}

const NUMBERS = 6;

function encodeIndex(index: IndexFile): Buffer {
  const n = index.entries.size;
  const columns: IndexColumns = {
    version: index.version,
    models: index.models,
    paths: [],
    hashes: [],
    numbers: new Float64Array(n * NUMBERS),
    summaries: new Uint8Array(0),
    routeKeys: [],
    routeIds: [],
    permalinks: [],
    linkKeys: [],
    linkCounts: new Uint32Array(n),
  };
  const summaries: Uint8Array[] = [];
  let summaryAt = 0;
  let i = 0;
  for (const [path, entry] of index.entries) {
    columns.paths.push(path);
    columns.hashes.push(entry.hash);
    columns.numbers.set([entry.size, entry.mtimeMs, entry.at, entry.length, summaryAt, entry.summary.length], i * NUMBERS);
    summaries.push(entry.summary);
    summaryAt += entry.summary.length;
    columns.routeKeys.push(entry.routeKey);
    columns.routeIds.push(entry.route.id);
    columns.permalinks.push(entry.route.permalink);
    for (const key of entry.linkKeys) columns.linkKeys.push(key);
    columns.linkCounts[i] = entry.linkKeys.length;
    i++;
  }
  columns.summaries = Buffer.concat(summaries);
  return serialize(columns);
}

function readIndex(dir: string, version: string): IndexFile | null {
  try {
    const columns = deserialize(readFileSync(join(dir, 'docs.v8'))) as IndexColumns;
    if (columns.version !== version || typeof columns.models !== 'string' || !(columns.numbers instanceof Float64Array)) return null;
    const entries = new Map<string, Entry>();
    let key = 0;
    for (let i = 0; i < columns.paths.length; i++) {
      const at = i * NUMBERS;
      const count = columns.linkCounts[i]!;
      const summaryAt = columns.numbers[at + 4]!;
      entries.set(columns.paths[i]!, {
        hash: columns.hashes[i]!,
        size: columns.numbers[at]!,
        mtimeMs: columns.numbers[at + 1]!,
        at: columns.numbers[at + 2]!,
        length: columns.numbers[at + 3]!,
        summary: columns.summaries.subarray(summaryAt, summaryAt + columns.numbers[at + 5]!),
        routeKey: columns.routeKeys[i]!,
        route: { id: columns.routeIds[i]!, permalink: columns.permalinks[i]! },
        linkKeys: columns.linkKeys.slice(key, key + count),
      });
      key += count;
    }
    return { version, models: columns.models, entries };
  } catch {
    return null;
  }
}

/** The models file, opened on first use (a run that reads no model never opens it). */
class ModelsFile {
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

function readRecord(file: ModelsFile, entry: Entry): DocModel | null {
  const fd = file.descriptor();
  if (fd === null) return null;
  try {
    const buffer = Buffer.allocUnsafe(entry.length);
    if (readSync(fd, buffer, 0, entry.length, entry.at) !== entry.length) return null;
    const record = deserialize(buffer) as ModelRecord;
    return record.hash === entry.hash ? revive(record.model) : null;
  } catch {
    return null;
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
  options: { cacheDir?: string | null; docsDir?: string; routeBasePath?: string } = {},
): Promise<LoadedDocs> {
  const dir = options.cacheDir ?? null;
  const docsDir = options.docsDir ?? 'docs';
  const routeBasePath = options.routeBasePath ?? '/docs';
  const routeKey = `${docsDir}\0${routeBasePath}`;
  const routeOfDoc = (doc: DocSummary) => routeOf(docPathOf(doc.path, docsDir), doc.frontMatter.data, routeBasePath);
  /** A cached doc as a lazy summary, with the facts the core would otherwise compute from it. */
  const fromCache = (path: string, entry: Entry): DocSummary => {
    const summary = new CachedSummary(path, entry.summary);
    rememberLinkKeys(summary, entry.linkKeys);
    if (entry.routeKey === routeKey) rememberRoute(summary, docsDir, routeBasePath, entry.route);
    else {
      entry.route = routeOfDoc(summary);
      entry.routeKey = routeKey;
      changed = true;
    }
    return summary;
  };
  const version = dir ? await parserVersion() : '';
  const index = dir ? readIndex(dir, version) : null;
  const file = new ModelsFile(dir && index ? join(dir, index.models) : null);
  const entries = index?.entries ?? new Map<string, Entry>();
  const stats: DocLoadStats = { docs: paths.length, unchanged: 0, sameHash: 0, parsed: 0 };
  const fresh = new Map<string, Entry>();
  /** Models parsed in this run, to be appended to the models file. */
  const parsed = new Map<string, { hash: string; model: DocModel }>();
  let changed = false;
  const docs = new Array<DocSummary>(paths.length);

  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const absolute = resolve(cwd, path);
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
    stats.parsed++;
    const model = parseDocFast({ path, text });
    parsed.set(path, { hash, model });
    if (dir) {
      const summary = summaryOf(model);
      fresh.set(path, { hash, size: info.size, mtimeMs: info.mtimeMs, summary: serialize(summary), linkKeys: linkKeysOf(model), route: routeOfDoc(model), routeKey, at: -1, length: 0 });
    }
    docs[i] = model;
  }
  if (fresh.size !== entries.size) changed = true;

  const models = new Map<string, DocModel>();
  const model = (path: string): DocModel => {
    const known = parsed.get(path)?.model ?? models.get(path);
    if (known) return known;
    const entry = fresh.get(path);
    if (!entry) throw new Error(`loadDocSummaries: \`${path}\` was not loaded`);
    let found = readRecord(file, entry);
    if (!found) {
      // The cache lost it (compacted by a concurrent run, truncated): the file is the truth.
      found = parseDocFast({ path, text: readFileSync(resolve(cwd, path), 'utf8') });
    }
    models.set(path, found);
    return found;
  };

  if (dir && changed) {
    const written = writeCache(dir, version, index, file, fresh, parsed);
    if (written !== undefined && written !== index?.models) file.moveTo(join(dir, written));
  }
  return { docs, stats, model, close: () => file.close() };
}

/** Every doc of `paths` as its full model (the build plugins and a check of all docs need them all). */
export async function loadDocs(cwd: string, paths: readonly string[], options: { cacheDir?: string | null } = {}): Promise<{ docs: DocModel[]; stats: DocLoadStats }> {
  const loaded = await loadDocSummaries(cwd, paths, options);
  try {
    return { docs: paths.map((path) => loaded.model(path)), stats: loaded.stats };
  } finally {
    loaded.close();
  }
}

/**
 * Appends the new models and rewrites the index, under a lock file (a second
 * run writing at the same time skips its write: the cache is an
 * optimisation). When stale records outweigh live ones, the live ones are
 * copied to a new models file first.
 */
function writeCache(dir: string, version: string, previous: IndexFile | null, file: ModelsFile, entries: Map<string, Entry>, parsed: Map<string, { hash: string; model: DocModel }>): string | undefined {
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

    const records = new Map<string, Buffer>();
    for (const [path, { hash, model }] of parsed) records.set(path, serialize({ hash, model } satisfies ModelRecord));
    let live = 0;
    for (const [path, entry] of entries) live += records.get(path)?.length ?? entry.length;
    const fd = file.descriptor();
    const current = previous && fd !== null ? previous.models : null;
    const currentSize = current ? file.size() : 0;
    const compact = current === null || (currentSize > 4 * 2 ** 20 && currentSize > 2 * live);

    let modelsName = current;
    if (compact || modelsName === null) {
      modelsName = `models-${randomBytes(6).toString('hex')}.v8`;
      const out = openSync(join(dir, modelsName), 'w');
      try {
        let at = 0;
        for (const [path, entry] of entries) {
          let record = records.get(path);
          if (!record && fd !== null) {
            record = Buffer.allocUnsafe(entry.length);
            if (readSync(fd, record, 0, entry.length, entry.at) !== entry.length) record = undefined;
          }
          if (!record) {
            // Unreadable: leave the doc out of the index, the next run parses it again.
            entries.delete(path);
            continue;
          }
          writeSync(out, record);
          entries.set(path, { ...entry, at, length: record.length });
          at += record.length;
        }
      } finally {
        closeSync(out);
      }
    } else {
      const out = openSync(join(dir, modelsName), 'a');
      try {
        let at = fstatSync(out).size;
        for (const [path, record] of records) {
          writeSync(out, record);
          entries.set(path, { ...entries.get(path)!, at, length: record.length });
          at += record.length;
        }
      } finally {
        closeSync(out);
      }
    }
    const temp = join(dir, `docs.v8.${process.pid}.tmp`);
    writeFileSync(temp, encodeIndex({ version, models: modelsName, entries }));
    renameSync(temp, join(dir, 'docs.v8'));
    // Models files of older indexes (another parser version, a compaction): nothing points into them any more.
    for (const name of readdirSync(dir)) if (/^models-[0-9a-f]+\.v8$/.test(name) && name !== modelsName) unlinkSync(join(dir, name));
    return modelsName;
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

export { sha1 as contentHash };
