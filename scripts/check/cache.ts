import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parseDocFast } from '../../core/fast-parse.js';
import { packageRoot } from '../root.js';
import { parseMarkdown } from '../../core/markdown.js';
import type { DocModel } from '../../core/index.js';

/**
 * The on-disk cache of parsed documents for `handbook check`: each doc's
 * model keyed by its content hash (sha1), with size and mtime to skip reading
 * unchanged files at all. A re-check after editing one doc parses one doc;
 * the link rules then need only the models (anchors, links) of the others.
 * Stored with v8 serialisation (keeps the front matter's Map and Dates) in
 * `<cwd>/.handbook/cache/docs.v8`, or `$HANDBOOK_CACHE_DIR`.
 */
const FORMAT = 1;

/**
 * The parser's identity: a cached model is valid only for the same core
 * parse sources and the same installed Markdown packages (package-lock).
 */
async function parserVersion(): Promise<string> {
  const hash = createHash('sha1').update(String(FORMAT));
  const core = join(packageRoot, 'core');
  for (const file of ['parse.ts', 'fast-parse.ts', 'markdown.ts', 'headings.ts', 'frontmatter.ts', 'position.ts', 'types.ts', '../package-lock.json']) {
    hash.update(file).update(await readFile(join(core, file)).catch(() => Buffer.from('missing')));
  }
  return hash.digest('hex');
}

interface Entry {
  hash: string;
  size: number;
  mtimeMs: number;
  model: DocModel;
}

interface CacheFile {
  /** {@link parserVersion} of the run that wrote it. */
  version: string;
  entries: Map<string, Entry>;
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

async function readCache(file: string, version: string): Promise<Map<string, Entry>> {
  try {
    const data = deserialize(await readFile(file)) as CacheFile;
    return data.version === version && data.entries instanceof Map ? data.entries : new Map();
  } catch {
    return new Map();
  }
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Reads and parses `paths` (relative to `cwd`) with the fast path of the core
 * (the same model as parseDoc), through the cache when `cacheDir` is given.
 * Never fails because of the cache: an unreadable cache is a cold start, an
 * unwritable one is skipped.
 */
export async function loadDocs(cwd: string, paths: readonly string[], options: { cacheDir?: string | null } = {}): Promise<{ docs: DocModel[]; stats: DocLoadStats }> {
  const cacheFile = options.cacheDir ? join(options.cacheDir, 'docs.v8') : null;
  const version = cacheFile ? await parserVersion() : '';
  const entries = cacheFile ? await readCache(cacheFile, version) : new Map<string, Entry>();
  const stats: DocLoadStats = { docs: paths.length, unchanged: 0, sameHash: 0, parsed: 0 };
  const fresh = new Map<string, Entry>();
  let changed = false;
  const docs = new Array<DocModel>(paths.length);
  const limit = 64;
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i]!;
      const absolute = resolve(cwd, path);
      const cached = entries.get(path);
      if (cached) {
        const info = await stat(absolute);
        if (info.size === cached.size && info.mtimeMs === cached.mtimeMs) {
          stats.unchanged++;
          fresh.set(path, cached);
          docs[i] = revive(cached.model);
          continue;
        }
      }
      const [text, info] = await Promise.all([readFile(absolute, 'utf8'), cacheFile ? stat(absolute) : null]);
      const hash = cacheFile ? sha1(text) : '';
      let model: DocModel;
      if (cached && cached.hash === hash) {
        stats.sameHash++;
        model = revive(cached.model);
      } else {
        stats.parsed++;
        model = parseDocFast({ path, text });
      }
      changed = true;
      if (info) fresh.set(path, { hash, size: info.size, mtimeMs: info.mtimeMs, model });
      docs[i] = model;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, paths.length) }, worker));
  if (cacheFile && (changed || fresh.size !== entries.size)) {
    try {
      await mkdir(dirname(cacheFile), { recursive: true });
      const temp = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(temp, serialize({ version, entries: fresh } satisfies CacheFile));
      await rename(temp, cacheFile);
    } catch {
      // A read-only checkout: run without a cache.
    }
  }
  return { docs, stats };
}

export { sha1 as contentHash };
