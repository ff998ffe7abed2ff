import type { Node, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown.js';
import { createLineIndex } from '../position.js';
import type { Rule } from './types.js';

/**
 * Script written into a doc, which the site would run for every reader: a
 * raw `<script>` element, an `on*=` event handler attribute (`onerror`,
 * `onclick`, ...) and a `javascript:` (or `vbscript:`) URL, in raw HTML of a
 * `.md` doc, in JSX of an `.mdx` doc, and as the target of a Markdown link,
 * image or definition. Text in code spans and code blocks is not HTML and
 * is not reported; neither are HTML comments. Behaviour belongs in a
 * component under `src/`, reviewed as code, not in a doc.
 *
 * Each finding is placed at the element, attribute or URL itself.
 */

/** HTML comments hide their text from the parser: blank them, keeping offsets. */
function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** A URL scheme that runs script, ignoring the whitespace and control characters browsers strip (`java\tscript:`). */
const scriptUrl = /^[\u0000-\u0020]*(?:j[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t|v[\t\n\r]*b[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t)[\t\n\r]*:/i;

const schemeOf = (url: string): string => (/vbscript/i.test(url.replace(/[\s\u0000-\u001f]/g, '').slice(0, 10)) ? 'vbscript:' : 'javascript:');

interface Finding {
  /** Offset in the HTML text where the finding starts, and its length. */
  start: number;
  length: number;
  message: string;
}

/** Findings in a piece of raw HTML. */
function inHtml(html: string): Finding[] {
  const text = withoutComments(html);
  const findings: Finding[] = [];
  for (const tag of text.matchAll(/<([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g)) {
    const name = tag[1]!;
    const tagStart = tag.index!;
    if (name.toLowerCase() === 'script') {
      findings.push({ start: tagStart, length: tag[0].length, message: 'Unexpected raw `<script>` element, expected no script in a doc (a component under `src/` instead)' });
    }
    const attrsStart = tagStart + 1 + name.length;
    for (const attr of tag[2]!.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      const attrName = attr[1]!;
      const value = attr[2] ?? attr[3] ?? attr[4];
      const start = attrsStart + attr.index!;
      if (/^on[a-z]/i.test(attrName)) {
        findings.push({ start, length: attr[0].length, message: `Unexpected \`${attrName}\` handler attribute, expected no inline event handler in a doc` });
      } else if (value !== undefined && scriptUrl.test(decodeEntities(value))) {
        findings.push({ start, length: attr[0].length, message: `Unexpected \`${schemeOf(decodeEntities(value))}\` URL in \`${attrName}\`, expected an http(s), relative or doc link` });
      }
    }
  }
  return findings;
}

/** The character references a browser decodes in an attribute value before it reads the URL. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&colon;/gi, ':');
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
  position?: Node['position'];
}

export const noRawScript: Rule = {
  id: 'no-raw-script',
  readsTree: true,
  description: 'No raw `<script>`, `on*=` handlers or `javascript:` URLs in docs',
  severity: 'error',
  check({ doc, report }) {
    if (doc.problems.some((p) => p.ruleId === 'mdx-syntax')) return;
    const tree: Root = doc.tree ?? parseMarkdown(doc.text, doc.format);
    const index = createLineIndex(doc.text);
    const at = (start: number, length: number, message: string) => report({ message, place: index.span(start, start + length) });

    visit(tree, (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      if (node.type === 'html') {
        const value = (node as { value: string }).value;
        // Inside a blockquote or list the value lacks the container's prefixes: find each finding's text in the source.
        const source = doc.text.slice(start, end);
        let cursor = 0;
        for (const f of inHtml(value)) {
          const found = source.indexOf(value.slice(f.start, f.start + f.length), source === value ? f.start : cursor);
          const offset = found === -1 ? start : start + found;
          if (found !== -1) cursor = found + f.length;
          at(offset, f.length, f.message);
        }
      } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        const url = (node as { url: string }).url;
        if (!scriptUrl.test(url)) return;
        const source = doc.text.slice(start, end);
        const found = source.lastIndexOf(url.trim().slice(0, 11));
        at(found === -1 ? start : start + found, found === -1 ? end - start : url.trim().length, `Unexpected \`${schemeOf(url)}\` URL in ${node.type === 'image' ? 'an image' : `a ${node.type}`}, expected an http(s), relative or doc link`);
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const element = node as unknown as { name: string | null; attributes: JsxAttribute[] };
        if (element.name?.toLowerCase() === 'script') {
          at(start, Math.min(end - start, (element.name.length ?? 0) + 1), 'Unexpected raw `<script>` element, expected no script in a doc (a component under `src/` instead)');
        }
        for (const attr of element.attributes) {
          if (attr.type !== 'mdxJsxAttribute' || !attr.name) continue;
          const aStart = attr.position?.start.offset ?? start;
          const aLength = (attr.position?.end.offset ?? aStart + attr.name.length) - aStart;
          if (/^on[A-Z]/.test(attr.name) || /^on[a-z]+$/.test(attr.name)) {
            at(aStart, aLength, `Unexpected \`${attr.name}\` handler attribute, expected no inline event handler in a doc`);
          } else if (typeof attr.value === 'string' && scriptUrl.test(attr.value)) {
            at(aStart, aLength, `Unexpected \`${schemeOf(attr.value)}\` URL in \`${attr.name}\`, expected an http(s), relative or doc link`);
          }
        }
      }
    });
  },
};
