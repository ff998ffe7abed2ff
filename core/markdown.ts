import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkComment from '@slorber/remark-comment';
import type { Root } from 'mdast';

// `ast: true` keeps comments as `comment` nodes (suppression comments are read
// from them); the package's types only declare its older `emit` option.

/**
 * The Markdown dialects of the site: `.md` is CommonMark and `.mdx` is MDX
 * (`markdown.format: 'detect'`), both with the syntax extensions Docusaurus's
 * MDX loader registers (front matter, directives for admonitions, GFM, and
 * HTML comments as comments: `mdx1Compat.comments`).
 */
export type MarkdownFormat = 'md' | 'mdx';

const processors = new Map<MarkdownFormat, Processor<Root>>();

function processorFor(format: MarkdownFormat): Processor<Root> {
  let processor = processors.get(format);
  if (!processor) {
    // Same extensions in the same order as Docusaurus's MDX loader: a later
    // micromark extension takes precedence, so `<!--` is a comment before MDX
    // reads `<` as JSX.
    const base = unified().use(remarkParse);
    if (format === 'mdx') base.use(remarkMdx);
    base.use(remarkFrontmatter, ['yaml']).use(remarkDirective).use(remarkGfm).use(remarkComment, { ast: true } as never);
    processor = base as unknown as Processor<Root>;
    processor.freeze();
    processors.set(format, processor);
  }
  return processor;
}

export function formatOf(path: string): MarkdownFormat {
  return /\.mdx$/i.test(path) ? 'mdx' : 'md';
}

/**
 * Stands in for `{` in `{#id}` heading ids while MDX is parsed. Docusaurus
 * escapes the first `{#` of each heading line (`mdx1Compat.headingIds`) so MDX
 * does not read it as an expression; a same-length stand-in keeps every
 * position in the document exact. It is turned back into `{` after parsing.
 */
export const HEADING_ID_BRACE = '\uE000';

const headingLine = /(?:^|\n)#{1,6}(?!#).*/g;

function protectHeadingIds(text: string): string {
  if (!text.includes('{#')) return text;
  return text.replace(headingLine, (line) => line.replace('{#', HEADING_ID_BRACE + '#'));
}

/** Parses a document to mdast exactly as the site's Markdown dialect reads it. Throws on MDX syntax errors. */
export function parseMarkdown(text: string, format: MarkdownFormat): Root {
  if (format === 'md') return processorFor('md').parse(text);
  const protectedText = protectHeadingIds(text);
  const tree = processorFor('mdx').parse(protectedText);
  if (protectedText !== text) restoreHeadingIdBraces(tree);
  return tree;
}

function restoreHeadingIdBraces(node: unknown): void {
  const n = node as { value?: unknown; children?: unknown[] };
  if (typeof n.value === 'string' && n.value.includes(HEADING_ID_BRACE)) {
    n.value = n.value.split(HEADING_ID_BRACE).join('{');
  }
  if (Array.isArray(n.children)) for (const child of n.children) restoreHeadingIdBraces(child);
}
