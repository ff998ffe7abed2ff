import type { CodeBlock, DocModel, Span } from './types.js';

/**
 * Procedures and their steps: the one extraction shared by the page's
 * checklist, the export, the validator and `handbook run`.
 *
 * A fenced block in bash/sh/shell/zsh/console is a step; its info string
 * carries `title="..."`, `id=...`, `expect="..."`, `time=5m`, `danger` and
 * `skip` beside Docusaurus's own `title="..."`, `{1,3}` and `showLineNumbers`.
 */

export const STEP_LANGS = ['bash', 'sh', 'shell', 'zsh', 'console'] as const;
export type StepLang = (typeof STEP_LANGS)[number];

export interface StepParam {
  name: string;
  description: string;
  default: string | null;
  enum: string[] | null;
  pattern: string | null;
  secret: boolean;
}

export interface Step {
  id: string;
  title: string;
  /**
   * Where the title comes from: the block's `title="..."`, the last sentence
   * of the paragraph right before the block, the command's first `#`
   * comment, or the step's position ("Step N"). With `text` and `comment`
   * the title is on the page already, outside the step's own label (`text`
   * also when `title="..."` repeats that sentence).
   */
  titleFrom: 'meta' | 'text' | 'comment' | 'position';
  /** Text of the h2 the step sits under. */
  section: string | null;
  sectionAnchor: string | null;
  lang: StepLang;
  /** Exactly the text to run (for console blocks: without prompts and output). */
  command: string;
  /** Expected output: a substring, or `/regex/flags`. */
  expect: string | null;
  timeMinutes: number | null;
  danger: boolean;
  /** Line of the opening fence. */
  line: number;
  /** Front matter params the command refers to, in order of first use. */
  params: string[];
  /** 0-based position among the doc's steps. */
  index: number;
}

export interface StepMetaProblem {
  code: 'unknown-meta' | 'duplicate-id' | 'bad-expect-regex' | 'bad-time';
  message: string;
  place: Span;
}

export interface Procedure {
  params: Record<string, StepParam>;
  steps: Step[];
  /** Shell blocks marked `skip`: illustrations, not steps. */
  skipped: CodeBlock[];
  problems: StepMetaProblem[];
}

export interface StepMeta {
  title?: string;
  id?: string;
  expect?: string;
  time?: string;
  danger: boolean;
  skip: boolean;
  /** Keys we do not know, as written. */
  unknown: string[];
  /** Docusaurus's own meta (title, line highlights, showLineNumbers, npm2yarn), for rendering. */
  rest: string;
}

export function isStepLang(lang: string | null): lang is StepLang {
  return lang !== null && (STEP_LANGS as readonly string[]).includes(lang);
}

const metaToken = /\{[^}]*\}|[A-Za-z_][\w-]*(?:=(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s"']*))?|\S+/g;
/** Meta Docusaurus itself reads: the code block's `showLineNumbers`, and `npm2yarn` of its remark plugin (@docusaurus/remark-plugin-npm2yarn), which turns the block into npm/yarn/pnpm tabs. */
const docusaurusMetaKeys = new Set(['title', 'showLineNumbers', 'npm2yarn']);

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
    // Only the quote itself is escaped: backslashes in `expect="/^\d+$/"` stay as written
    // (given the meta as written: see `metaAsWritten`).
    const q = value[0]!;
    return value.slice(1, -1).split('\\' + q).join(q);
  }
  return value;
}

export function parseStepMeta(meta: string | null): StepMeta {
  const result: StepMeta = { danger: false, skip: false, unknown: [], rest: '' };
  const rest: string[] = [];
  for (const [token] of (meta ?? '').matchAll(metaToken)) {
    if (token.startsWith('{')) {
      rest.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const key = eq === -1 ? token : token.slice(0, eq);
    const value = eq === -1 ? undefined : unquote(token.slice(eq + 1));
    switch (key) {
      case 'title':
        if (value !== undefined) result.title = value;
        rest.push(token);
        break;
      case 'id':
        if (value !== undefined) result.id = value;
        break;
      case 'expect':
        if (value !== undefined) result.expect = value;
        break;
      case 'time':
        if (value !== undefined) result.time = value;
        break;
      case 'danger':
        result.danger = true;
        break;
      case 'skip':
        result.skip = true;
        break;
      default:
        if (docusaurusMetaKeys.has(key)) rest.push(token);
        else result.unknown.push(token);
    }
  }
  result.rest = rest.join(' ');
  return result;
}

/** Docusaurus's meta of a step's block without its `title="..."`: the step shows its title itself, once. */
export function metaWithoutTitle(rest: string): string {
  return [...rest.matchAll(metaToken)].map(([token]) => token).filter((token) => !/^title(=|$)/.test(token)).join(' ');
}

/**
 * The meta of a fenced block's info string as written in the source. The
 * parser's `meta` is the info string after CommonMark's backslash escapes and
 * character references: `expect="/^0\|/"` arrives as `/^0|/`, which matches
 * anything. Steps read the opening fence line of the text instead, by the
 * node's offset; null for a block without meta, the parsed meta when the
 * line is not a fence (indented code has no info string).
 */
export function metaAsWritten(text: string, block: CodeBlock): string | null {
  if (block.meta === null) return null;
  const start = block.place.start.offset;
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end === -1 ? undefined : end);
  const fence = /^[ \t]*(?:`{3,}|~{3,})[ \t]*[^\s]+[ \t]+(.*?)[ \t\r]*$/.exec(line);
  return fence ? fence[1]! : block.meta;
}

/** The span of a block's opening fence line as written, where step meta problems are reported. */
function fenceSpan(text: string, block: CodeBlock): Span {
  const start = block.place.start;
  const end = text.indexOf('\n', start.offset);
  const length = text.slice(start.offset, end === -1 ? undefined : end).replace(/[ \t\r]+$/, '').length;
  return { start, end: { line: start.line, column: start.column + length, offset: start.offset + length } };
}

/** `/regex/flags` or a plain substring. */
export function parseExpect(expect: string): { kind: 'substring'; text: string } | { kind: 'regex'; regex: RegExp } {
  const match = /^\/(.*)\/([dgimsuvy]*)$/s.exec(expect);
  if (match) return { kind: 'regex', regex: new RegExp(match[1]!, match[2]!.replace('g', '')) };
  return { kind: 'substring', text: expect };
}

export function matchesExpect(expect: string, output: string): boolean {
  const parsed = parseExpect(expect);
  return parsed.kind === 'regex' ? parsed.regex.test(output) : output.includes(parsed.text);
}

/** `30s`, `5m`, `1.5h` -> minutes; null when malformed. */
export function parseDuration(time: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(time.trim());
  if (!match) return null;
  const n = Number(match[1]);
  return match[2] === 's' ? n / 60 : match[2] === 'h' ? n * 60 : n;
}

/** Splits a console transcript: `$ ` lines (with `\` continuations) are the command, the rest output. */
export function splitConsole(value: string): { command: string; output: string } {
  const lines = value.split('\n');
  if (!lines.some((l) => /^\s*\$ /.test(l) || /^\s*\$$/.test(l))) return { command: value, output: '' };
  const commands: string[] = [];
  const output: string[] = [];
  let continuing = false;
  for (const line of lines) {
    if (continuing) {
      // A transcript shows continuation lines after the `> ` secondary prompt.
      commands.push(line.replace(/^\s*> ?/, ''));
      continuing = line.endsWith('\\');
    } else if (/^\s*\$( |$)/.test(line)) {
      const command = line.replace(/^\s*\$ ?/, '');
      commands.push(command);
      continuing = command.endsWith('\\');
    } else {
      output.push(line);
    }
  }
  return { command: commands.join('\n'), output: output.join('\n').trim() };
}

function params(frontMatter: Record<string, unknown>): Record<string, StepParam> {
  const raw = frontMatter.params;
  const result: Record<string, StepParam> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return result;
  for (const [name, spec] of Object.entries(raw as Record<string, unknown>)) {
    const s = spec && typeof spec === 'object' && !Array.isArray(spec) ? (spec as Record<string, unknown>) : {};
    result[name] = {
      name,
      description: typeof s.description === 'string' ? s.description : '',
      default: s.default === undefined || s.default === null ? null : String(s.default),
      enum: Array.isArray(s.enum) ? s.enum.map(String) : null,
      pattern: typeof s.pattern === 'string' ? s.pattern : null,
      secret: s.secret === true,
    };
  }
  return result;
}

/**
 * The forms of a parameter reference that make it a step's parameter (asked
 * for and set by `handbook run`, offered by the page): `$NAME`, `${NAME}`,
 * and the guards `${NAME:?message}` and `${NAME?message}`, with which the
 * shell stops when the value is empty or unset.
 */
export const paramReference = /\$\{([A-Za-z_]\w*)(:?\?[^}]*)?\}|\$([A-Za-z_]\w*)/g;

/** Names of `${NAME}` / `$NAME` / `${NAME:?...}` references in a command that are declared params. */
export function paramsUsed(command: string, declared: Iterable<string>): string[] {
  const names = new Set(declared);
  const used: string[] = [];
  for (const match of command.matchAll(paramReference)) {
    const name = match[1] ?? match[3]!;
    if (names.has(name) && !used.includes(name)) used.push(name);
  }
  return used;
}

function lastSentence(paragraph: string): string {
  const sentences = paragraph.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+(?=[A-Z0-9`"'(])/);
  return (sentences.at(-1) ?? '').replace(/[:.]+$/, '').trim();
}

function firstComment(command: string): string | null {
  for (const line of command.split('\n')) {
    const match = /^\s*#(?!!)\s*(.+)$/.exec(line);
    if (match) return match[1]!.trim();
  }
  return null;
}

/** A stable id from a title: lowercase ASCII words joined by hyphens. */
export function idFromTitle(title: string): string {
  const id = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return id || 'step';
}

/** Whether only blank lines separate two positions of the text. */
function adjacent(text: string, endOffset: number, startOffset: number): boolean {
  return /^\s*$/.test(text.slice(endOffset, startOffset));
}

export function extractProcedure(doc: DocModel): Procedure {
  const declared = params(doc.frontMatter.data);
  const steps: Step[] = [];
  const skipped: CodeBlock[] = [];
  const problems: StepMetaProblem[] = [];
  const usedIds = new Map<string, Step>();
  let previousStep: { step: Step; block: CodeBlock; hasExpect: boolean } | null = null;

  for (const block of doc.codeBlocks) {
    const lang = block.lang?.toLowerCase() ?? null;
    if ((lang === 'text' || lang === 'output') && previousStep && !previousStep.hasExpect && adjacent(doc.text, previousStep.block.place.end.offset, block.place.start.offset)) {
      previousStep.step.expect = block.value.trim() || null;
      previousStep.hasExpect = previousStep.step.expect !== null;
      previousStep = null;
      continue;
    }
    previousStep = null;
    if (!isStepLang(lang)) continue;
    const meta = parseStepMeta(metaAsWritten(doc.text, block));
    if (meta.skip) {
      skipped.push(block);
      continue;
    }
    const fence = fenceSpan(doc.text, block);
    for (const token of meta.unknown) {
      problems.push({
        code: 'unknown-meta',
        message: `Unexpected step meta \`${token}\`, expected one of \`title="..."\`, \`id=...\`, \`expect="..."\`, \`time=5m\`, \`danger\`, \`skip\``,
        place: fence,
      });
    }
    const { command, output } = lang === 'console' ? splitConsole(block.value) : { command: block.value, output: '' };
    const section = block.sectionHeading === null ? null : doc.headings[block.sectionHeading]!;
    const candidates: [Step['titleFrom'], string][] = [
      ['meta', meta.title?.trim() ?? ''],
      ['text', block.precedingText ? lastSentence(block.precedingText) : ''],
      ['comment', firstComment(command) ?? ''],
      ['position', `Step ${steps.length + 1}`],
    ];
    const [from, title] = candidates.find(([, text]) => text !== '')!;
    // A `title="..."` that says what the sentence above the block says is that sentence.
    const titleFrom = from === 'meta' && title.toLowerCase() === candidates[1]![1].toLowerCase() ? 'text' : from;

    let id = meta.id ?? idFromTitle(title);
    if (usedIds.has(id)) {
      if (meta.id !== undefined) {
        problems.push({
          code: 'duplicate-id',
          message: `Unexpected duplicate step id \`${id}\`, expected ids unique in the doc (first used at line ${usedIds.get(id)!.line})`,
          place: fence,
        });
      }
      let n = 2;
      while (usedIds.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }

    let timeMinutes: number | null = null;
    if (meta.time !== undefined) {
      timeMinutes = parseDuration(meta.time);
      if (timeMinutes === null) {
        problems.push({ code: 'bad-time', message: `Unexpected time \`${meta.time}\`, expected a number with s, m or h, like \`time=5m\``, place: fence });
      }
    }

    const expect = meta.expect ?? (output || null);
    if (meta.expect !== undefined) {
      try {
        parseExpect(meta.expect);
      } catch (error) {
        problems.push({ code: 'bad-expect-regex', message: `Unexpected expect regex \`${meta.expect}\` that does not compile (${(error as Error).message}), expected a valid JavaScript regular expression`, place: fence });
      }
    }

    const step: Step = {
      id,
      title,
      titleFrom,
      section: section?.text ?? null,
      sectionAnchor: section?.anchor ?? null,
      lang,
      command,
      expect,
      timeMinutes,
      danger: meta.danger,
      line: block.place.start.line,
      params: paramsUsed(command, Object.keys(declared)),
      index: steps.length,
    };
    usedIds.set(id, step);
    steps.push(step);
    previousStep = { step, block, hasExpect: expect !== null };
  }
  return { params: declared, steps, skipped, problems };
}
