import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from './root.js';

/**
 * The identity of the handbook's own sources, for the caches that must not
 * outlive them (parsed docs, rule results): one sha1 per file, each file
 * read once per process however many caches ask (the lockfile is ~1 MB).
 */
const hashes = new Map<string, string>();

/** sha1 of a file of the repository (path relative to its root), or of `missing`. */
function fileHash(path: string): string {
  let hash = hashes.get(path);
  if (hash === undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(packageRoot, path));
    } catch {
      bytes = Buffer.from('missing');
    }
    hashes.set(path, (hash = createHash('sha1').update(bytes).digest('hex')));
  }
  return hash;
}

/** One hash of these repository files (paths relative to its root) and the installed packages (the lockfile). */
export function sourcesHash(paths: readonly string[]): string {
  const hash = createHash('sha1');
  for (const path of [...paths, 'package-lock.json']) hash.update(path).update('\0').update(fileHash(path)).update('\n');
  return hash.digest('hex');
}

/** Every TypeScript file of `core/`, relative to the repository root, sorted. */
export function coreSources(): string[] {
  const core = join(packageRoot, 'core');
  return readdirSync(core, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(packageRoot, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}
