import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkComment from '@slorber/remark-comment';
import type { Root } from 'mdast';

// `ast: true` keeps comments as `comment` nodes (suppression comments are read
// from them); the package's types only declare its older `emit` option.

/**
 * The Markdown dialects of the site: CommonMark (`md`) and MDX (`mdx`), both
 * with the syntax extensions Docusaurus's MDX loader registers (front matter,
 * directives for admonitions, GFM, and HTML comments as comments:
 * `mdx1Compat.comments`).
 */
export type MarkdownFormat = 'md' | 'mdx';

/**
 * How the site reads its Markdown: Docusaurus's `markdown.format` (`md`,
 * `mdx`, or `detect`: `.md` as CommonMark and `.mdx` as MDX), its
 * `markdown.mdx1Compat` switches that change syntax, and the syntax that
 * site remark plugins add (`math`: remark-math's `$...$` and `$$` blocks).
 * Data: the loader reads it from the site config or handbook.config.json.
 */
export interface MarkdownOptions {
  format: MarkdownFormat | 'detect';
  mdx1Compat: { comments: boolean; headingIds: boolean };
  /** The docs plugin registers remark-math: `$` math is opaque text, as the site renders it with KaTeX. */
  math: boolean;
}

/** What the handbook assumes without a site config: `detect` (Docusaurus's rule per extension), MDX 1 compatibility on (Docusaurus's defaults), no math. */
export const DEFAULT_MARKDOWN: MarkdownOptions = { format: 'detect', mdx1Compat: { comments: true, headingIds: true }, math: false };

/** Fills the defaults of {@link DEFAULT_MARKDOWN} into partial options. */
export function markdownOptions(given: Partial<MarkdownOptions> | undefined): MarkdownOptions {
  if (!given) return DEFAULT_MARKDOWN;
  return { format: given.format ?? DEFAULT_MARKDOWN.format, mdx1Compat: { ...DEFAULT_MARKDOWN.mdx1Compat, ...given.mdx1Compat }, math: given.math ?? false };
}

const processors = new Map<string, Processor<Root>>();

function processorFor(format: MarkdownFormat, comments: boolean, math: boolean): Processor<Root> {
  const key = `${format}-${comments}-${math}`;
  let processor = processors.get(key);
  if (!processor) {
    // Same extensions in the same order as Docusaurus's MDX loader: a later
    // micromark extension takes precedence, so `<!--` is a comment before MDX
    // reads `<` as JSX.
    const base = unified().use(remarkParse);
    if (format === 'mdx') base.use(remarkMdx);
    base.use(remarkFrontmatter, ['yaml']).use(remarkDirective).use(remarkGfm);
    if (comments) base.use(remarkComment, { ast: true } as never);
    // The site's own remark plugins come after Docusaurus's defaults; remark-math is the one that changes syntax.
    if (math) base.use(remarkMath);
    processor = base as unknown as Processor<Root>;
    processor.freeze();
    processors.set(key, processor);
  }
  return processor;
}

/**
 * The format of one document, as `getFormat` of `@docusaurus/mdx-loader`
 * decides it: the front matter's `format` first, then the site's
 * `markdown.format`; `detect` means `.mdx` is MDX and any other extension
 * CommonMark.
 */
export function formatOf(path: string, { siteFormat = 'detect', frontMatterFormat }: { siteFormat?: MarkdownOptions['format']; frontMatterFormat?: unknown } = {}): MarkdownFormat {
  const chosen = frontMatterFormat === 'md' || frontMatterFormat === 'mdx' || frontMatterFormat === 'detect' ? frontMatterFormat : siteFormat;
  if (chosen !== 'detect') return chosen;
  return extensionFormatOf(path);
}

function extensionFormatOf(path: string): MarkdownFormat {
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

/**
 * Parses a document to mdast exactly as the site's Markdown dialect reads
 * it. Throws on MDX syntax errors. With `math`, remark-math's syntax too
 * (`$$` blocks and `$...$` spans are math nodes: neither JSX nor links, as on
 * the rendered page).
 */
export function parseMarkdown(text: string, format: MarkdownFormat, options: Pick<MarkdownOptions, 'mdx1Compat' | 'math'> = DEFAULT_MARKDOWN): Root {
  if (format === 'md') return processorFor('md', options.mdx1Compat.comments, options.math).parse(text);
  const protectedText = options.mdx1Compat.headingIds ? protectHeadingIds(text) : text;
  const tree = processorFor('mdx', options.mdx1Compat.comments, options.math).parse(protectedText);
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
