import { toString } from 'mdast-util-to-string';
import type { Code, Heading as MdastHeading, Nodes, Parents, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { parseMarkdown, formatOf, markdownOptions, type MarkdownFormat, type MarkdownOptions } from './markdown.js';
import { createHeadingAnchors, headingEntry } from './headings.js';
import { parseFrontMatterYaml, emptyFrontMatter } from './frontmatter.js';
import { createLineIndex, spanOf, startOfDocument, type LineIndex } from './position.js';
import type {
  CodeBlock,
  DocModel,
  FrontMatter,
  HtmlAnchor,
  Link,
  ParseProblem,
  Reference,
  Span,
} from './types.js';

export interface ParseDocOptions {
  /** Path of the document, used for its format (`.md`/`.mdx`) and in the model. */
  path: string;
  /** Full text of the document. */
  text: string;
  /** `markdown.anchors.maintainCase` of the site (default false). */
  anchorsMaintainCase?: boolean;
  /**
   * How the site reads Markdown (`markdown.format`, `mdx1Compat`, remark-math);
   * default {@link DEFAULT_MARKDOWN}: `.md` as CommonMark, `.mdx` as MDX.
   */
  markdown?: Partial<MarkdownOptions>;
}

/**
 * Front matter the way gray-matter reads it for Docusaurus
 * (`parseFrontMatter` of `@docusaurus/utils`): a UTF-8 BOM is stripped;
 * the text opens with `---` not followed by a fourth `-` (the rest of that
 * line names a language, and is ignored); the YAML runs to the first line
 * that starts with `---`, so a closing line of more dashes (`-----`) closes
 * it too. Offsets are in the document's own text (BOM included).
 */
function readFrontMatter(text: string, index: LineIndex, problems: ParseProblem[]): FrontMatter {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom) || text[bom + 3] === '-') return emptyFrontMatter();
  const firstNewline = text.indexOf('\n', bom);
  const close = firstNewline === -1 ? -1 : text.indexOf('\n---', firstNewline);
  if (close === -1) {
    if (firstNewline !== -1) {
      problems.push({
        ruleId: 'yaml-syntax',
        message: 'Unexpected front matter without a closing `---` line, expected the YAML block to end with `---`',
        place: index.span(bom, bom + 3),
      });
    }
    return emptyFrontMatter();
  }
  const rawOffset = firstNewline + 1;
  const raw = text.slice(rawOffset, close).replace(/\r$/, '');
  const parsed = parseFrontMatterYaml(raw, rawOffset, index);
  problems.push(...parsed.problems);
  const lineEnd = text.indexOf('\n', close + 1);
  const end = (lineEnd === -1 ? text.length : lineEnd) - (text[lineEnd - 1] === '\r' ? 1 : 0);
  return {
    present: true,
    raw,
    data: parsed.data,
    keys: parsed.keys,
    span: index.span(0, end),
  };
}

/**
 * Parses one document into the model every part of the handbook shares.
 * Pure: no file system, no Docusaurus runtime. Never throws on bad input:
 * malformed YAML and MDX syntax errors become `problems`. The format is
 * Docusaurus's (`getFormat`: front matter `mdx.format`, then the site's
 * `markdown.format`). A document MDX cannot read is still read as
 * CommonMark for its links, headings and blocks, so one bad paragraph
 * leaves the rest of the file checked; the MDX error is reported.
 */
export function parseDoc({ path, text, anchorsMaintainCase = false, markdown }: ParseDocOptions): DocModel {
  const options = markdownOptions(markdown);
  const head = readHead(path, text, options);
  let tree: Root | null = null;
  let failure: unknown = null;
  let treeFormat = head.format;
  try {
    tree = parseMarkdown(text, head.format, options);
  } catch (error) {
    failure = error;
    treeFormat = 'md';
    try {
      tree = parseMarkdown(text, 'md', options);
    } catch {
      tree = null;
    }
  }
  const model = buildModel({ path, text, anchorsMaintainCase }, head, tree, treeFormat);
  if (failure !== null) model.problems.push(mdxProblem(failure, head.index));
  return model;
}

interface Head {
  index: LineIndex;
  problems: ParseProblem[];
  frontMatter: FrontMatter;
  format: MarkdownFormat;
}

/** The front matter's `mdx.format`, the key Docusaurus's MDX loader reads (`validateMDXFrontMatter(frontMatter.mdx)`). */
function mdxFormatOf(data: Record<string, unknown>): unknown {
  const mdx = data.mdx;
  return mdx !== null && typeof mdx === 'object' ? (mdx as { format?: unknown }).format : undefined;
}

/** The front matter, its problems and the format it decides. */
function readHead(path: string, text: string, options: MarkdownOptions): Head {
  const index = createLineIndex(text);
  const problems: ParseProblem[] = [];
  const frontMatter = readFrontMatter(text, index, problems);
  return { index, problems, frontMatter, format: formatOf(path, { siteFormat: options.format, frontMatterFormat: mdxFormatOf(frontMatter.data) }) };
}

/**
 * The same model from a tree the caller already parsed the site's way: the
 * remark plugin of the checklists reads the tree Docusaurus's MDX loader
 * made of `text` (before its own transforms) instead of parsing it again.
 */
export function docModelFromTree(options: ParseDocOptions & { tree: Root }): DocModel {
  return buildModel(options, readHead(options.path, options.text, markdownOptions(options.markdown)), options.tree);
}

function buildModel({ path, text, anchorsMaintainCase = false }: ParseDocOptions, { index, problems, frontMatter, format }: Head, tree: Root | null, treeFormat: MarkdownFormat = format): DocModel {
  const model: DocModel = {
    path,
    format,
    text,
    frontMatter,
    headings: [],
    links: [],
    references: [],
    htmlAnchors: [],
    codeBlocks: [],
    comments: [],
    embeds: [],
    problems,
  };
  if (!tree) return model;

  collect(tree, model, index, anchorsMaintainCase, treeFormat);
  // The mdast tree rides along for tree-based lint rules (remark-lint's
  // preset), non-enumerable so serialised or cached models do not carry it.
  Object.defineProperty(model, 'tree', { value: tree, enumerable: false, configurable: true });
  if (typeof frontMatter.data.superseded_by === 'string') {
    const key = frontMatter.keys.get('superseded_by');
    model.links.push({
      kind: 'frontmatter',
      url: frontMatter.data.superseded_by,
      place: key?.valueSpan ?? startOfDocument(),
    });
  }
  return model;
}

function mdxProblem(error: unknown, index: LineIndex): ParseProblem {
  const e = error as { reason?: string; message?: string; place?: unknown; line?: number | null; column?: number | null };
  type RawPoint = { line?: number; column?: number; offset?: number };
  const raw = e.place as (RawPoint & { start?: RawPoint }) | undefined;
  const point = raw?.start ?? raw;
  let at = index.point(0);
  if (point && typeof point.offset === 'number') at = index.point(point.offset);
  else if (point?.line) at = { line: point.line, column: point.column ?? 1, offset: 0 };
  else if (e.line) at = { line: e.line, column: e.column ?? 1, offset: 0 };
  else {
    // Some MDX errors (an unclosed tag at the end) carry their place only in the text.
    const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(e.reason ?? e.message ?? '');
    if (inText) at = { line: Number(inText[1]), column: Number(inText[2]), offset: 0 };
  }
  return {
    ruleId: 'mdx-syntax',
    message: `Could not parse MDX: ${e.reason ?? e.message ?? String(error)}`,
    place: { start: at, end: at },
  };
}

const htmlAttribute = /\b(href|src|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const requireCall = /require\(\s*(['"])([^'"]+)\1\s*\)/g;

/**
 * Raw HTML elements (CommonMark) whose `id` the theme registers as an anchor
 * of the page, the ids the build's broken-anchor check sees: in `md` format
 * rehype-raw turns raw HTML into elements the theme's MDX components render,
 * and `a` (Link), `li`, `details` and the h2-h6 headings call
 * `collectAnchor`. Other elements (`div`, `span`) render their `id` but the
 * check does not know it.
 */
const COLLECTED_HTML = new Set(['a', 'li', 'details', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The same in MDX, where JSX written in the document is never swapped for
 * the theme's components, except `<details>` (as a block, renamed to
 * `Details` by the MDX loader's details plugin) and `<Details>` itself.
 */
function collectedJsx(name: string | null, flow: boolean): boolean {
  return name === 'Details' || (flow && name === 'details');
}

const importDeclaration = /\bimport\s+([A-Za-z_$][\w$]*)\s*(?:,\s*\{[^}]*\}\s*)?from\s*(['"])([^'"]+\.mdx?)\2/g;

/** The doc path an import of `source` in `path` names (`./_x.mdx`, `../_x.md`, `@site/docs/_x.mdx`), or null for a package. */
function importedPath(path: string, source: string): string | null {
  let parts: string[];
  if (source.startsWith('@site/')) parts = source.slice('@site/'.length).split('/');
  else if (source.startsWith('./') || source.startsWith('../')) parts = [...path.split('/').slice(0, -1), ...source.split('/')];
  else return null;
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function collect(tree: Root, model: DocModel, index: LineIndex, maintainCase: boolean, treeFormat: MarkdownFormat): void {
  const anchorFor = createHeadingAnchors({ maintainCase });
  let currentSection: number | null = null;
  /** Default imports of Markdown files by local name, and the JSX element names used: a partial is rendered where `<Name />` is. */
  const imports = new Map<string, string>();
  const elementNames = new Set<string>();

  const addHtmlTargets = (value: string, baseOffset: number | undefined, tag: string | null = null): void => {
    if (baseOffset === undefined) return;
    // Skip the attributes of closing tags and comments by scanning tag by tag.
    const tagPattern = /<([a-zA-Z][\w:-]*)\b([^>]*)>/g;
    for (const tagMatch of value.matchAll(tagPattern)) {
      const tagName = (tag ?? tagMatch[1]!).toLowerCase();
      const attributesOffset = tagMatch.index! + 1 + tagMatch[1]!.length;
      for (const attr of tagMatch[2]!.matchAll(htmlAttribute)) {
        const name = attr[1]!.toLowerCase();
        const attrValue = attr[2] ?? attr[3] ?? attr[4] ?? '';
        // `src={require(...)}`: JSX read as CommonMark (an MDX document that failed to parse); its require is not a URL.
        if (attr[4] !== undefined && attrValue.startsWith('{')) continue;
        const start = baseOffset + attributesOffset + attr.index!;
        const place = index.span(start, start + attr[0].length);
        if (name === 'href' || name === 'src') {
          model.links.push({ kind: 'html', url: attrValue, place });
        } else if (name === 'id' || (name === 'name' && tagName === 'a')) {
          model.htmlAnchors.push({ id: attrValue, attribute: name, place, collected: name === 'id' && treeFormat === 'md' && COLLECTED_HTML.has(tagName) });
        }
      }
    }
  };

  const addRequires = (value: string, baseOffset: number | undefined): void => {
    if (baseOffset === undefined) return;
    for (const match of value.matchAll(requireCall)) {
      const start = baseOffset + match.index!;
      model.links.push({ kind: 'require', url: match[2]!, place: index.span(start, start + match[0].length) });
    }
  };

  /**
   * JSX text elements MDX turns into blocks: a paragraph of nothing but JSX
   * (and blanks) is unravelled by @mdx-js/mdx's remark-mark-and-unravel
   * before the site's remark plugins see it (`<details id="x"><summary>...`
   * on one line is then a block `details`).
   */
  const unravelled = new WeakSet<Nodes>();
  const visit = (node: Nodes, parent: Parents | null, indexInParent: number, insideJsx: boolean): void => {
    if (node.type === 'paragraph' && node.children.every((c) => c.type === 'mdxJsxTextElement' || c.type === 'mdxTextExpression' || (c.type === 'text' && /^\s*$/.test(c.value)))) {
      for (const child of node.children) unravelled.add(child);
    }
    switch (node.type) {
      case 'heading': {
        const heading = headingEntry(node.depth, anchorFor(node as MdastHeading), spanOf(node.position));
        model.headings.push(heading);
        if (node.depth <= 2) currentSection = node.depth === 2 ? model.headings.length - 1 : null;
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        model.links.push({
          kind: node.type,
          url: node.url,
          place: spanOf(node.position),
          ...(node.type === 'definition' ? { label: node.label ?? node.identifier } : {}),
        });
        break;
      case 'linkReference':
      case 'imageReference':
        model.references.push({ kind: node.type, label: node.label ?? node.identifier, place: spanOf(node.position) });
        break;
      case 'code':
        model.codeBlocks.push(codeBlock(node, model.text, parent, indexInParent, currentSection, insideJsx));
        return;
      case 'inlineCode':
        return;
      case 'html':
        addHtmlTargets(node.value, node.position?.start.offset);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.name) elementNames.add(node.name);
        const collected = collectedJsx(node.name, node.type === 'mdxJsxFlowElement' || unravelled.has(node));
        for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
          if (attribute.type !== 'mdxJsxAttribute') {
            addRequires(attribute.value, attribute.position?.start.offset);
            continue;
          }
          const name = attribute.name.toLowerCase();
          const place = spanOf(attribute.position ?? node.position);
          if (typeof attribute.value === 'string') {
            if (name === 'href' || name === 'src' || name === 'to') model.links.push({ kind: 'html', url: attribute.value, place });
            else if (name === 'id' || (name === 'name' && node.name === 'a')) model.htmlAnchors.push({ id: attribute.value, attribute: name === 'id' ? 'id' : 'name', place, collected: collected && name === 'id' });
          } else if (attribute.value && typeof attribute.value === 'object') {
            addRequires(attribute.value.value, attribute.value.position?.start.offset ?? attribute.position?.start.offset);
          }
        }
        insideJsx = true;
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const trimmed = node.value.trim();
        if (/^\/\*[\s\S]*\*\/$/.test(trimmed)) {
          model.comments.push({ text: trimmed.slice(2, -2).trim(), place: spanOf(node.position), nextBlock: nextSiblingSpan(parent, indexInParent) });
        } else {
          addRequires(node.value, node.position?.start.offset);
        }
        break;
      }
      case 'mdxjsEsm':
        addRequires(node.value, node.position?.start.offset);
        for (const match of node.value.matchAll(importDeclaration)) imports.set(match[1]!, match[3]!);
        break;
      default: {
        const maybeComment = node as unknown as { type: string; commentValue?: string; position?: Code['position'] };
        if (maybeComment.type === 'comment') {
          model.comments.push({ text: (maybeComment.commentValue ?? '').trim(), place: spanOf(maybeComment.position), nextBlock: nextSiblingSpan(parent, indexInParent) });
        }
      }
    }
    if ('children' in node) {
      node.children.forEach((child, i) => visit(child as Nodes, node as Parents, i, insideJsx));
    }
  };
  visit(tree, null, 0, false);
  for (const [name, source] of imports) {
    const path = elementNames.has(name) ? importedPath(model.path, source) : null;
    if (path !== null && !model.embeds.includes(path)) model.embeds.push(path);
  }
}

function nextSiblingSpan(parent: Parents | null, indexInParent: number): Span | null {
  const next = parent?.children[indexInParent + 1];
  return next?.position ? spanOf(next.position) : null;
}

function codeBlock(node: Code, text: string, parent: Parents | null, indexInParent: number, section: number | null, insideJsx: boolean): CodeBlock {
  const previous = parent && indexInParent > 0 ? (parent.children[indexInParent - 1] as Nodes) : null;
  const precedingText = previous?.type === 'paragraph' ? toString(previous).trim() || null : null;
  const place = spanOf(node.position);
  return {
    lang: node.lang ?? null,
    meta: node.meta ?? null,
    value: node.value,
    place,
    // Indented code has no fence line: its content starts where the node does.
    contentStartLine: /^[ \t]*(?:`{3,}|~{3,})/.test(text.slice(place.start.offset - (place.start.column - 1), place.start.offset + 4 + 3)) ? place.start.line + 1 : place.start.line,
    sectionHeading: section,
    precedingText,
    insideJsx,
  };
}

