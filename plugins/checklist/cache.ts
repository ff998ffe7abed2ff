import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What the compiled MDX of a doc depends on besides the doc itself: this
 * plugin's remark transform, the core model it reads, and the code-token
 * remark plugin with its Prism grammars (plugins/prism, src/prism). Rspack's persistent
 * cache (`future.faster`) keys a module by its own file and the site config
 * only, so without this a changed transform would leave docs compiled by the
 * old one in the cache, next to theme components that expect the new output.
 */
function sourceDirs(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return [here, join(here, '..', '..', 'core'), join(here, '..', 'prism'), join(here, '..', '..', 'src', 'prism')];
}

/** A short hash of the TypeScript sources of the remark transform and of the top level of `core/`. */
export function transformSourceHash(dirs: readonly string[] = sourceDirs()): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
      hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/** Rspack's persistent cache settings as Docusaurus writes them (`experiments.cache`). */
interface PersistentCache {
  type?: string;
  version?: string;
}

/**
 * The `configureWebpack` result (deep-merged by Docusaurus) that makes the
 * persistent cache's version carry the transform's hash, or nothing when the
 * cache is off (`DOCUSAURUS_NO_PERSISTENT_CACHE`) or not persistent.
 */
export function cacheVersionConfig(config: { experiments?: { cache?: unknown } }, hash: string): { experiments: { cache: { version: string } } } | Record<string, never> {
  const cache = config.experiments?.cache as PersistentCache | undefined;
  if (!cache || typeof cache !== 'object' || cache.type !== 'persistent') return {};
  return { experiments: { cache: { version: `${cache.version ?? ''}-checklist-${hash}` } } };
}
