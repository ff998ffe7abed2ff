import type { Comment, DocModel } from './types.js';

/**
 * Comment directives in the remark-message-control style, so the remark
 * language server and `handbook check` agree:
 * - `<!-- lint ignore rule-a rule-b -->`: the next block only;
 * - `<!-- lint disable rule-a -->` ... `<!-- lint enable rule-a -->`: a range
 *   (to the end of the file when never re-enabled);
 * - without rule ids, the directive applies to every rule.
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
      for (const id of key ? [key] : ids) if (!open.has(id)) open.set(id, comment.place.start.line);
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
