import { toString } from 'mdast-util-to-string';
import type { Code, Heading as MdastHeading, Nodes, Parents, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { parseMarkdown, formatOf } from './markdown.js';
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
}

/**
 * Front matter the way gray-matter (Docusaurus) finds it: `---` on the very
 * first line, closed by a `---` line.
 */
const frontMatterFence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

function readFrontMatter(text: string, index: LineIndex, problems: ParseProblem[]): FrontMatter {
  if (!text.startsWith('---')) return emptyFrontMatter();
  const match = frontMatterFence.exec(text);
  if (!match || match.index !== 0) {
    if (/^---[ \t]*\r?\n/.test(text)) {
      problems.push({
        ruleId: 'yaml-syntax',
        message: 'Unexpected front matter without a closing `---` line, expected the YAML block to end with `---`',
        place: index.span(0, 3),
      });
    }
    return emptyFrontMatter();
  }
  const raw = match[1] ?? '';
  const rawOffset = text.indexOf('\n') + 1;
  const parsed = parseFrontMatterYaml(raw, rawOffset, index);
  problems.push(...parsed.problems);
  return {
    present: true,
    raw,
    data: parsed.data,
    keys: parsed.keys,
    span: index.span(0, match[0].replace(/\r?\n$/, '').length),
  };
}

/**
 * Parses one document into the model every part of the handbook shares.
 * Pure: no file system, no Docusaurus runtime. Never throws on bad input:
 * malformed YAML and MDX syntax errors become `problems`.
 */
export function parseDoc({ path, text, anchorsMaintainCase = false }: ParseDocOptions): DocModel {
  let tree: Root | null = null;
  let failure: unknown = null;
  try {
    tree = parseMarkdown(text, formatOf(path));
  } catch (error) {
    failure = error;
  }
  const model = buildModel({ path, text, anchorsMaintainCase }, tree);
  if (failure !== null) model.problems.push(mdxProblem(failure, createLineIndex(text)));
  return model;
}

/**
 * The same model from a tree the caller already parsed the site's way: the
 * remark plugin of the checklists reads the tree Docusaurus's MDX loader
 * made of `text` (before its own transforms) instead of parsing it again.
 */
export function docModelFromTree(options: ParseDocOptions & { tree: Root }): DocModel {
  return buildModel(options, options.tree);
}

function buildModel({ path, text, anchorsMaintainCase = false }: ParseDocOptions, tree: Root | null): DocModel {
  const format = formatOf(path);
  const index = createLineIndex(text);
  const problems: ParseProblem[] = [];
  const frontMatter = readFrontMatter(text, index, problems);

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
    problems,
  };
  if (!tree) return model;

  collect(tree, model, index, anchorsMaintainCase);
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

function collect(tree: Root, model: DocModel, index: LineIndex, maintainCase: boolean): void {
  const anchorFor = createHeadingAnchors({ maintainCase });
  let currentSection: number | null = null;

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
        const start = baseOffset + attributesOffset + attr.index!;
        const place = index.span(start, start + attr[0].length);
        if (name === 'href' || name === 'src') {
          model.links.push({ kind: 'html', url: attrValue, place });
        } else if (name === 'id' || (name === 'name' && tagName === 'a')) {
          model.htmlAnchors.push({ id: attrValue, attribute: name, place });
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

  const visit = (node: Nodes, parent: Parents | null, indexInParent: number, insideJsx: boolean): void => {
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
        for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
          if (attribute.type !== 'mdxJsxAttribute') {
            addRequires(attribute.value, attribute.position?.start.offset);
            continue;
          }
          const name = attribute.name.toLowerCase();
          const place = spanOf(attribute.position ?? node.position);
          if (typeof attribute.value === 'string') {
            if (name === 'href' || name === 'src' || name === 'to') model.links.push({ kind: 'html', url: attribute.value, place });
            else if (name === 'id' || (name === 'name' && node.name === 'a')) model.htmlAnchors.push({ id: attribute.value, attribute: name === 'id' ? 'id' : 'name', place });
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

