import type { Procedure, Step } from './steps.js';
import type { DocModel } from './types.js';

/** A short stable hash (FNV-1a, base 36) of the steps' ids and commands. */
export function stepsHash(steps: readonly Step[]): string {
  let h = 0x811c9dc5;
  const text = steps.map((s) => `${s.id}\u0000${s.command}`).join('\u0001');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return 'h' + (h >>> 0).toString(36);
}

/** The doc's front matter `version` as text (a YAML date as `YYYY-MM-DD`), or null. */
export function frontMatterVersion(doc: DocModel): string | null {
  const version = doc.frontMatter.data.version;
  if (version === undefined || version === null || String(version).trim() === '') return null;
  return version instanceof Date ? version.toISOString().slice(0, 10) : String(version);
}

/**
 * The version the page keys saved progress by: front matter `version`, else a
 * hash of the steps (so editing a step of an unversioned doc still marks old
 * progress stale).
 */
export function progressVersion(doc: DocModel, procedure: Procedure): string {
  return frontMatterVersion(doc) ?? stepsHash(procedure.steps);
}

/** The doc's title as the site shows it: front matter `title`, else the h1, else the id. */
export function docTitleOf(doc: DocModel, fallback: string): string {
  const title = doc.frontMatter.data.title;
  if (typeof title === 'string' && title.trim() !== '') return title;
  return doc.headings.find((h) => h.depth === 1)?.text ?? fallback;
}
