import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CheckInput, DocModel, Finding, Rule, RuleResults } from '../core/index.js';
import { coreSources, sourcesHash } from './sources.js';

/**
 * The findings of the previous run, per doc and rule, in
 * `<cache>/rules.v8`: a second run over unchanged docs reports them again
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
const FORMAT = 1;


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

export function openRuleResults(dir: string, input: CheckInput): StoredRuleResults {
  const file = join(dir, 'rules.v8');
  const settings = settingsOf(input);
  let earlier = new Map<string, readonly Finding[]>();
  try {
    const stored = deserialize(readFileSync(file)) as { settings: string; entries: Map<string, readonly Finding[]> };
    if (stored.settings === settings) earlier = stored.entries;
  } catch {
    // No cache yet, or unreadable: a cold run.
  }
  const now = new Map<string, readonly Finding[]>();
  const docKeys = new WeakMap<DocModel, string>();
  const keyOf = (doc: DocModel, rule: Rule) => {
    let key = docKeys.get(doc);
    if (key === undefined) {
      const base = input.base?.docs.get(doc.path)?.text ?? null;
      key = createHash('sha1').update(doc.path).update('\0').update(doc.text).update('\0').update(String(input.partials.has(doc.path))).update('\0').update(base ?? '\u0001').digest('hex');
      docKeys.set(doc, key);
    }
    return `${key}\0${rule.id}`;
  };
  const stats = { reused: 0, computed: 0 };
  let changed = false;
  return {
    stats,
    get(doc, rule) {
      const key = keyOf(doc, rule);
      const found = earlier.get(key);
      if (found) {
        stats.reused++;
        now.set(key, found);
      }
      return found;
    },
    set(doc, rule, findings) {
      stats.computed++;
      changed = true;
      now.set(keyOf(doc, rule), findings);
    },
    save({ partial = false } = {}) {
      if (partial) for (const [key, found] of earlier) if (!now.has(key)) now.set(key, found);
      if (!changed && now.size === earlier.size) return;
      try {
        mkdirSync(dir, { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, serialize({ settings, entries: now }));
        renameSync(temp, file);
      } catch {
        // A read-only checkout: run without it.
      }
    },
  };
}
