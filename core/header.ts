import { editDistance } from './suggest.js';
import * as z from 'zod';
import type { DocModel, Span } from './types.js';
import type { DocRuleContext } from './rules/types.js';
import { isCalendarDate, parsePeriod } from './review.js';

/**
 * The version header every document under the docs folder carries in its
 * front matter, as a zod schema, and the helpers the `header-*` rules share:
 * values as the author wrote them (YAML turns `2026-11-22` into a Date and
 * `1.0` into a number) and zod issue paths mapped back to YAML key positions.
 */

export const STATUSES = ['draft', 'active', 'deprecated'] as const;
export const DOC_TYPES = ['runbook', 'procedure', 'checklist', 'guide', 'reference', 'handover'] as const;

/** Keys of the header itself. */
export const HEADER_KEYS = ['title', 'version', 'last_updated', 'status', 'owner', 'review_every', 'superseded_by', 'type', 'system', 'params', 'tags'] as const;

/**
 * Front matter keys Docusaurus reads: every key of the docs plugin's
 * front-matter schema (tests/rules/docusaurus-keys.test.ts compares this
 * list with the installed plugin's), and the MDX loader's `format` and `mdx`.
 * Docusaurus's `last_update` is one of them: it is not a typo of our
 * `last_updated`, which the header needs besides.
 */
export const DOCUSAURUS_KEYS = [
  'id',
  'last_update',
  'mdx',
  'slug',
  'description',
  'keywords',
  'image',
  'sidebar_label',
  'sidebar_position',
  'sidebar_class_name',
  'sidebar_key',
  'sidebar_custom_props',
  'displayed_sidebar',
  'hide_title',
  'hide_table_of_contents',
  'toc_min_heading_level',
  'toc_max_heading_level',
  'pagination_label',
  'pagination_next',
  'pagination_prev',
  'parse_number_prefixes',
  'custom_edit_url',
  'draft',
  'unlisted',
  'format',
] as const;

export const KNOWN_KEYS: ReadonlySet<string> = new Set<string>([...HEADER_KEYS, ...DOCUSAURUS_KEYS]);

/** `MAJOR.MINOR.PATCH`, no leading zeros. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export type Semver = [number, number, number];

export function parseSemver(value: unknown): Semver | null {
  const match = typeof value === 'string' ? SEMVER.exec(value.trim()) : null;
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareSemver(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether the header rules apply to this doc: under the docs folder and not a partial. */
export function carriesHeader(ctx: Pick<DocRuleContext, 'doc' | 'docPath' | 'input'>): boolean {
  const { doc, input } = ctx;
  const inDocs = input.docsDir === '.' || input.docsDir === '' || doc.path.startsWith(input.docsDir.replace(/\/+$/, '') + '/');
  return inDocs && !input.partials.has(doc.path) && !doc.problems.some((p) => p.ruleId === 'yaml-syntax');
}

/** The source text of a key's value, without surrounding quotes. */
export function rawValue(doc: DocModel, key: string): string | null {
  const entry = doc.frontMatter.keys.get(key);
  if (!entry) return null;
  const text = doc.text.slice(entry.valueSpan.start.offset, entry.valueSpan.end.offset).trim();
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  return quoted ? quoted[2]! : text;
}

/**
 * The front matter with every scalar that YAML typed (Date, number,
 * boolean) given back as the text the author wrote, so `2026-02-30` (which
 * js-yaml rolls over to March 2) and `1.0` (the number 1) are judged as
 * written.
 */
export function headerData(doc: DocModel): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc.frontMatter.data)) {
    data[key] = value instanceof Date || typeof value === 'number' || typeof value === 'boolean' ? (rawValue(doc, key) ?? String(value)) : value;
  }
  return data;
}

/** From the key to the end of its value; the document's line 1 when the key is absent. */
export function keyPlace(doc: DocModel, key: string): Span | undefined {
  const entry = doc.frontMatter.keys.get(key);
  return entry ? { start: entry.keySpan.start, end: entry.valueSpan.end } : undefined;
}

/** What was found under `key`, for a message: `` `version: 1.0` ``, ``empty `owner` ``, ``a list in `type` ``. */
export function found(key: string, value: unknown): string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return `empty \`${key}\``;
  if (Array.isArray(value)) return `list in \`${key}\``;
  if (typeof value === 'object') return `mapping in \`${key}\``;
  const text = String(value);
  return `\`${key}: ${text.length > 60 ? text.slice(0, 57) + '...' : text}\``;
}

/** The closest candidate within a third of the word's length (at least 2 edits), or null. */
export function didYouMean(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const normal = word.toLowerCase().replace(/-/g, '_');
  for (const candidate of candidates) {
    const d = normal === candidate ? 0 : editDistance(normal, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

/** `absent`: the key is not in the front matter at all. */
const wording = (key: string, expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `Missing \`${key}\` in the front matter, expected ${expected}` : `Unexpected ${found(key, issue.input)}, expected ${expected}`;

const text = (key: string, expected: string) =>
  z
    .string({ error: wording(key, expected) })
    .refine((v) => v.trim() !== '', { error: wording(key, expected) });

/**
 * `<` in a title or description: Docusaurus writes both into the page's
 * head and into inline scripts (the breadcrumb JSON-LD), where `</script>`
 * would end the script; and into the search index.
 */
const noAngle = (key: string) => () => `Unexpected \`<\` in \`${key}\`, expected plain text (write "less than" or use the body for markup)`;

const oneOf = (key: string, values: readonly string[]) =>
  z.string({ error: wording(key, values.map((v) => `\`${v}\``).join(', ')) }).superRefine((value, ctx) => {
    if ((values as readonly string[]).includes(value)) return;
    const guess = didYouMean(value, values);
    ctx.addIssue({
      code: 'custom',
      message: `Unexpected ${found(key, value)}, expected ${guess ? `\`${guess}\`` : values.map((v) => `\`${v}\``).join(', ')}`,
    });
  });

/**
 * The header as a zod schema. `today` bounds `last_updated`. Unknown keys
 * pass here; `header-unknown-key` warns about them.
 */
export function createHeaderSchema({ today }: { today: string }) {
  const semver = 'semver MAJOR.MINOR.PATCH (e.g. `1.0.0`)';
  const date = 'a date as YYYY-MM-DD';
  return z
    .looseObject({
      title: text('title', 'a non-empty title').refine((v) => !v.includes('<'), { error: noAngle('title') }),
      description: z.string({ error: wording('description', 'a sentence of plain text') }).refine((v) => !v.includes('<'), { error: noAngle('description') }).optional(),
      version: z.string({ error: wording('version', semver) }).refine((v) => parseSemver(v) !== null, { error: wording('version', semver) }),
      last_updated: z
        .string({ error: wording('last_updated', date) })
        .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), { error: wording('last_updated', date) })
        .refine((v) => isCalendarDate(v), { error: (i) => `Unexpected ${found('last_updated', i.input)}, expected a real calendar date` })
        .refine((v) => v <= today, { error: (i) => `Unexpected ${found('last_updated', i.input)} in the future, expected a date no later than today (${today})` }),
      status: oneOf('status', STATUSES),
      owner: text('owner', 'the owning team or person'),
      review_every: z
        .string({ error: wording('review_every', 'a period like `90d`, `12w`, `6m` or `1y`') })
        .refine((v) => parsePeriod(v) !== null, { error: wording('review_every', 'a period like `90d`, `12w`, `6m` or `1y`') })
        .optional(),
      superseded_by: z
        .string({ error: wording('superseded_by', 'a relative link to the replacing doc, like `./new-runbook.md`') })
        .refine((v) => v.trim() !== '' && !/^[a-z][a-z\d+.-]*:/i.test(v) && !v.startsWith('/') && !v.startsWith('#') && /\.mdx?(#.*)?$/.test(v), {
          error: wording('superseded_by', 'a relative link to the replacing doc, like `./new-runbook.md`'),
        })
        .optional(),
      type: oneOf('type', DOC_TYPES).optional(),
  });
}

const schemas = new Map<string, ReturnType<typeof createHeaderSchema>>();

/** One schema per `today` (building one costs more than using it). */
function schemaFor(today: string): ReturnType<typeof createHeaderSchema> {
  let schema = schemas.get(today);
  if (!schema) {
    schema = createHeaderSchema({ today });
    schemas.set(today, schema);
  }
  return schema;
}

export interface HeaderIssue {
  /** Top-level key the issue is about. */
  key: string;
  message: string;
  /** The key and its value, or undefined (line 1) when the key is missing. */
  place: Span | undefined;
}

/** Validates a doc's header; one issue per offending key, positioned at that key. */
export function validateHeader(doc: DocModel, today: string): HeaderIssue[] {
  const data = headerData(doc);
  const result = schemaFor(today).safeParse(data);
  const seen = new Set<string>();
  const issues: HeaderIssue[] = [];
  if (data.status === 'deprecated' && data.superseded_by === undefined) {
    seen.add('superseded_by');
    issues.push({
      key: 'superseded_by',
      message: 'Missing `superseded_by` for `status: deprecated`, expected a relative link to the replacing doc',
      place: keyPlace(doc, 'status'),
    });
  }
  for (const issue of result.success ? [] : result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (seen.has(key)) continue; // first problem of a key only
    seen.add(key);
    issues.push({ key, message: issue.message, place: keyPlace(doc, key) });
  }
  return issues.sort((a, b) => (a.place?.start.offset ?? -1) - (b.place?.start.offset ?? -1));
}
