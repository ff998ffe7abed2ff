import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { Heading as MdastHeading, PhrasingContent } from 'mdast';
import type { Heading, Span } from './types.js';

/**
 * Heading anchors exactly as Docusaurus's `headings` remark plugin computes
 * them (`@docusaurus/mdx-loader`): github-slugger per document, the text of
 * the heading without raw HTML, and explicit ids in `{#id}` (classic) or
 * `{/* #id *\/}` (MDX comment) syntax taken verbatim.
 */

/** The classic `{#id}` syntax, same expression as `parseMarkdownHeadingId` in `@docusaurus/utils`. */
const classicHeadingId = /\s*\{#(?<id>(?:.(?!\{#|\}))*.)\}$/;

export function parseClassicHeadingId(heading: string): { text: string; id: string | undefined } {
  const match = classicHeadingId.exec(heading);
  if (match) return { text: heading.replace(match[0], ''), id: match.groups!.id!.trim() };
  return { text: heading, id: undefined };
}

/** `{/* #my-id *\/}` as the last child of an MDX heading. */
function commentHeadingId(heading: MdastHeading): string | undefined {
  const last = heading.children.at(-1) as (PhrasingContent & { data?: { estree?: EstreeProgram } }) | undefined;
  if (last?.type !== 'mdxTextExpression') return undefined;
  const program = last.data?.estree;
  if (!program || program.body.length !== 0 || program.comments?.length !== 1) return undefined;
  const firstPart = program.comments[0]!.value.trim().split(' ')[0];
  if (firstPart?.startsWith('#')) return firstPart.slice(1) || undefined;
  return undefined;
}

interface EstreeProgram {
  body: unknown[];
  comments?: { value: string }[];
}

export interface HeadingAnchor {
  text: string;
  id: string;
  explicit: boolean;
}

/** A stateful anchor maker for one document: duplicate headings get `-1`, `-2`. */
export function createHeadingAnchors(options: { maintainCase?: boolean } = {}) {
  const slugger = new GithubSlugger();
  return function anchorFor(heading: MdastHeading): HeadingAnchor {
    const commentId = commentHeadingId(heading);
    const children = commentId ? heading.children.slice(0, -1) : heading.children;
    const textNodes = children.filter(({ type }) => type !== 'html' && (type as string) !== 'jsx');
    const fullText = toString(textNodes.length > 0 ? textNodes : children.length > 0 ? children : heading);
    if (commentId) return { text: fullText.trimEnd(), id: commentId, explicit: true };
    const classic = parseClassicHeadingId(fullText);
    if (classic.id) return { text: classic.text, id: classic.id, explicit: true };
    return { text: fullText, id: slugger.slug(fullText, options.maintainCase ?? false), explicit: false };
  };
}

/** The model's heading: Docusaurus renders the h1 without an `id`, so its anchor is null. */
export function headingEntry(depth: MdastHeading['depth'], anchor: HeadingAnchor, place: Span): Heading {
  return { depth, text: anchor.text, id: anchor.id, anchor: depth === 1 ? null : anchor.id, explicitId: anchor.explicit, place };
}
