import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root, Table } from 'mdast';
import { parseMarkdown } from '../markdown.js';
import { spanOf } from '../position.js';
import { carriesHeader, compareSemver, headerData, parseSemver, type Semver } from '../header.js';
import type { DocModel, Heading } from '../types.js';
import type { Rule } from './types.js';

/**
 * ## header-version-history
 *
 * A doc may keep a section headed `Version history` with a table whose
 * first column is the version (`1.2.0` or `v1.2.0`) and, optionally, a
 * column headed `Date`. Its highest version must equal the header's
 * `version`, and that row's date, if given, must equal `last_updated`: the
 * history and the header tell the same story.
 *
 * ok:
 * ```md
 * ---
 * version: 1.1.0
 * last_updated: 2026-11-01
 * ---
 * ## Version history
 * | Version | Date | Change |
 * |---|---|---|
 * | 1.1.0 | 2026-11-01 | Add rollback step. |
 * | 1.0.0 | 2026-10-01 | First version. |
 * ```
 */
export const headerVersionHistory: Rule = {
  id: 'header-version-history',
  readsTree: true,
  description: 'The Version history table ends at the header version and last_updated',
  severity: 'error',
  check(ctx) {
    if (!carriesHeader(ctx)) return;
    const { doc, report } = ctx;
    const headings = doc.headings.filter((h) => h.depth > 1 && /^version history$/i.test(h.text.trim()));
    if (headings.length === 0) return;
    const data = headerData(doc);
    const version = parseSemver(data.version);
    const lastUpdated = typeof data.last_updated === 'string' ? data.last_updated : null;

    for (const heading of headings) {
      const table = tableOfSection(doc, heading);
      if (!table) continue;
      const [head, ...rows] = table.children;
      const dateColumn = head ? head.children.findIndex((cell) => /\bdate\b/i.test(toString(cell))) : -1;
      let highest: { version: Semver; text: string; row: (typeof rows)[number] } | null = null;
      for (const row of rows) {
        const cell = row.children[0];
        if (!cell) continue;
        const text = toString(cell).trim();
        const parsed = parseSemver(text.replace(/^v/i, ''));
        if (!parsed) {
          report({ message: `Unexpected version \`${text}\` in the version history, expected semver MAJOR.MINOR.PATCH`, place: spanOf(cell.position) });
          continue;
        }
        if (!highest || compareSemver(parsed, highest.version) > 0) highest = { version: parsed, text, row };
      }
      if (!highest || !version) continue;
      const headerVersion = version.join('.');
      if (compareSemver(highest.version, version) !== 0) {
        report({
          message: `Unexpected highest version \`${highest.text}\` in the version history, expected \`${headerVersion}\` (the header's \`version\`)`,
          place: spanOf(highest.row.position),
        });
        continue;
      }
      const dateCell = dateColumn >= 0 ? highest.row.children[dateColumn] : undefined;
      const date = dateCell ? toString(dateCell).trim() : '';
      if (date !== '' && lastUpdated !== null && date !== lastUpdated) {
        report({
          message: `Unexpected date \`${date}\` for ${headerVersion} in the version history, expected \`${lastUpdated}\` (the header's \`last_updated\`)`,
          place: spanOf(dateCell!.position),
        });
      }
    }
  },
};

/**
 * The first table of the heading's section: from the doc's own tree when the
 * model was parsed in this run (no second parse), else (a model from the
 * cache) from the section's text parsed alone, with the site's own Markdown
 * dialect, its positions shifted back to the document's lines.
 */
function tableOfSection(doc: DocModel, heading: Heading): Table | null {
  const start = heading.place.start.offset;
  const next = doc.headings.find((h) => h.place.start.offset > start && h.depth <= heading.depth);
  const end = next ? next.place.start.offset : doc.text.length;
  if (doc.tree) return tableInTree(doc.tree, start, end);
  const text = doc.text.slice(start, end);
  let tree: Root;
  try {
    tree = parseMarkdown(text, doc.format);
  } catch {
    return null; // an MDX syntax error is reported as `mdx-syntax`
  }
  const table = tree.children.find((node): node is Table => node.type === 'table');
  if (!table) return null;
  const lines = heading.place.start.line - 1;
  visit(table, (node) => {
    if (!node.position) return;
    node.position.start = { ...node.position.start, line: node.position.start.line + lines, offset: (node.position.start.offset ?? 0) + start };
    node.position.end = { ...node.position.end, line: node.position.end.line + lines, offset: (node.position.end.offset ?? 0) + start };
  });
  return table;
}

/** The first table among the siblings after the heading that starts at `start`, before `end`. */
function tableInTree(tree: Root, start: number, end: number): Table | null {
  let found: Table | null = null;
  visit(tree, 'heading', (node, index, parent) => {
    if (node.position?.start.offset !== start || !parent || index === undefined) return;
    for (const sibling of parent.children.slice(index + 1)) {
      if ((sibling.position?.start.offset ?? end) >= end) break;
      if (sibling.type === 'table') {
        found = sibling;
        break;
      }
    }
    return false;
  });
  return found;
}

export default headerVersionHistory;
