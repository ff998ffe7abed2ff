import yaml from 'js-yaml';

/**
 * The tag vocabulary of a docs folder: the keys of its `tags.yml`, the file
 * Docusaurus's docs plugin reads for predefined tags (`tags` option, default
 * `tags.yml` in the docs folder). A doc's `tags` name keys of this file.
 */
export interface TagVocabulary {
  /** The file, relative to the check's `cwd` (for messages). */
  file: string;
  tags: ReadonlySet<string>;
}

export type TagVocabularyResult = { ok: true; tags: Set<string> } | { ok: false; message: string; line: number; column: number };

/**
 * Parses a `tags.yml` with js-yaml (the parser Docusaurus uses): a mapping
 * from tag id to `null` or `{ label, description, permalink }`. Reports
 * malformed YAML or another shape with a 1-based line and column.
 */
export function parseTagVocabulary(text: string): TagVocabularyResult {
  let data: unknown;
  try {
    data = yaml.load(text);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    return { ok: false, message: (error as { reason?: string }).reason ?? String(error), line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
  }
  if (data === undefined || data === null) return { ok: true, tags: new Set() };
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, message: 'expected a mapping from tag id to its label and description', line: 1, column: 1 };
  for (const [tag, definition] of Object.entries(data)) {
    if (definition !== null && (typeof definition !== 'object' || Array.isArray(definition))) {
      const line = text.split('\n').findIndex((l) => l.startsWith(`${tag}:`)) + 1;
      return { ok: false, message: `expected \`${tag}\` to map to its label and description (or nothing)`, line: Math.max(line, 1), column: 1 };
    }
  }
  return { ok: true, tags: new Set(Object.keys(data)) };
}
