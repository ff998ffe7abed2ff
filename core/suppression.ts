import type { Comment, DocModel } from './types.js';

/**
 * Comment directives in the remark-message-control style, so the remark
 * language server and `handbook check` agree:
 * - `<!-- lint ignore rule-a rule-b -->`: the next block only;
 * - `<!-- lint disable rule-a -->` ... `<!-- lint enable rule-a -->`: a range
 *   (to the end of the file when never re-enabled);
 * - without rule ids, the directive applies to every rule;
 * - a `disable` before any content (right after the front matter) covers the
 *   whole file, front matter included: the way to silence a header finding.
 * In MDX, the same text inside `{/* ... *\/}`.
 */
interface Range {
  ruleIds: Set<string> | 'all';
  fromLine: number;
  toLine: number;
}

const directive = /^lint\s+(ignore|disable|enable)\b\s*(.*)$/;

export function createSuppressions(doc: DocModel): (ruleId: string, line: number) => boolean {
  const ranges: Range[] = [];
  const open = new Map<string, number>();
  const comments: Comment[] = [...doc.comments].sort((a, b) => a.place.start.line - b.place.start.line);
  const leading = leadingComments(doc);
  for (const comment of comments) {
    const match = directive.exec(comment.text.trim());
    if (!match) continue;
    const [, verb, rest] = match;
    const ids = rest!.split(/[\s,]+/).filter(Boolean);
    const key = ids.length === 0 ? '*' : null;
    if (verb === 'ignore') {
      const block = comment.nextBlock;
      if (block) ranges.push({ ruleIds: ids.length ? new Set(ids) : 'all', fromLine: block.start.line, toLine: block.end.line });
    } else if (verb === 'disable') {
      const from = leading.has(comment) ? 1 : comment.place.start.line;
      for (const id of key ? [key] : ids) if (!open.has(id)) open.set(id, from);
    } else {
      for (const id of key ? [key] : ids) {
        const from = open.get(id);
        if (from !== undefined) {
          ranges.push({ ruleIds: id === '*' ? 'all' : new Set([id]), fromLine: from, toLine: comment.place.start.line });
          open.delete(id);
        }
      }
    }
  }
  for (const [id, from] of open) ranges.push({ ruleIds: id === '*' ? 'all' : new Set([id]), fromLine: from, toLine: Number.POSITIVE_INFINITY });

  return (ruleId, line) =>
    ranges.some((r) => line >= r.fromLine && line <= r.toLine && (r.ruleIds === 'all' || r.ruleIds.has(ruleId)));
}

/** The comments before any content of the document (only front matter, blank lines and comments above them). */
function leadingComments(doc: DocModel): Set<Comment> {
  const leading = new Set<Comment>();
  let at = doc.frontMatter.span?.end.offset ?? 0;
  for (const comment of [...doc.comments].sort((a, b) => a.place.start.offset - b.place.start.offset)) {
    if (doc.text.slice(at, comment.place.start.offset).trim() !== '') break;
    leading.add(comment);
    at = comment.place.end.offset;
  }
  return leading;
}
