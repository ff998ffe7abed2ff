import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CheckInput, DocModel, Finding, Rule, RuleResults } from '../core/index.js';
import { coreSources, sourcesHash } from './sources.js';

/**
 * The findings of the previous run, per doc and rule, in
 * `<cache>/rules-<n>.v8` (32 shards by doc path, each read on first use, so a
 * re-check of one doc reads and writes one): a second run over unchanged docs reports them again
 * instead of running the rules (`bash -n` per block, the mermaid parser).
 *
 * Only rules that read nothing but the doc and the run's settings are asked
 * for (core's `isReusable`). A finding is reused only under the same key:
 * the doc's path and text (and, with `--base`, its text at the base), whether
 * the docs plugin renders it, the rule, and the run's settings (today, docs
 * folder, route base path, static folders, sidebar, tag vocabulary, the
 * services given, the rules' own sources and the installed packages). The
 * file keeps the entries of the last run only, so it does not grow.
 * Never fails because of the cache: unreadable is empty, unwritable is skipped.
 */
const FORMAT = 2;


function settingsOf(input: CheckInput): string {
  return createHash('sha1')
    .update(
      JSON.stringify({
        format: FORMAT,
        // Every rule's outcome depends on the core (rules, model, parse) and the installed packages.
        sources: sourcesHash(coreSources()),
        today: input.today,
        docsDir: input.docsDir,
        routeBasePath: input.routeBasePath,
        staticDirs: input.staticDirs,
        sidebar: input.sidebarDocIds ? [...input.sidebarDocIds].sort() : null,
        tags: input.tagVocabulary,
        services: Object.keys(input.services).sort(),
        base: input.base?.ref ?? null,
      }),
    )
    .digest('hex');
}

export interface StoredRuleResults extends RuleResults {
  /**
   * Writes this run's findings for the next run (no-op when nothing
   * changed). After a check of some docs only, the other docs' findings of
   * earlier runs are kept too; a full run keeps its own only.
   */
  save(options?: { partial?: boolean }): void;
  readonly stats: { reused: number; computed: number };
}

/** Shards of the stored findings, by doc path: a re-check of one doc reads and writes one of them. */
const SHARDS = 32;

export function openRuleResults(dir: string, input: CheckInput): StoredRuleResults {
  const settings = settingsOf(input);
  const fileOf = (shard: number) => join(dir, `rules-${shard}.v8`);
  /** Each shard's findings of the last run, read on first use. */
  const earlier = new Map<number, Map<string, readonly Finding[]>>();
  /** Each used shard's findings of this run. */
  const now = new Map<number, Map<string, readonly Finding[]>>();
  const shardOf = (path: string) => createHash('sha1').update(path).digest()[0]! % SHARDS;
  const earlierOf = (shard: number) => {
    let entries = earlier.get(shard);
    if (!entries) {
      entries = new Map();
      try {
        const stored = deserialize(readFileSync(fileOf(shard))) as { settings: string; entries: Map<string, readonly Finding[]> };
        if (stored.settings === settings) entries = stored.entries;
      } catch {
        // No cache yet, or unreadable: a cold run.
      }
      earlier.set(shard, entries);
      now.set(shard, new Map());
    }
    return entries;
  };
  const docKeys = new WeakMap<DocModel, { shard: number; key: string }>();
  const keyOf = (doc: DocModel, rule: Rule) => {
    let known = docKeys.get(doc);
    if (known === undefined) {
      const base = input.base?.docs.get(doc.path)?.text ?? null;
      const key = createHash('sha1').update(doc.path).update('\0').update(doc.text).update('\0').update(String(input.partials.has(doc.path))).update('\0').update(base ?? '\u0001').digest('hex');
      known = { shard: shardOf(doc.path), key };
      docKeys.set(doc, known);
    }
    return { shard: known.shard, key: `${known.key}\0${rule.id}` };
  };
  const stats = { reused: 0, computed: 0 };
  const changed = new Set<number>();
  return {
    stats,
    get(doc, rule) {
      const { shard, key } = keyOf(doc, rule);
      const found = earlierOf(shard).get(key);
      if (found) {
        stats.reused++;
        now.get(shard)!.set(key, found);
      }
      return found;
    },
    set(doc, rule, findings) {
      const { shard, key } = keyOf(doc, rule);
      earlierOf(shard);
      stats.computed++;
      changed.add(shard);
      now.get(shard)!.set(key, findings);
    },
    save({ partial = false } = {}) {
      try {
        mkdirSync(dir, { recursive: true });
        for (const [shard, entries] of now) {
          const before = earlier.get(shard)!;
          if (partial) for (const [key, found] of before) if (!entries.has(key)) entries.set(key, found);
          if (!changed.has(shard) && entries.size === before.size) continue;
          const temp = `${fileOf(shard)}.${process.pid}.tmp`;
          writeFileSync(temp, serialize({ settings, entries }));
          renameSync(temp, fileOf(shard));
        }
        // A full run keeps its own findings only: a shard none of its docs fell in holds none.
        if (!partial) for (let shard = 0; shard < SHARDS; shard++) if (!now.has(shard)) rmSync(fileOf(shard), { force: true });
      } catch {
        // A read-only checkout: run without it.
      }
    },
  };
}
