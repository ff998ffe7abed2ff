/**
 * The document model shared by every part of the handbook: the remark plugin,
 * the validator, the export and the runner. Positions are 1-based lines and
 * columns in the document's own text (front matter included), like unist.
 */

export interface Point {
  line: number;
  column: number;
  /** 0-based character offset in the document text. */
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/** A problem found while parsing (not a rule finding): malformed YAML, MDX syntax errors. */
export interface ParseProblem {
  ruleId: 'yaml-syntax' | 'mdx-syntax';
  message: string;
  place: Span;
}

export interface FrontMatterKey {
  /** Dotted path of the key, e.g. `version` or `params.ENV.pattern`. */
  path: string;
  /** Where the key itself is written. */
  keySpan: Span;
  /** Where its value is written (a scalar, a flow collection or a block). */
  valueSpan: Span;
}

export interface FrontMatter {
  /** Whether the document has a `---` YAML block at all. */
  present: boolean;
  /** The YAML source between the fences. */
  raw: string;
  /**
   * Values as Docusaurus sees them (js-yaml with the default schema: a bare
   * `2024-01-02` becomes a Date, `1.0` a number). Empty when the YAML is malformed.
   */
  data: Record<string, unknown>;
  /** Position of every mapping key, top-level and nested, by dotted path. */
  keys: Map<string, FrontMatterKey>;
  /** The whole block including both fences; null when absent. */
  span: Span | null;
}

export interface Heading {
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  /** Visible text, explicit id syntax removed. */
  text: string;
  /**
   * The anchor the built site carries. Docusaurus renders the h1 without an
   * `id`, so `anchor` is null for depth 1; `id` still records the slug it used.
   */
  id: string;
  anchor: string | null;
  /** True when written as `{#id}` or `{/* #id *\/}`. */
  explicitId: boolean;
  place: Span;
}

export type LinkKind =
  | 'link' // [text](url)
  | 'image' // ![alt](url)
  | 'definition' // [label]: url
  | 'html' // <a href>, <img src> in raw HTML or JSX
  | 'require' // require('./x.png') in MDX
  | 'frontmatter'; // a front matter value that is a link (superseded_by)

export interface Link {
  kind: LinkKind;
  url: string;
  place: Span;
  /** For reference-style links and images: the definition label they use. */
  label?: string;
}

/** A reference to a definition: `[text][label]` or `![alt][label]`. */
export interface Reference {
  kind: 'linkReference' | 'imageReference';
  label: string;
  place: Span;
}

/** An `id` or `name` attribute in raw HTML or JSX: a target the site may not register. */
export interface HtmlAnchor {
  id: string;
  attribute: 'id' | 'name';
  place: Span;
  /**
   * Whether the theme registers it as an anchor of the page, so the build's
   * broken-anchor check accepts links to it: raw `<a|li|details|h2-h6 id>`
   * in CommonMark, `<details id>` / `<Details id>` in MDX (see core/parse.ts).
   */
  collected: boolean;
}

export interface CodeBlock {
  lang: string | null;
  meta: string | null;
  value: string;
  /** The fence, from the opening to the closing line. */
  place: Span;
  /** Line of the first content line (opening fence + 1). */
  contentStartLine: number;
  /** Index of the enclosing h2 in `headings` (the section), or null before the first h2. */
  sectionHeading: number | null;
  /**
   * Plain text of the paragraph right before the block, if the block follows
   * one directly (used as a default step title).
   */
  precedingText: string | null;
  /** Skipped by suppression or nested in JSX that renders it as something else. */
  insideJsx: boolean;
}

/** An HTML or MDX comment: `<!-- ... -->` or `{/* ... *\/}`. */
export interface Comment {
  text: string;
  place: Span;
  /** The node right after the comment (what `lint ignore` applies to), if any. */
  nextBlock: Span | null;
}

export interface DocModel {
  path: string;
  format: 'md' | 'mdx';
  text: string;
  frontMatter: FrontMatter;
  headings: Heading[];
  links: Link[];
  references: Reference[];
  htmlAnchors: HtmlAnchor[];
  codeBlocks: CodeBlock[];
  comments: Comment[];
  /**
   * The Markdown partials this doc renders (`import X from './_x.mdx'` then
   * `<X />`), as paths relative to the same folder as `path`: their
   * headings and ids are anchors of this page.
   */
  embeds: string[];
  problems: ParseProblem[];
  /**
   * The mdast tree the model was built from, when this model was parsed in
   * this process (non-enumerable; absent from cached models).
   */
  readonly tree?: import('mdast').Root;
}

/**
 * What the other docs of a check need to know about a doc: the inputs of its
 * route, its anchors and where its links point. A `DocModel` is one. A
 * re-check of a few docs loads full models only for the docs it reports on
 * and this much for the rest (see `summaryOf`).
 */
export interface DocSummary {
  path: string;
  /** The front matter keys that decide the doc's route. */
  frontMatter: { data: { id?: unknown; slug?: unknown } };
  headings: readonly Pick<Heading, 'depth' | 'id' | 'anchor'>[];
  htmlAnchors: readonly Pick<HtmlAnchor, 'id' | 'attribute' | 'collected'>[];
  links: readonly Pick<Link, 'kind' | 'url'>[];
  /** The partials it renders (see `DocModel.embeds`). */
  embeds: readonly string[];
}
