import { createHeadingAnchors, headingEntry } from './headings.js';
import { parseMarkdown } from './markdown.js';
import { emptyFrontMatter, parseFrontMatterYaml } from './frontmatter.js';
import { parseDoc, type ParseDocOptions } from './parse.js';
import { createLineIndex, type LineIndex } from './position.js';
import type { Heading as MdastHeading, PhrasingContent } from 'mdast';
import type { CodeBlock, DocModel, Link, ParseProblem } from './types.js';

/**
 * The same `DocModel` as {@link parseDoc}, fast: a line scanner that reads
 * the plain subset of CommonMark most runbooks are written in (ATX headings,
 * paragraphs, flat lists, fenced code, inline links/images/code spans) and
 * hands every document with anything else to `parseDoc` itself: raw HTML,
 * comments, MDX, definitions, tables, block quotes, indentation, escapes,
 * entities, directives, autolink literals, emphasis in headings...
 *
 * It is not a second meaning of Markdown: whenever it returns a model, that
 * model deep-equals `parseDoc`'s, which tests/core/fast-parse.test.ts proves
 * on every fixture, the synthetic benchmark corpus and the real corpora.
 */
export function parseDocFast(options: ParseDocOptions): DocModel {
  return scan(options) ?? parseDoc(options);
}

/** How many docs took the fast path (for the benchmark). */
export const fastParseStats = { fast: 0, full: 0 };

/** The fast model, or null when the document has anything outside the plain subset. */
export function scan({ path, text, anchorsMaintainCase = false }: ParseDocOptions): DocModel | null {
  if (!/\.md$/i.test(path) || text.includes('\r') || text.includes('\0')) return fail();
  const index = createLineIndex(text);
  const problems: ParseProblem[] = [];
  let bodyStart = 0;
  if (text.startsWith('---')) {
    // Only a plain `---` fence pair: then gray-matter and remark-frontmatter agree on the block.
    if (!/^---\n/.test(text)) return fail();
    const close = text.indexOf('\n---', 3);
    if (close === -1) return fail();
    const after = close + 4;
    if (after < text.length && text[after] !== '\n') return fail();
    bodyStart = after < text.length ? after + 1 : after;
  }
  // The front matter as parseDoc's readFrontMatter reads it, for the one shape accepted above (plain `---` fences).
  let frontMatter = emptyFrontMatter();
  if (bodyStart > 0) {
    const close = text.indexOf('\n---', 3);
    const raw = close <= 4 ? '' : text.slice(4, close);
    const parsed = parseFrontMatterYaml(raw, 4, index);
    if (parsed.problems.length > 0) return fail();
    const blockEnd = text[bodyStart - 1] === '\n' ? bodyStart - 1 : bodyStart;
    frontMatter = { present: true, raw, data: parsed.data, keys: parsed.keys, span: index.span(0, blockEnd) };
  }

  const model: DocModel = { path, format: 'md', text, frontMatter, headings: [], links: [], references: [], htmlAnchors: [], codeBlocks: [], comments: [], problems };
  // Tree-based rules read the mdast tree; it is parsed only if one asks.
  let tree: unknown;
  Object.defineProperty(model, 'tree', { get: () => (tree ??= parseMarkdown(text, 'md')), enumerable: false, configurable: true });
  const anchorFor = createHeadingAnchors({ maintainCase: anchorsMaintainCase });
  let section: number | null = null;

  // Block state.
  type Block = { kind: 'paragraph' | 'list'; start: number; end: number; spans: LinkSpan[] } | { kind: 'heading' | 'code' };
  let open: { kind: 'paragraph' | 'list'; start: number; end: number; lines: number } | null = null;
  let previous: Block | null = null;
  /** Paragraph text, kept for a code block that directly follows. */
  const closeOpen = (): boolean => {
    if (!open) return true;
    const spans = inlines(text, open.start, open.end, model, index);
    if (!spans) return false;
    previous = { kind: open.kind, start: open.start, end: open.end, spans };
    open = null;
    return true;
  };

  let at = bodyStart;
  while (at < text.length) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(at, lineEnd);
    const next = lineEnd + 1;

    if (/^ *$/.test(line)) {
      if (line.length > 0) return fail();
      if (!closeOpen()) return fail();
      at = next;
      continue;
    }
    const first = line.charCodeAt(0);
    if (first === 32 || line.includes('\t') || / $/.test(line)) return fail();

    const fence = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      const info = fence[2]!;
      if (fence[1]![0] === '`' && info.includes('`')) return fail();
      if (/[\\&]/.test(info)) return fail();
      const openParagraph = open?.kind === 'paragraph';
      const afterList = open?.kind === 'list';
      if (!closeOpen()) return fail();
      const last = previous as Block | null;
      const previousParagraph = (openParagraph || (!afterList && last?.kind === 'paragraph')) && last?.kind === 'paragraph' ? last : null;
      // Find the closing fence: same character, at least as long, nothing after but spaces.
      const closing = new RegExp(`^${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},} *$`);
      let contentAt = next;
      const content: string[] = [];
      let closedAt = -1;
      let closeEnd = -1;
      while (contentAt <= text.length) {
        let end = text.indexOf('\n', contentAt);
        if (end === -1) end = text.length;
        const contentLine = text.slice(contentAt, end);
        if (closing.test(contentLine)) {
          closedAt = contentAt;
          closeEnd = end;
          break;
        }
        // An indented fence-like line could close or not depending on indentation rules: leave it to the full parser.
        if (/^ {1,3}(?:`{3,}|~{3,})/.test(contentLine)) return fail();
        content.push(contentLine);
        if (end >= text.length) break;
        contentAt = end + 1;
      }
      if (closedAt === -1) return fail();
      const trimmedInfo = info.trim();
      const langMatch = /^(\S+)(?:\s+([\s\S]*))?$/.exec(trimmedInfo);
      const place = index.span(at, closeEnd);
      const precedingText = !afterList && previousParagraph ? paragraphText(text, previousParagraph.start, previousParagraph.end, previousParagraph.spans) : null;
      if (precedingText === undefined) return fail();
      const block: CodeBlock = {
        lang: langMatch ? langMatch[1]! : null,
        meta: langMatch?.[2]?.trim() ? langMatch[2].trim() : null,
        value: content.join('\n'),
        place,
        contentStartLine: place.start.line + 1,
        sectionHeading: section,
        precedingText: previousParagraph && !afterList ? precedingText : null,
        insideJsx: false,
      };
      model.codeBlocks.push(block);
      previous = { kind: 'code' };
      at = closeEnd + 1;
      continue;
    }

    const heading = /^(#{1,6})(?: (.*))?$/.exec(line);
    if (heading || (first === 35 /* # */ && /^#{1,6}$/.test(line))) {
      if (!heading || heading[2] === undefined || /#\s*$/.test(heading[2]) || /^\s|\s$/.test(heading[2])) return fail();
      if (!closeOpen()) return fail();
      const contentStart = at + heading[1]!.length + 1;
      const node = headingNode(text, contentStart, lineEnd, heading[1]!.length as MdastHeading['depth']);
      if (!node) return fail();
      const entry = headingEntry(node.depth, anchorFor(node), index.span(at, lineEnd));
      model.headings.push(entry);
      if (node.depth <= 2) section = node.depth === 2 ? model.headings.length - 1 : null;
      previous = { kind: 'heading' };
      at = next;
      continue;
    }

    // Anything else that opens a block other than a paragraph or a flat list item goes to the full parser.
    if (/^[>|<:=_*+]/.test(line) || /^-(?:-|\s*$)/.test(line) || /^\d+[.)]\s*$/.test(line)) return fail();
    // A line starting with `[` may be a reference definition, except where a definition cannot be: inside a paragraph, or a link.
    if (first === 91 && !open && !/^\[[^\]]*\]\(/.test(line)) return fail();
    const item = /^(?:- |\d{1,9}[.)] )/.exec(line);
    if (item) {
      // A list item: one line of inline content, continued lazily by plain lines.
      if (open?.kind === 'paragraph') return fail();
      if (open?.kind === 'list' && !closeOpen()) return fail();
      if (/^ /.test(line.slice(item[0].length))) return fail();
      open = { kind: 'list', start: at + item[0].length, end: lineEnd, lines: 1 };
      at = next;
      continue;
    }
    if (open) {
      open.end = lineEnd;
      open.lines++;
    } else {
      open = { kind: 'paragraph', start: at, end: lineEnd, lines: 1 };
    }
    at = next;
  }
  if (!closeOpen()) return fail();

  if (typeof frontMatter.data.superseded_by === 'string') {
    const key = frontMatter.keys.get('superseded_by');
    if (!key) return fail();
    model.links.push({ kind: 'frontmatter', url: frontMatter.data.superseded_by, place: key.valueSpan });
  }
  fastParseStats.fast++;
  return model;
}

function fail(): null {
  fastParseStats.full++;
  return null;
}

/** Characters that may start something the scanner does not model, in inline content. */
const unsupportedInline = /[<>\\&|]|\[\^|:[A-Za-z]|www\.|@|:\/\/|~/;

/** One code span or plain text run of an inline segment. */
type Piece = { code: false; start: number; end: number } | { code: true; start: number; end: number; value: string };

/** Splits `text[start, end)` into code spans and the rest, as CommonMark does. */
function codeSpans(text: string, start: number, end: number): Piece[] | null {
  const pieces: Piece[] = [];
  let plainStart = start;
  let i = start;
  while (i < end) {
    if (text.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    let run = i;
    while (run < end && text.charCodeAt(run) === 96) run++;
    const length = run - i;
    // Find a closing run of exactly the same length.
    let j = run;
    let close = -1;
    while (j < end) {
      if (text.charCodeAt(j) !== 96) {
        j++;
        continue;
      }
      let k = j;
      while (k < end && text.charCodeAt(k) === 96) k++;
      if (k - j === length) {
        close = j;
        break;
      }
      j = k;
    }
    if (close === -1) {
      i = run; // literal backticks
      continue;
    }
    if (i > plainStart) pieces.push({ code: false, start: plainStart, end: i });
    let value = text.slice(run, close).replace(/\n/g, ' ');
    if (value.length >= 2 && value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value)) value = value.slice(1, -1);
    pieces.push({ code: true, start: i, end: close + length, value });
    i = close + length;
    plainStart = i;
  }
  if (plainStart < end) pieces.push({ code: false, start: plainStart, end });
  return pieces;
}

/** The mdast heading for `text[start, end)` when it is plain text and code spans, else null. */
function headingNode(text: string, start: number, end: number, depth: MdastHeading['depth']): MdastHeading | null {
  const pieces = codeSpans(text, start, end);
  if (!pieces) return null;
  const children: PhrasingContent[] = [];
  for (const piece of pieces) {
    if (piece.code) children.push({ type: 'inlineCode', value: piece.value });
    else {
      const value = text.slice(piece.start, piece.end);
      if (unsupportedInline.test(value) || /[*_[\]!{}]/.test(value.replace(/\s*\{#[^{}]+\}$/, ''))) return null;
      children.push({ type: 'text', value });
    }
  }
  return { type: 'heading', depth, children };
}

/** The plain text of a paragraph (mdast-util-to-string), or undefined when it has markup the scanner does not model. */
function paragraphText(text: string, start: number, end: number, spans: LinkSpan[]): string | null | undefined {
  const pieces = codeSpans(text, start, end);
  if (!pieces) return undefined;
  let out = '';
  // Link syntax drops out of the text: `[text](url)` -> `text`, `![alt](src)` -> `alt`.
  const dropped: [number, number][] = [];
  for (const span of spans) dropped.push([span.start, span.textStart], [span.textEnd, span.end]);
  dropped.sort((a, b) => a[0] - b[0]);
  const keep = (from: number, to: number): string | undefined => {
    let value = '';
    let at = from;
    for (const [a, b] of dropped) {
      if (b <= at || a >= to) continue;
      value += text.slice(at, Math.max(at, a));
      at = Math.max(at, b);
    }
    value += text.slice(at, to);
    return /[*_[\]!]/.test(value) ? undefined : value;
  };
  for (const piece of pieces) {
    if (piece.code) {
      // A code span inside link syntax would be dropped with it; leave that to the full parser.
      if (dropped.some(([a, b]) => piece.start < b && piece.end > a)) return undefined;
      out += piece.value;
    } else {
      const value = keep(piece.start, piece.end);
      if (value === undefined) return undefined;
      out += value;
    }
  }
  return out.trim() || null;
}

/** Where a link or image is written: the whole syntax and its text (label or alt). */
interface LinkSpan {
  start: number;
  end: number;
  textStart: number;
  textEnd: number;
}

/**
 * Links and images of an inline segment, with the CommonMark bracket
 * algorithm (inner links first, no link inside a link, images may hold
 * links), code spans atomic. False when the segment has anything else.
 */
function inlines(text: string, start: number, end: number, model: DocModel, index: LineIndex): LinkSpan[] | null {
  const pieces = codeSpans(text, start, end);
  if (!pieces) return null;
  const found: Link[] = [];
  const spans: LinkSpan[] = [];
  const openers: { at: number; image: boolean; active: boolean }[] = [];
  for (const piece of pieces) {
    if (piece.code) continue;
    const segment = text.slice(piece.start, piece.end);
    if (unsupportedInline.test(segment)) return null;
    if (!segment.includes('[') && !segment.includes(']')) continue;
    for (let i = piece.start; i < piece.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 91 /* [ */) {
        openers.push({ at: text.charCodeAt(i - 1) === 33 && i - 1 >= start ? i - 1 : i, image: text.charCodeAt(i - 1) === 33 && i - 1 >= start, active: true });
      } else if (c === 93 /* ] */) {
        const opener = openers.pop();
        if (!opener) continue;
        if (!opener.active) continue;
        if (text.charCodeAt(i + 1) !== 40 /* ( */) {
          if (text.charCodeAt(i + 1) === 91) return null; // `[x][y]`: leave references to the full parser
          continue;
        }
        const destination = parseDestination(text, i + 2, piece.end);
        if (destination === undefined) return null;
        if (destination === null) continue;
        found.push({ kind: opener.image ? 'image' : 'link', url: destination.url, place: index.span(opener.at, destination.end) });
        spans.push({ start: opener.at, end: destination.end, textStart: opener.at + (opener.image ? 2 : 1), textEnd: i });
        if (!opener.image) for (const o of openers) if (!o.image) o.active = false;
        // An image's description is plain alt text in mdast: links inside it are not links.
        if (opener.image) {
          for (let k = found.length - 2; k >= 0; k--) if (found[k]!.place.start.offset > opener.at) found.splice(k, 1);
        }
        i = destination.end - 1;
      }
    }
  }
  found.sort((a, b) => a.place.start.offset - b.place.start.offset);
  model.links.push(...found);
  return spans;
}

/**
 * `(url "title")` after `](`, starting at `at`: the URL and the offset after
 * `)`; null when it is not a link destination (then the brackets are text);
 * undefined when the destination has syntax the scanner leaves to the full parser.
 */
function parseDestination(text: string, at: number, limit: number): { url: string; end: number } | null | undefined {
  let i = at;
  while (i < limit && text[i] === ' ') i++;
  if (text[i] === '\n') return undefined;
  const urlStart = i;
  let depth = 0;
  while (i < limit) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (c === ' ' || c === '\n' || c === '`' || c === '"' || c === "'") break;
    i++;
  }
  const url = text.slice(urlStart, i);
  if (depth !== 0) return undefined;
  while (i < limit && text[i] === ' ') i++;
  if (text[i] === ')') return { url, end: i + 1 };
  if (text[i] === '"' && url !== '') {
    const close = text.indexOf('"', i + 1);
    if (close === -1 || close >= limit || text.slice(i + 1, close).includes('\n')) return undefined;
    let j = close + 1;
    while (j < limit && text[j] === ' ') j++;
    if (text[j] === ')') return { url, end: j + 1 };
  }
  return undefined;
}
