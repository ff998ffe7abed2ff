import * as z from 'zod';
import { parseJson } from './json.js';
import { closest } from './suggest.js';
import { rules as allRules } from './rules/index.js';
import type { Rule } from './rules/types.js';

/** What a config file may say about a rule: silence it, or report it as a warning or an error. */
export const RULE_SETTINGS = ['off', 'warning', 'error'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

/** The config file's name, looked up at the root of the checked folder. */
export const CONFIG_FILE = 'handbook.config.json';

/**
 * Why `glob` is not a usable glob relative to the config file's folder, or
 * null when it is: not empty, relative, inside the folder, its `{}` and `[]` balanced.
 */
export function globProblem(glob: string): string | null {
  if (glob.trim() === '') return 'a non-empty glob';
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob) || glob.split(/[\\/]/).includes('..')) return 'a glob relative to the folder of the config file, inside it';
  const closing: Record<string, string> = { '{': '}', '[': ']' };
  const open: string[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\') i++;
    else if (c === '{' || c === '[') open.push(closing[c]!);
    else if ((c === '}' || c === ']') && open.pop() !== c) return `a glob with balanced \`{}\` and \`[]\` (\`${c}\` closes nothing)`;
  }
  if (open.length > 0) return `a glob with balanced \`{}\` and \`[]\` (\`${open.at(-1)}\` missing)`;
  return null;
}

/**
 * `handbook.config.json`: the one configuration of the CLI and the
 * Docusaurus build plugins (lib/config.ts loads it). Published for editors
 * as `handbook.config.schema.json` (`npx tsx scripts/config-schema.ts`).
 */
export const handbookConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors: handbook.config.schema.json of the handbook, by path or URL.'),
    docs: z.string().min(1).default('docs').describe('The docs folder, relative to this file (the docs plugin\'s `path`).'),
    routeBasePath: z.string().default('docs').describe('The URL path of the docs on the site (the docs plugin\'s `routeBasePath`).'),
    format: z
      .enum(['md', 'mdx', 'detect'])
      .default('detect')
      .describe('How Markdown is read when the folder is not a Docusaurus site (or its config cannot be loaded), as Docusaurus\'s `markdown.format`: `mdx` reads every file as MDX, `md` as CommonMark, `detect` (default) `.mdx` as MDX and the rest as CommonMark. A Docusaurus site\'s own `markdown.format` wins.'),
    siteUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('The published site\'s URL with its base path, e.g. https://handbook.example.com/ops/.'),
    rules: z
      .record(z.string().regex(/^(\*|[a-z0-9][a-z0-9-]*\*?)$/), z.enum(RULE_SETTINGS))
      .default({})
      .describe('Severity of rules by id; a trailing `*` matches a family ("header-*": "off"). An exact id wins over a family, a longer family over a shorter one.'),
    alerts: z
      .array(
        z.string().superRefine((glob, ctx) => {
          const problem = globProblem(glob);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      )
      .default([])
      .describe('Globs of alert rule files, relative to this file.'),
  })
  .meta({ title: 'handbook.config.json', description: 'Configuration of `handbook check` and the handbook\'s Docusaurus plugins.' });

/** The resolved configuration: every default filled in, `routeBasePath` with one leading slash. */
export interface HandbookConfig {
  /** The file it was read from, relative to the checked folder; null when there was none (all defaults). */
  file: string | null;
  docs: string;
  routeBasePath: string;
  /** Markdown format without a loadable Docusaurus config (`markdown.format`'s values). */
  format: 'md' | 'mdx' | 'detect';
  siteUrl: string | null;
  rules: Readonly<Record<string, RuleSetting>>;
  alerts: readonly string[];
}

/** A positioned complaint about a config file, worded "Unexpected X, expected Y". */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

/** Every rule id `handbook check` reports under: its rules, the ids their findings carry, and the parser's. */
export function knownRuleIds(rules: readonly Pick<Rule, 'id' | 'reports'>[] = allRules): string[] {
  return [...new Set([...rules.flatMap((r) => [r.id, ...(r.reports ?? [])]), 'yaml-syntax', 'mdx-syntax'])].sort();
}

/** `/docs`, `docs/`, `docs` -> `/docs`; `/` and `` -> `/`. */
export function normaliseRouteBasePath(path: string): string {
  return '/' + path.replace(/^\/+|\/+$/g, '');
}

const describeValue = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value === 'string' ? `\`${JSON.stringify(value)}\`` : `\`${String(value)}\``;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[String(key)] : undefined;
  return at;
}

/**
 * Validates the text of a config file: JSON syntax, the schema, and rule
 * ids that exist (with "did you mean"). Returns the resolved configuration,
 * or every problem with its line and column.
 */
export function validateConfig(text: string, { file, ruleIds = knownRuleIds() }: { file: string | null; ruleIds?: readonly string[] }): { ok: true; config: HandbookConfig } | { ok: false; problems: ConfigProblem[] } {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [{ line: parsed.line, column: parsed.column, message: parsed.message }] };
  const result = handbookConfigSchema.safeParse(parsed.value);
  const problems: ConfigProblem[] = [];
  const at = (path: readonly PropertyKey[], what: 'key' | 'value', message: string) => problems.push({ ...parsed.pointOf(path.map((k) => (typeof k === 'number' ? k : String(k))), what), message });
  if (!result.success) {
    const keys = Object.keys(handbookConfigSchema.shape);
    for (const issue of result.error.issues) {
      const value = valueAt(parsed.value, issue.path);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const guess = closest(key, keys);
          at([...issue.path, key], 'key', `Unexpected key \`${key}\`, expected one of ${keys.map((k) => `\`${k}\``).join(', ')}${guess ? ` (did you mean \`${guess}\`?)` : ''}`);
        }
      } else if (issue.code === 'invalid_value') {
        at(issue.path, 'value', `Unexpected ${describeValue(value)}, expected one of ${issue.values.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}`);
      } else if (issue.code === 'invalid_type') {
        at(issue.path, 'value', `Unexpected ${describeValue(value)}, expected ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}`);
      } else if (issue.code === 'invalid_key') {
        at(issue.path, 'key', `Unexpected rule id \`${String(issue.path.at(-1))}\`, expected a rule id in kebab case, optionally ending in \`*\` for a family`);
      } else if (issue.code === 'invalid_format' && issue.format === 'url') {
        at(issue.path, 'value', `Unexpected ${describeValue(value)}, expected an http(s) URL such as \`https://handbook.example.com/\``);
      } else if (issue.code === 'too_small') {
        at(issue.path, 'value', `Unexpected empty string, expected a folder`);
      } else {
        at(issue.path, 'value', `Unexpected ${describeValue(value)}, expected ${issue.message}`);
      }
    }
  }
  const rawRules = valueAt(parsed.value, ['rules']);
  for (const id of rawRules !== null && typeof rawRules === 'object' && !Array.isArray(rawRules) ? Object.keys(rawRules) : []) {
    if (!/^(\*|[a-z0-9][a-z0-9-]*\*?)$/.test(id)) continue; // the schema said so
    const family = id.endsWith('*') ? id.slice(0, -1) : null;
    const known = family === null ? ruleIds.includes(id) : ruleIds.some((r) => r.startsWith(family));
    if (known) continue;
    const guess = family === null ? closest(id, ruleIds) : closest(family, [...new Set(ruleIds.map((r) => r.slice(0, r.indexOf('-') + 1)).filter(Boolean))]);
    at(['rules', id], 'key', `Unexpected ${family === null ? 'rule id' : 'rule family'} \`${id}\`, expected ${family === null ? 'a rule of `handbook check`' : 'a prefix of rule ids of `handbook check`'}${guess ? ` (did you mean \`${family === null ? guess : guess + '*'}\`?)` : ''}`);
  }
  if (!result.success || problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const config = result.data;
  return {
    ok: true,
    config: {
      file,
      docs: config.docs,
      routeBasePath: normaliseRouteBasePath(config.routeBasePath),
      format: config.format,
      siteUrl: config.siteUrl ?? null,
      rules: config.rules,
      alerts: config.alerts,
    },
  };
}

const sortProblems = (problems: ConfigProblem[]) => problems.sort((a, b) => a.line - b.line || a.column - b.column);

/** The configuration of a folder without a config file. */
export function defaultConfig(): HandbookConfig {
  return { file: null, docs: 'docs', routeBasePath: '/docs', format: 'detect', siteUrl: null, rules: {}, alerts: [] };
}

/**
 * The setting for a finding of rule `ruleId` (reported by rule `parentId`
 * when a rule reports under several ids): an exact id first, then the
 * longest family (`header-*`) that matches it, then the same for the
 * parent; undefined when the configuration says nothing.
 */
export function ruleSettingOf(settings: Readonly<Record<string, RuleSetting>>, ruleId: string, parentId?: string): RuleSetting | undefined {
  for (const id of parentId === undefined || parentId === ruleId ? [ruleId] : [ruleId, parentId]) {
    if (Object.hasOwn(settings, id)) return settings[id];
    let best: string | undefined;
    for (const pattern of Object.keys(settings)) {
      if (pattern.endsWith('*') && id.startsWith(pattern.slice(0, -1)) && (best === undefined || pattern.length > best.length)) best = pattern;
    }
    if (best !== undefined) return settings[best];
  }
  return undefined;
}
